import type { ComponentProps } from 'react';
import { screen } from '@testing-library/react';
import { mockFetch, page } from '../../../test/fetch-mock';
import { renderWithProviders } from '../../../test/render';
import { SystemsPage } from '../routes/systems-page';
import { testSystem } from './system-fixture';

const mockFilterRenders = jest.fn();

jest.mock('../components/systems-filters', () => {
  const actual = jest.requireActual<typeof import('../components/systems-filters')>('../components/systems-filters');
  return {
    ...actual,
    SystemsFilters: (props: ComponentProps<typeof actual.SystemsFilters>) => {
      mockFilterRenders();
      return actual.SystemsFilters(props);
    },
  };
});

describe('SystemsPage: what an answer re-renders', () => {
  it('renders the rows when the list answers, without rendering the filters again', async () => {
    let answer: (() => void) | undefined;
    const answered = new Promise<void>((resolve) => (answer = resolve));
    mockFetch({
      'GET /systems': async () => {
        await answered;
        return page([testSystem({ serialNumber: 'TH-0042' })]);
      },
    });
    renderWithProviders(<SystemsPage />, { locale: 'en', route: '/systems', path: '/systems' });
    await screen.findByRole('status');
    const before = mockFilterRenders.mock.calls.length;
    expect(before).toBeGreaterThan(0);

    answer?.();
    expect(await screen.findByText('TH-0042')).toBeInTheDocument();
    // the answer re-rendered the list's part of the page only: the header and the filters stayed as they were
    expect(mockFilterRenders).toHaveBeenCalledTimes(before);
  });
});
