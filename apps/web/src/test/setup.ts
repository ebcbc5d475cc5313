// Runs before every web test file (jest.web.config.cjs → setupFilesAfterEnv).
import '@testing-library/jest-dom';
import { cleanup } from '@testing-library/react';
// the app's i18next instance; the app fetches a language's catalogue when it is first shown, the tests load
// both up front so that setUiLocale switches at once (i18n/i18n.test.ts checks the loading on demand)
import { DEFAULT_LOCALE, i18n, loadCatalogue } from '../i18n/i18n';
// as on every page with a form (lib/api-client.ts loads it): zod words its checks in the UI language
import '../i18n/zod-messages';

// Browser APIs that jsdom does not implement and the app uses.
if (typeof HTMLDialogElement !== 'undefined' && !HTMLDialogElement.prototype.showModal) {
  HTMLDialogElement.prototype.showModal = function showModal(this: HTMLDialogElement) {
    this.setAttribute('open', '');
  };
  HTMLDialogElement.prototype.show = HTMLDialogElement.prototype.showModal;
  HTMLDialogElement.prototype.close = function close(this: HTMLDialogElement, returnValue?: string) {
    if (!this.hasAttribute('open')) return;
    this.removeAttribute('open');
    if (returnValue !== undefined) this.returnValue = returnValue;
    this.dispatchEvent(new Event('close'));
  };
}
if (!Element.prototype.scrollIntoView) Element.prototype.scrollIntoView = function scrollIntoView() {};

beforeAll(() => Promise.all([loadCatalogue('uk'), loadCatalogue('en')]));

// Every test starts signed out of nothing: no rendered tree, nothing stored, the default language.
afterEach(async () => {
  cleanup();
  localStorage.clear();
  if (i18n.language !== DEFAULT_LOCALE) await i18n.changeLanguage(DEFAULT_LOCALE);
});
