import { screen } from '@testing-library/react';
import type { Locale } from '@jv/contracts';
import { mockFetch, page } from '../../../test/fetch-mock';
import { renderWithProviders } from '../../../test/render';
import { FacilityForm } from './facility-form';

const TEXT: Record<Locale, { code: RegExp; name: RegExp; save: string; codeFormat: RegExp; required: string }> = {
  uk: {
    code: /^Код/,
    name: /^Назва/,
    save: 'Зберегти',
    codeFormat: /^2–20 латинських літер, цифр або дефісів$/,
    required: 'Обовʼязкове поле',
  },
  en: {
    code: /^Code/,
    name: /^Name/,
    save: 'Save',
    codeFormat: /^2–20 (Latin )?letters, digits or dashes$/,
    required: 'Required',
  },
};

/** The facility form's client-side validation (the contract's create schema through react-hook-form). */
describe('FacilityForm validation messages', () => {
  it.each<Locale>(['uk', 'en'])(
    'in %s, a malformed code gets the format hint and an empty name is required; nothing is sent',
    async (locale) => {
      const fetch = mockFetch({ 'GET /joint-ventures': page([]) });
      const { events } = renderWithProviders(<FacilityForm />, { route: '/reference/facilities/new', locale });

      await events.type(screen.getByLabelText(TEXT[locale].code), 'x!');
      await events.click(screen.getByRole('button', { name: TEXT[locale].save }));

      expect(screen.getByLabelText(TEXT[locale].code)).toHaveAccessibleDescription(TEXT[locale].codeFormat);
      expect(screen.getByLabelText(TEXT[locale].name)).toHaveAccessibleDescription(TEXT[locale].required);
      expect(fetch.requests.filter((r) => r.method !== 'GET')).toEqual([]);
    },
  );

  it.each<[Locale, RegExp, RegExp, RegExp, string, string, RegExp]>([
    ['uk', /^Тип/, /^Область/, /^Ремонтні місця/, 'Ремонтна майстерня', 'Львівська', /ремонтний бокс/],
    ['en', /^Kind/, /^Oblast/, /^Repair bays/, 'Repair workshop', 'Lviv', /repair bay/],
  ])(
    "in %s, a repair workshop without repair bays is told so in that language (the contract's named rule)",
    async (locale, kind, oblast, bays, workshop, lviv, expected) => {
      const fetch = mockFetch({ 'GET /joint-ventures': page([]) });
      const { events } = renderWithProviders(<FacilityForm />, { route: '/reference/facilities/new', locale });
      await events.type(screen.getByLabelText(TEXT[locale].code), 'WS-9');
      await events.type(screen.getByLabelText(TEXT[locale].name), 'Workshop nine');
      await events.selectOptions(screen.getByLabelText(kind), workshop);
      await events.selectOptions(screen.getByLabelText(oblast), screen.getByRole('option', { name: lviv }));
      await events.clear(screen.getByLabelText(bays));
      await events.type(screen.getByLabelText(bays), '0');
      await events.click(screen.getByRole('button', { name: TEXT[locale].save }));
      expect(screen.getByLabelText(bays)).toHaveAccessibleDescription(expected);
      expect(fetch.requests.filter((r) => r.method !== 'GET')).toEqual([]);
    },
  );
});
