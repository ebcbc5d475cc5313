import { screen, within } from '@testing-library/react';
import type { PhotoResponse } from '@jv/contracts';
import { jsonResponse, mockFetch } from '../../../test/fetch-mock';
import { testUser } from '../../../test/fixtures';
import { renderWithProviders } from '../../../test/render';
import { JobPhotos, WorkLogPhotos } from './job-photos';

const JOB = '5a6b7c8d-0000-4000-8000-000000000001';
const workshop = testUser('workshop');
const colleague = testUser('workshop', { id: '9e0f8a6b-0000-4000-8000-0000000000ff' });

let seq = 0;
function photo(overrides: Partial<PhotoResponse> = {}): PhotoResponse {
  seq += 1;
  return {
    id: `7f000000-0000-4000-8000-${String(seq).padStart(12, '0')}`,
    jobId: JOB,
    workLogId: null,
    caption: null,
    contentType: 'image/jpeg',
    bytes: 120_000,
    width: 1600,
    height: 1200,
    takenBy: workshop.id,
    takenByName: 'Test workshop',
    createdAt: '2026-11-30T09:15:00.000Z',
    ...overrides,
  };
}

const photosPath = `GET /repair-jobs/${JOB}/photos`;

describe('JobPhotos', () => {
  it('shows thumbnails of the photos and opens one large, with who took it', async () => {
    const first = photo({ caption: 'Cracked sight mount' });
    const second = photo();
    const fetch = mockFetch({ [photosPath]: { items: [first, second] } });
    const { events } = renderWithProviders(<JobPhotos jobId={JOB} canAdd={false} />, { user: workshop, locale: 'en' });

    const thumbs = await screen.findAllByTestId('photo-thumb');
    expect(thumbs).toHaveLength(2);
    expect(thumbs[0].querySelector('img')).toHaveAttribute('src', `/api/v1/repair-jobs/${JOB}/photos/${first.id}`);
    expect(screen.queryByTestId('photo-input')).toBeNull();

    await events.click(screen.getByRole('button', { name: 'Open photo 1' }));
    const viewer = screen.getByTestId('photo-viewer');
    expect(within(viewer).getByRole('img', { name: 'Photo 1: Cracked sight mount' })).toBeInTheDocument();
    expect(viewer).toHaveTextContent('Taken by Test workshop');
    await events.click(within(viewer).getByTestId('photo-close'));
    expect(screen.queryByTestId('photo-viewer')).toBeNull();
    expect(fetch.unhandled).toEqual([]);
  });

  it('says so when there are none, in Ukrainian', async () => {
    mockFetch({ [photosPath]: { items: [] } });
    renderWithProviders(<JobPhotos jobId={JOB} canAdd />, { user: workshop, locale: 'uk' });
    expect(await screen.findByText('Фото ще немає.')).toBeInTheDocument();
    expect(screen.getByText('Зробити фото')).toBeInTheDocument();
  });

  it('sends a taken photo as its bytes with a caption, the chosen work log and an Idempotency-Key', async () => {
    const added = photo({ caption: 'Seal', workLogId: '42' });
    let items: PhotoResponse[] = [];
    const fetch = mockFetch({
      [photosPath]: () => ({ items }),
      [`POST /repair-jobs/${JOB}/photos`]: () => {
        items = [added];
        return jsonResponse(added, { status: 201 });
      },
    });
    const logs = [
      {
        id: '42',
        jobId: JOB,
        technicianId: workshop.id,
        technicianName: 'Test workshop',
        date: '2026-11-30',
        hours: 2,
        note: null,
        createdAt: '2026-11-30T08:00:00.000Z',
      },
    ];
    const { events } = renderWithProviders(<JobPhotos jobId={JOB} canAdd workLogs={logs} />, {
      user: workshop,
      locale: 'en',
    });
    await screen.findByText('No photos yet.');
    const input = screen.getByTestId('photo-input');
    expect(input).toHaveAttribute('accept', 'image/*');
    expect(input).toHaveAttribute('capture', 'environment');

    await events.type(screen.getByTestId('photo-caption'), 'Seal');
    await events.selectOptions(screen.getByTestId('photo-worklog'), '42');
    const file = new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], 'camera.png', { type: 'image/png' });
    await events.upload(input, file);

    expect(await screen.findByText('Photo added.')).toBeInTheDocument();
    expect(await screen.findAllByTestId('photo-thumb')).toHaveLength(1);
    const post = fetch.requests.find((r) => r.method === 'POST')!;
    expect(Object.fromEntries(post.query)).toEqual({ caption: 'Seal', workLogId: '42' });
    const init = fetch.spy.mock.calls.find(([, i]) => i?.method === 'POST')![1]!;
    const headers = init.headers as Record<string, string>;
    expect(headers['Content-Type']).toBe('image/png');
    expect(headers['Idempotency-Key']).toMatch(/^[0-9a-f-]{36}$/);
    expect(init.body).toBe(file);
    expect(screen.getByTestId('photo-caption')).toHaveValue('');
  });

  it("shows the server's reason when it refuses the file, in the user's language", async () => {
    mockFetch({
      [photosPath]: { items: [] },
      [`POST /repair-jobs/${JOB}/photos`]: jsonResponse(
        {
          type: 'about:blank',
          title: 'Bad Request',
          status: 400,
          code: 'VALIDATION_FAILED',
          errors: [{ path: 'body', code: 'image_type', message: 'Not a JPEG, PNG or WebP image' }],
        },
        { status: 400 },
      ),
    });
    const { events } = renderWithProviders(<JobPhotos jobId={JOB} canAdd />, { user: workshop, locale: 'uk' });
    await screen.findByText('Фото ще немає.');
    await events.upload(screen.getByTestId('photo-input'), new File(['GIF89a'], 'x.gif', { type: 'image/gif' }));
    expect(await screen.findByTestId('photo-error')).toHaveTextContent(
      'Фото не надіслано: Це не зображення JPEG, PNG чи WebP',
    );
    // not a lost connection: nothing to send again
    expect(screen.queryByRole('button', { name: 'Надіслати ще раз' })).toBeNull();
  });

  it('lets the one who took a photo delete it after a second tap; a colleague sees no delete', async () => {
    const mine = photo();
    let items = [mine];
    const fetch = mockFetch({
      [photosPath]: () => ({ items }),
      [`DELETE /repair-jobs/${JOB}/photos/${mine.id}`]: () => {
        items = [];
        return new Response(null, { status: 204 });
      },
    });
    const { events, unmount } = renderWithProviders(<JobPhotos jobId={JOB} canAdd />, {
      user: colleague,
      locale: 'en',
    });
    await events.click(await screen.findByRole('button', { name: 'Open photo 1' }));
    expect(screen.queryByTestId('photo-delete')).toBeNull();
    unmount();

    const again = renderWithProviders(<JobPhotos jobId={JOB} canAdd />, { user: workshop, locale: 'en' });
    await again.events.click(await screen.findByRole('button', { name: 'Open photo 1' }));
    await again.events.click(screen.getByTestId('photo-delete'));
    expect(fetch.requests.some((r) => r.method === 'DELETE')).toBe(false);
    await again.events.click(screen.getByTestId('photo-delete-confirm'));
    expect(await screen.findByText('No photos yet.')).toBeInTheDocument();
    expect(fetch.requests.filter((r) => r.method === 'DELETE')).toHaveLength(1);
  });
});

describe('WorkLogPhotos', () => {
  it("shows only that work log's photos, and nothing for a log without any", async () => {
    const ofLog = photo({ workLogId: '7' });
    mockFetch({ [photosPath]: { items: [photo(), ofLog, photo({ workLogId: '8' })] } });
    renderWithProviders(
      <>
        <WorkLogPhotos jobId={JOB} workLogId="7" />
        <WorkLogPhotos jobId={JOB} workLogId="9" />
      </>,
      { user: workshop, locale: 'en' },
    );
    const group = await screen.findByTestId('worklog-photos');
    expect(screen.getAllByTestId('worklog-photos')).toHaveLength(1);
    const thumbs = within(group).getAllByTestId('photo-thumb');
    expect(thumbs).toHaveLength(1);
    // numbered as among all the job's photos
    expect(thumbs[0]).toHaveAccessibleName('Open photo 2');
  });
});
