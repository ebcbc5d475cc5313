import { fireEvent, screen, waitFor } from '@testing-library/react';
import { mockFetch, page } from '../../../test/fetch-mock';
import { renderWithProviders } from '../../../test/render';
import { LABEL_CAP } from '../api/get-label-systems';
import { LabelsPage } from '../routes/labels-page';
import { testSystems } from './system-fixture';

const MODEL = '1c2d3e4f-0000-4000-8000-000000000001';
const render = (route: string, locale: 'uk' | 'en' = 'uk') =>
  renderWithProviders(<LabelsPage />, { locale, route, path: '/systems/labels' });

describe('LabelsPage', () => {
  it("in uk, lays out one label image per system of the list's filters; Print waits for the images", async () => {
    const systems = testSystems(4);
    const fetch = mockFetch({ 'GET /systems': page(systems) });
    const print = jest.spyOn(window, 'print').mockImplementation(() => undefined);
    render(`/systems/labels?status=in_repair,degraded&modelId=${MODEL}&q=LBL&wearAbove=bad`);

    const sheet = await screen.findByTestId('label-sheet');
    const images = screen.getAllByTestId('label-image');
    expect(sheet).toHaveAttribute('data-count', '4');
    expect(images.map((img) => img.getAttribute('src'))).toEqual(
      systems.map((s) => `/api/v1/systems/${s.id}/label.svg`),
    );
    expect(images[0]).toHaveAccessibleName('Етикетка LBL-0001 (TH-155/52)');
    expect(screen.getByText('4 етикетки')).toBeInTheDocument();
    // the list's filters, the malformed one left out as the list leaves it out
    const query = fetch.requests[0].query;
    expect(query.getAll('status')).toEqual(['in_repair', 'degraded']);
    expect(query.get('modelId')).toBe(MODEL);
    expect(query.get('q')).toBe('LBL');
    expect(query.has('wearAbove')).toBe(false);
    expect(screen.queryByTestId('labels-capped')).toBeNull();

    const button = screen.getByTestId('print-button');
    expect(button).toBeDisabled();
    images.slice(0, 3).forEach((img) => fireEvent.load(img));
    expect(button).toBeDisabled();
    fireEvent.error(images[3]);
    await waitFor(() => expect(button).toBeEnabled());
    expect(button).toHaveTextContent('Друкувати');
    button.click();
    expect(print).toHaveBeenCalledTimes(1);
  });

  it(`follows the keyset pages up to ${LABEL_CAP} labels and says when the list has more`, async () => {
    const limits: string[] = [];
    mockFetch({
      'GET /systems': (r) => {
        limits.push(r.query.get('limit') ?? '');
        const from = Number(r.query.get('cursor') ?? 0);
        const n = Number(r.query.get('limit'));
        return page(testSystems(n, from), String(from + n));
      },
    });
    render('/systems/labels', 'en');

    expect(await screen.findByTestId('labels-capped')).toHaveTextContent(
      `Only the first ${LABEL_CAP} systems of the list are on this sheet`,
    );
    expect(limits).toEqual(['200', '200', '100']);
    expect(screen.getAllByTestId('label-image')).toHaveLength(LABEL_CAP);
  });

  it('says when no system matches, with nothing to print', async () => {
    mockFetch({ 'GET /systems': page([]) });
    render('/systems/labels?q=none', 'en');

    expect(await screen.findByText('No systems match these filters.')).toBeInTheDocument();
    expect(screen.getByTestId('print-button')).toBeDisabled();
  });
});
