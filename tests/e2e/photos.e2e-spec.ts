import { crc32, deflateSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { apiGet, me } from './support/api';
import { launchBrowser, login, newTabletPage } from './support/browser';

interface Paged<T> {
  items: T[];
  nextCursor: string | null;
}
interface PhotoItem {
  id: string;
  contentType: string;
  width: number | null;
  height: number | null;
  caption: string | null;
}

function chunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const head = Buffer.alloc(4);
  head.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body) >>> 0);
  return Buffer.concat([head, body, crc]);
}

/** A camera-sized PNG (an RGB gradient), larger than the 1600 px the app sends. */
function cameraPng(width: number, height: number): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const row = 1 + width * 3;
  const raw = Buffer.alloc(row * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) raw.set([x & 0xff, y & 0xff, (x + y) & 0xff], y * row + 1 + x * 3);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

describe('photos on a job (browser, 1024×768)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('a workshop user takes a photo of a job: resized on the tablet, it shows on the job after a reload', async () => {
    const { context, page } = await newTabletPage(browser);
    try {
      await login(page, 'workshop@jv.example');
      const user = await me(page);
      const jobs = await apiGet<Paged<{ id: string }>>(
        page,
        `/api/v1/repair-jobs?open=true&facilityId=${user.facilityIds[0]}&limit=1`,
      );
      const jobId = jobs.items[0].id;
      const photosUrl = `/api/v1/repair-jobs/${jobId}/photos`;
      const before = (await apiGet<{ items: PhotoItem[] }>(page, photosUrl)).items;

      await page.goto(`/repair-jobs/${jobId}`);
      const section = page.getByTestId('job-photos');
      await section.waitFor();
      const take = section.locator('label.photo-take');
      await take.scrollIntoViewIfNeeded();
      const box = (await take.boundingBox())!;
      expect(box.width).toBeGreaterThanOrEqual(44);
      expect(box.height).toBeGreaterThanOrEqual(44);

      await section.getByTestId('photo-caption').fill('Breech block, left side');
      await section.getByTestId('photo-input').setInputFiles({
        name: 'camera.png',
        mimeType: 'image/png',
        buffer: cameraPng(2000, 1500),
      });
      await section.locator('.notice-success').waitFor();
      await page.waitForFunction(
        (n) => document.querySelectorAll('[data-testid="job-photos"] [data-testid="photo-thumb"]').length === n,
        before.length + 1,
      );

      const after = (await apiGet<{ items: PhotoItem[] }>(page, photosUrl)).items;
      expect(after).toHaveLength(before.length + 1);
      const added = after.find((p) => !before.some((b) => b.id === p.id))!;
      // resized and re-encoded on the tablet: longest side 1600 px, JPEG
      expect(added).toMatchObject({
        contentType: 'image/jpeg',
        width: 1600,
        height: 1200,
        caption: 'Breech block, left side',
      });

      await page.reload();
      const thumb = page.locator(`[data-testid="job-photos"] img[src$="/photos/${added.id}"]`);
      await thumb.waitFor();
      await thumb.scrollIntoViewIfNeeded();
      await page.waitForFunction((id) => {
        const img = document.querySelector<HTMLImageElement>(`[data-testid="job-photos"] img[src$="/photos/${id}"]`);
        return !!img && img.complete && img.naturalWidth === 1600;
      }, added.id);
      // tap to view it large, then delete it (it is this user's own photo), leaving the job as it was
      await thumb.click();
      const viewer = page.getByTestId('photo-viewer');
      await viewer.waitFor();
      await viewer.getByTestId('photo-delete').click();
      await viewer.getByTestId('photo-delete-confirm').click();
      await viewer.waitFor({ state: 'detached' });
      expect((await apiGet<{ items: PhotoItem[] }>(page, photosUrl)).items.map((p) => p.id)).toEqual(
        before.map((p) => p.id),
      );
    } finally {
      await context.close();
    }
  });
});
