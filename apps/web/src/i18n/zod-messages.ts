import { z } from 'zod';
import { setFieldRuleText } from '@jv/contracts';
import { fieldMessage, issueParams } from '../lib/messages';
import { i18n } from './i18n';

/**
 * Form validation speaks the UI language: zod's checks and the contracts' named rules are worded by
 * the same catalogue as the server's field errors (lib/messages.ts), never by zod's own locale.
 *
 * Imported by lib/zod-resolver.ts, the one way forms validate, rather than by i18n.ts or the API client: zod and the
 * forms' schemas then load with the first form, and the first page (the login page's too) renders without them.
 */
z.config({
  localeError: (issue) =>
    fieldMessage(i18n.t, {
      code: issue.code === 'invalid_type' && issue.input === undefined ? 'required' : issue.code,
      params: issueParams(issue),
    }),
});
setFieldRuleText((code) => fieldMessage(i18n.t, { code }));
