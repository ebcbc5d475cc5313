import { screen } from '@testing-library/react';
import type { Locale } from '@jv/contracts';
import { mockFetch } from '../../../test/fetch-mock';
import { renderWithProviders } from '../../../test/render';
import { UsageForm } from './usage-form';

const SYSTEM_ID = '0b6f3c1e-8a52-4d6e-9f2a-3c4d5e6f7a8b';

const TEXT: Record<Locale, { rounds: RegExp; efc: RegExp; submit: string; efcNumber: RegExp; wholeNumber: string }> = {
  uk: {
    rounds: /^Пострілів/,
    efc: /^ЕПЗ/,
    submit: 'Надіслати звіт',
    efcNumber: /^Введіть число; можна дробове/,
    wholeNumber: 'Введіть ціле число',
  },
  en: {
    rounds: /^Rounds/,
    efc: /^EFC/,
    submit: 'Send report',
    efcNumber: /^Enter a number; decimals allowed/,
    wholeNumber: 'Enter a whole number',
  },
};

describe('UsageForm', () => {
  it.each<Locale>(['uk', 'en'])(
    'in %s, an empty EFC asks for a number with decimals allowed, empty rounds for a whole number',
    async (locale) => {
      const fetch = mockFetch({});
      const { events } = renderWithProviders(<UsageForm systemId={SYSTEM_ID} />, { locale });

      await events.click(screen.getByRole('button', { name: TEXT[locale].submit }));

      expect(screen.getByLabelText(TEXT[locale].efc)).toHaveAccessibleDescription(TEXT[locale].efcNumber);
      expect(screen.getByLabelText(TEXT[locale].rounds)).toHaveAccessibleDescription(TEXT[locale].wholeNumber);
      expect(fetch.requests.filter((r) => r.method !== 'GET')).toEqual([]);
    },
  );

  it('sends a decimal EFC to the system’s usage reports', async () => {
    const fetch = mockFetch({
      [`POST /systems/${SYSTEM_ID}/usage-reports`]: (r) => ({
        id: '1',
        systemId: SYSTEM_ID,
        reportedById: null,
        createdAt: '2026-01-01T00:00:00Z',
        ...(r.body as object),
      }),
    });
    const { events } = renderWithProviders(<UsageForm systemId={SYSTEM_ID} />, { locale: 'en' });

    await events.type(screen.getByLabelText(TEXT.en.rounds), '12');
    await events.type(screen.getByLabelText(TEXT.en.efc), '12.5');
    await events.click(screen.getByRole('button', { name: TEXT.en.submit }));

    expect(await screen.findByTestId('usage-done')).toBeInTheDocument();
    const posts = fetch.requests.filter((r) => r.method === 'POST');
    expect(posts).toHaveLength(1);
    expect(posts[0].url).toBe(`/api/v1/systems/${SYSTEM_ID}/usage-reports`);
    expect(posts[0].body).toMatchObject({ rounds: 12, efc: 12.5 });
    expect(fetch.spy.mock.calls[0][1]?.headers).toMatchObject({ 'Idempotency-Key': expect.any(String) });
  });
});
