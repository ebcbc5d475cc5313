import { screen } from '@testing-library/react';
import type { Locale } from '@jv/contracts';
import { renderWithProviders } from '../../../test/render';
import { useDuration } from './use-duration';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

function Durations({ spans }: { spans: (number | null)[] }) {
  const duration = useDuration();
  return (
    <ul>
      {spans.map((ms, i) => (
        <li key={i}>{duration(ms)}</li>
      ))}
    </ul>
  );
}

const shownIn = (locale: Locale, spans: (number | null)[]) => {
  renderWithProviders(<Durations spans={spans} />, { locale });
  return screen.getAllByRole('listitem').map((li) => li.textContent);
};

describe('useDuration (job age and time in state, as on the board cards)', () => {
  // under an hour: minutes; under a day: hours; then days and hours; from 10 days on, days only
  const spans = [45 * MINUTE, 5 * HOUR + 59 * MINUTE, 3 * DAY + 4 * HOUR, 12 * DAY + 4 * HOUR, null];

  it('speaks Ukrainian units in uk', () => {
    expect(shownIn('uk', spans)).toEqual(['45 хв', '5 год', '3 дн. 4 год', '12 дн.', '—']);
  });

  it('speaks English units in en', () => {
    expect(shownIn('en', spans)).toEqual(['45 mins', '5 hrs', '3 days 4 hrs', '12 days', '—']);
  });
});
