import { screen } from '@testing-library/react';
import { useTranslation } from 'react-i18next';
import { i18n } from '../i18n/i18n';
import { testUser } from '../test/fixtures';
import { renderWithProviders } from '../test/render';
import { RequireAuth } from './require-auth';

/** A page that records the language of every render it gets. */
function Page({ seen }: { seen: string[] }) {
  const { i18n: instance } = useTranslation();
  seen.push(instance.language);
  return <p>{instance.t('common.loading')}</p>;
}

describe('RequireAuth', () => {
  it("never renders a page in the device's language when the signed-in user's own is another", async () => {
    const seen: string[] = [];
    // the device last showed Ukrainian; the user's preference is English
    renderWithProviders(
      <RequireAuth>
        <Page seen={seen} />
      </RequireAuth>,
      { user: { ...testUser('admin'), locale: 'en' }, locale: 'uk' },
    );

    await screen.findByText(i18n.getFixedT('en')('common.loading'));
    expect(seen.length).toBeGreaterThan(0);
    expect(new Set(seen)).toEqual(new Set(['en']));
    expect(document.documentElement.lang).toBe('en');
    expect(localStorage.getItem('jv.locale')).toBe('en');
  });

  it('renders at once when the device already shows the user language', () => {
    const seen: string[] = [];
    renderWithProviders(
      <RequireAuth>
        <Page seen={seen} />
      </RequireAuth>,
      { user: { ...testUser('viewer'), locale: 'uk' }, locale: 'uk' },
    );
    expect(seen[0]).toBe('uk');
  });
});
