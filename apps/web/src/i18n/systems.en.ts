import type { Translation } from './uk';

/** English strings of the systems feature; the type makes its keys match systems.uk.ts. */
export const systemsEn: Translation['systems'] = {
  title: 'Systems',
};
