import { componentRequestsEn, supplyPlansEn } from './component-requests.en';
import { componentRequestsUk, supplyPlansUk } from './component-requests.uk';
import { en } from './en';
import { notificationsEn } from './notifications.en';
import { notificationsUk } from './notifications.uk';
import { partnerReportsEn } from './partner-reports.en';
import { partnerReportsUk } from './partner-reports.uk';
import { repairJobsEn } from './repair-jobs.en';
import { repairJobsUk } from './repair-jobs.uk';
import { systemsEn } from './systems.en';
import { systemsUk } from './systems.uk';
import { uk } from './uk';

type Catalogue = { readonly [key: string]: string | Catalogue };

/** Every leaf of a catalogue as [dotted key, text]. */
function leaves(catalogue: Catalogue, prefix = ''): [string, unknown][] {
  return Object.entries(catalogue).flatMap(([key, value]): [string, unknown][] =>
    value !== null && typeof value === 'object' ? leaves(value, `${prefix}${key}.`) : [[`${prefix}${key}`, value]],
  );
}

const keysOf = (catalogue: Catalogue) => new Set(leaves(catalogue).map(([key]) => key));
function missingFrom(from: Catalogue, target: Catalogue): string[] {
  const present = keysOf(target);
  return [...keysOf(from)].filter((key) => !present.has(key));
}
/** `{{name}}` placeholders of a text, sorted */
const placeholders = (text: unknown) => [...String(text).matchAll(/\{\{\s*([\w.]+)\s*\}\}/g)].map((m) => m[1]).sort();

const PAIRS: [string, Catalogue, Catalogue][] = [
  ['uk.ts / en.ts (whole UI)', uk, en],
  ['systems.uk.ts / systems.en.ts', systemsUk, systemsEn],
  ['repair-jobs.uk.ts / repair-jobs.en.ts', repairJobsUk, repairJobsEn],
  ['component-requests.uk.ts / .en.ts (requests)', componentRequestsUk, componentRequestsEn],
  ['component-requests.uk.ts / .en.ts (supply plans)', supplyPlansUk, supplyPlansEn],
  ['partner-reports.uk.ts / .en.ts', partnerReportsUk, partnerReportsEn],
  ['notifications.uk.ts / .en.ts', notificationsUk, notificationsEn],
];

describe('i18n catalogues (uk, en)', () => {
  it.each(PAIRS)('%s: every key of one language exists in the other', (_name, ukCatalogue, enCatalogue) => {
    expect({
      missingInEn: missingFrom(ukCatalogue, enCatalogue),
      missingInUk: missingFrom(enCatalogue, ukCatalogue),
    }).toEqual({
      missingInEn: [],
      missingInUk: [],
    });
    expect(keysOf(ukCatalogue).size).toBeGreaterThan(0);
  });

  it('has a non-empty text for every key, in both languages', () => {
    const blank = [
      ...leaves(uk).map(([key, text]) => [`uk:${key}`, text]),
      ...leaves(en).map(([key, text]) => [`en:${key}`, text]),
    ]
      .filter(([, text]) => typeof text !== 'string' || text.trim() === '')
      .map(([key]) => key);
    expect(blank).toEqual([]);
  });

  it('uses the same {{placeholders}} for a key in both languages', () => {
    const enTexts = new Map(leaves(en));
    const mismatched = leaves(uk)
      .filter(([key, text]) => placeholders(text).join() !== placeholders(enTexts.get(key)).join())
      .map(
        ([key, text]) =>
          `${key}: uk ${placeholders(text).join(',') || '-'} / en ${placeholders(enTexts.get(key)).join(',') || '-'}`,
      );
    expect(mismatched).toEqual([]);
  });

  // i18next resolves a plural form for every call with `count`, through Intl.PluralRules: the first one of a page loads
  // the browser's locale data (a long task on a phone's first screen). A number that has no plural forms is `{{n}}`.
  it('uses {{count}} only in texts with plural forms (key_one, key_few…)', () => {
    const withCount = [...leaves(uk), ...leaves(en)]
      .filter(([key, text]) => placeholders(text).includes('count') && !/_(zero|one|two|few|many|other)$/.test(key))
      .map(([key]) => key);
    expect(withCount).toEqual([]);
  });
});
