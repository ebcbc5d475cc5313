import { screen } from '@testing-library/react';
import { mockFetch, page } from '../../../test/fetch-mock';
import { renderWithProviders } from '../../../test/render';
import { SystemsPage } from '../routes/systems-page';

const MODEL = '1c2d3e4f-0000-4000-8000-000000000001';

afterEach(() => {
  Reflect.deleteProperty(navigator, 'mediaDevices');
});

describe('SystemsPage: labels and scan', () => {
  it("carries the list's filters to the label sheet; no Scan without a camera API", async () => {
    mockFetch({ 'GET /systems': page([]) });
    const search = `?status=degraded&modelId=${MODEL}&q=TH`;
    renderWithProviders(<SystemsPage />, { locale: 'uk', route: `/systems${search}`, path: '/systems' });

    expect(await screen.findByTestId('print-labels')).toHaveAttribute('href', `/systems/labels${search}`);
    expect(screen.getByTestId('print-labels')).toHaveTextContent('Друк етикеток');
    expect(screen.queryByTestId('scan-button')).toBeNull();
  });

  it('offers Scan where the browser can ask for a camera', async () => {
    Object.defineProperty(navigator, 'mediaDevices', { value: { getUserMedia: jest.fn() }, configurable: true });
    mockFetch({ 'GET /systems': page([]) });
    renderWithProviders(<SystemsPage />, { locale: 'en', route: '/systems', path: '/systems' });

    expect(await screen.findByTestId('scan-button')).toHaveAttribute('href', '/systems/scan');
    expect(screen.getByTestId('scan-button')).toHaveTextContent('Scan');
  });
});
