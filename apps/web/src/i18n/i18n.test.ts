import { waitFor } from '@testing-library/react';

/**
 * A visit downloads only the language it shows: the other catalogue is fetched the first time the user switches
 * to it. Each test takes a fresh copy of the i18n module (and of i18next), with both catalogue modules counted,
 * since the shared copy of test/setup.ts has both loaded up front.
 */
type I18nModule = typeof import('./i18n');

async function freshI18n(): Promise<{ mod: I18nModule; loads: { uk: number; en: number } }> {
  const loads = { uk: 0, en: 0 };
  let mod: I18nModule | undefined;
  await jest.isolateModulesAsync(async () => {
    jest.doMock('./uk', () => {
      loads.uk += 1;
      return jest.requireActual('./uk');
    });
    jest.doMock('./en', () => {
      loads.en += 1;
      return jest.requireActual('./en');
    });
    mod = await import('./i18n');
  });
  if (!mod) throw new Error('the i18n module did not load');
  return { mod, loads };
}

afterEach(() => {
  jest.dontMock('./uk');
  jest.dontMock('./en');
  document.documentElement.lang = 'uk';
});

describe('language catalogues', () => {
  it('loads the shown language only, and the other one when the user switches to it', async () => {
    const { mod, loads } = await freshI18n();
    expect(loads).toEqual({ uk: 0, en: 0 });

    await mod.loadCatalogue(mod.currentUiLocale());
    expect(mod.currentUiLocale()).toBe('uk');
    expect(loads).toEqual({ uk: 1, en: 0 });
    expect(mod.i18n.hasResourceBundle('en', 'translation')).toBe(false);
    expect(mod.i18n.t('app.language')).toBe('Мова');

    mod.setUiLocale('en');
    // nothing shows in English before its texts are here
    expect(mod.currentUiLocale()).toBe('uk');
    await waitFor(() => expect(mod.currentUiLocale()).toBe('en'));
    expect(loads).toEqual({ uk: 1, en: 1 });
    expect(mod.i18n.t('app.language')).toBe('Language');
    expect(document.documentElement.lang).toBe('en');

    // back and forth again: nothing is fetched twice
    mod.setUiLocale('uk');
    expect(mod.currentUiLocale()).toBe('uk');
    mod.setUiLocale('en');
    expect(mod.currentUiLocale()).toBe('en');
    expect(loads).toEqual({ uk: 1, en: 1 });
  });

  it('stays in the language chosen last when the user switches back before the other one arrives', async () => {
    const { mod } = await freshI18n();
    await mod.loadCatalogue('uk');

    mod.setUiLocale('en');
    mod.setUiLocale('uk');
    await mod.loadCatalogue('en');
    await Promise.resolve();

    expect(mod.i18n.hasResourceBundle('en', 'translation')).toBe(true);
    expect(mod.currentUiLocale()).toBe('uk');
    expect(localStorage.getItem('jv.locale')).toBe('uk');
  });
});
