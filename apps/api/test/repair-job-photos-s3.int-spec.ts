import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { S3PhotoStore } from '../src/modules/repair-jobs/repair-job-photos.store';
import { pngBytes } from './support/photo-fixtures';
import { photoStoreSuite } from './support/photo-store-suite';
import { createTestApp, signedIn } from './support/test-app';
import { createSystem, repairFixtures } from './support/repair-fixtures';

interface S3rverInstance {
  run(): Promise<{ port: number }>;
  close(): Promise<void>;
}
// s3rver ships no types; it is a dev dependency for this test only
// eslint-disable-next-line @typescript-eslint/no-require-imports
const S3rver = require('s3rver') as new (options: Record<string, unknown>) => S3rverInstance;

const BUCKET = 'jv-photos';
/** s3rver's own credentials: it checks the SigV4 signature of every request with them */
const settings = (port: number, bucket = BUCKET) => ({
  S3_ENDPOINT: `http://127.0.0.1:${port}`,
  S3_BUCKET: bucket,
  S3_REGION: 'us-east-1',
  S3_ACCESS_KEY_ID: 'S3RVER',
  S3_SECRET_ACCESS_KEY: 'S3RVER',
});

let server: S3rverInstance;
let directory: string;
let port: number;
let bucket: S3PhotoStore;

beforeAll(async () => {
  directory = mkdtempSync(join(tmpdir(), 'jv-s3rver-'));
  server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory,
    configureBuckets: [{ name: BUCKET }],
  });
  ({ port } = await server.run());
  bucket = new S3PhotoStore(settings(port));
});
afterAll(async () => {
  await server?.close();
  rmSync(directory, { recursive: true, force: true });
});

/** Objects in the bucket, listed through the S3 API (ListObjectsV2) with s3rver's credentials. */
async function objectCount(): Promise<number> {
  const aws4 = (await import('aws4')).default;
  const signed = aws4.sign(
    { host: `127.0.0.1:${port}`, path: `/${BUCKET}?list-type=2`, service: 's3', region: 'us-east-1' },
    { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
  );
  const res = await fetch(`http://127.0.0.1:${port}/${BUCKET}?list-type=2`, {
    headers: Object.fromEntries(
      Object.entries(signed.headers ?? {})
        .filter(([k]) => k.toLowerCase() !== 'host')
        .map(([k, v]) => [k, String(v)]),
    ),
  });
  if (!res.ok) throw new Error(`list: ${res.status}`);
  return ((await res.text()).match(/<Key>/g) ?? []).length;
}

describe('repair job photos, bytes in an S3 bucket (integration, s3rver)', () => {
  photoStoreSuite({
    env: () => ({ PHOTO_STORE: 's3', ...settings(port) }),
    expectStoredIn: 'bucket',
    objectCount,
    objectExists: async (jobId, photoId) => {
      try {
        await bucket.get(`photos/${jobId}/${photoId}`);
        return true;
      } catch {
        return false;
      }
    },
  });
});

describe('repair job photos when the bucket refuses the write (integration, s3rver)', () => {
  it('answers 500 and keeps no row', async () => {
    const ctx = await createTestApp({ PHOTO_STORE: 's3', ...settings(port, 'no-such-bucket') });
    try {
      const fx = await repairFixtures(ctx.db);
      const admin = await signedIn(ctx, { role: 'admin' });
      const systemId = await createSystem(ctx.db, {
        modelId: fx.modelA,
        donorPartnerId: fx.partnerA,
        facilityId: null,
      });
      const job = await admin.agent.post('/api/v1/repair-jobs').send({
        facilityId: fx.ws1,
        systemId,
        kind: 'corrective',
        priority: 'routine',
        reportedFault: 'Worn elevation gear',
        technicianIds: [],
      });
      expect(job.status).toBe(201);
      const res = await admin.agent
        .post(`/api/v1/repair-jobs/${job.body.id}/photos`)
        .set('Content-Type', 'image/png')
        .send(pngBytes(5, 5));
      expect(res.status).toBe(500);
      expect(res.body.code).toBe('INTERNAL');
      expect((await ctx.db.query(`SELECT count(*)::int AS n FROM repair_job_photos`))[0].n).toBe(0);
    } finally {
      await ctx.close();
    }
  });
});
