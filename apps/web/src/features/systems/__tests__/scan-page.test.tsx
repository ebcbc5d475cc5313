import { act, screen, waitFor } from '@testing-library/react';
import { mockFetch, page } from '../../../test/fetch-mock';
import { renderWithProviders } from '../../../test/render';
import { ScanPage } from '../routes/scan-page';
import { testSystem, testSystems } from './system-fixture';

type OnResult = (result: { getText: () => string } | undefined) => void;
type DecodeArgs = [string | undefined, HTMLVideoElement | undefined, OnResult];
const mockDecode = jest.fn<Promise<{ stop: () => void }>, DecodeArgs>();
jest.mock('@zxing/browser', () => ({
  BrowserQRCodeReader: class {
    decodeFromVideoDevice(...args: DecodeArgs) {
      return mockDecode(...args);
    }
  },
}));

const SYSTEM = testSystem();
const routes = [{ path: '/systems/:id', element: <p data-testid="system-page">system</p> }];
const render = (locale: 'uk' | 'en' = 'uk') =>
  renderWithProviders(<ScanPage />, { locale, route: '/systems/scan', path: '/systems/scan', routes });

function withCamera() {
  Object.defineProperty(navigator, 'mediaDevices', { value: { getUserMedia: jest.fn() }, configurable: true });
}
afterEach(() => {
  Reflect.deleteProperty(navigator, 'mediaDevices');
});

describe('ScanPage without a camera', () => {
  it('in uk, says why there is no camera and finds the system by serial: one match opens it', async () => {
    const fetch = mockFetch({ 'GET /systems': page([SYSTEM]) });
    const { events, router } = render('uk');

    expect(screen.getByTestId('scan-problem')).toHaveAttribute('data-problem', 'unsupported');
    expect(screen.getByTestId('scan-problem')).toHaveTextContent(/^Браузер не може використати камеру/);
    expect(mockDecode).not.toHaveBeenCalled();
    await events.type(screen.getByLabelText(/^Серійний номер/), ' TH-0001 ');
    await events.click(screen.getByRole('button', { name: 'Знайти' }));

    await waitFor(() => expect(router.state.location.pathname).toBe(`/systems/${SYSTEM.id}`));
    expect(fetch.requests[0].query.get('q')).toBe('TH-0001');
  });

  it('lists several matches as links, and says so when nothing matches', async () => {
    let answer = page(testSystems(3));
    mockFetch({ 'GET /systems': () => answer });
    const { events } = render('en');

    await events.type(screen.getByLabelText(/^Serial number/), 'LBL');
    await events.click(screen.getByRole('button', { name: 'Find' }));
    const results = await screen.findByTestId('scan-results');
    expect(results.querySelectorAll('a')).toHaveLength(3);
    expect(results.querySelector('a')).toHaveAttribute('href', `/systems/${testSystems(1)[0].id}`);

    answer = page([]);
    await events.clear(screen.getByLabelText(/^Serial number/));
    await events.type(screen.getByLabelText(/^Serial number/), 'ZZZ');
    await events.click(screen.getByRole('button', { name: 'Find' }));
    expect(await screen.findByTestId('scan-no-match')).toHaveTextContent('No system has “ZZZ” in its serial number.');
  });
});

describe('ScanPage with a camera', () => {
  it('shows the reason when camera access is refused, with the serial search still there', async () => {
    withCamera();
    mockDecode.mockRejectedValue(new DOMException('Permission denied', 'NotAllowedError'));
    mockFetch({});
    render('en');

    expect(await screen.findByTestId('scan-problem')).toHaveTextContent(/^Camera access was refused\./);
    expect(screen.getByTestId('scan-search')).toBeInTheDocument();
  });

  it('opens the system of a label read; another is "not a JV Tracker label"; leaving frees the camera', async () => {
    withCamera();
    const stop = jest.fn();
    let onResult: OnResult = () => undefined;
    mockDecode.mockImplementation(async (deviceId, video, callback) => {
      onResult = callback;
      return { stop };
    });
    mockFetch({});
    const { router, unmount } = render('uk');
    await waitFor(() => expect(mockDecode).toHaveBeenCalledTimes(1));
    expect(mockDecode.mock.calls[0][1]).toBeInstanceOf(HTMLVideoElement);

    act(() => onResult({ getText: () => 'https://example.com/menu' }));
    expect(await screen.findByTestId('scan-foreign')).toHaveTextContent('Це не етикетка JV Tracker.');
    expect(router.state.location.pathname).toBe('/systems/scan');

    act(() => onResult({ getText: () => `https://jv.example.org/systems/${SYSTEM.id}` }));
    await waitFor(() => expect(router.state.location.pathname).toBe(`/systems/${SYSTEM.id}`));
    // the page left: the camera is released
    expect(stop).toHaveBeenCalled();
    unmount();
  });
});
