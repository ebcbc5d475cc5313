// Every form validates through here, so that zod's messages speak the UI language (i18n/zod-messages.ts) wherever a
// form is, and zod itself loads with the first form rather than with the first page (lint forbids the direct import).
import '../i18n/zod-messages';

export { zodResolver } from '@hookform/resolvers/zod';
