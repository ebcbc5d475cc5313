import { PHOTO_MAX_BYTES, PHOTO_MAX_PER_JOB, photoListSchema, photoResponseSchema } from '@jv/contracts';
import type TestAgent from 'supertest/lib/agent';
import { createSystem, dayOffset, repairFixtures, type RepairFixtures } from './repair-fixtures';
import { binary, pngBytes } from './photo-fixtures';
import { auditRows, createTestApp, signedIn, type TestContext } from './test-app';

type Signed = { agent: TestAgent; user: { id: string } };

export interface PhotoStoreUnderTest {
  /** the environment of the app under test (read in beforeAll, after the store is up) */
  env: () => Record<string, string>;
  /** where the bytes of a stored photo are, besides the API's answer: 'row', 'bucket' */
  expectStoredIn: 'row' | 'bucket';
  /** whether the bucket holds an object for the photo (S3 only) */
  objectExists?: (jobId: string, photoId: string) => Promise<boolean>;
  /** objects in the bucket (S3 only): a refused upload leaves none */
  objectCount?: () => Promise<number>;
}

/**
 * The photo endpoints against one store: the same behaviour whether the bytes live in PostgreSQL or in an S3
 * bucket. Used by repair-job-photos.int-spec.ts (postgres) and repair-job-photos-s3.int-spec.ts (s3rver).
 */
export function photoStoreSuite(store: PhotoStoreUnderTest): void {
  let ctx: TestContext;
  let fx: RepairFixtures;
  let admin: Signed;
  let ws1: Signed;
  let ws1b: Signed;
  let ws2: Signed;
  let partnerA: Signed;
  let partnerB: Signed;
  let viewer: Signed;
  let jobId: string;

  const url = (job: string, rest = '') => `/api/v1/repair-jobs/${job}/photos${rest}`;
  const upload = (agent: TestAgent, bytes: Buffer, query = '', type = 'image/png', job = jobId) =>
    agent
      .post(`${url(job)}${query}`)
      .set('Content-Type', type)
      .send(bytes);
  const rows = async () => (await ctx.db.query(`SELECT count(*)::int AS n FROM repair_job_photos`))[0].n as number;
  const bucketObjects = async () => (store.objectCount ? await store.objectCount() : 0);

  async function openJob(): Promise<string> {
    const systemId = await createSystem(ctx.db, { modelId: fx.modelA, donorPartnerId: fx.partnerA, facilityId: null });
    const res = await admin.agent.post('/api/v1/repair-jobs').send({
      facilityId: fx.ws1,
      systemId,
      kind: 'corrective',
      priority: 'routine',
      reportedFault: 'Cracked sight mount',
      technicianIds: [],
    });
    if (res.status !== 201) throw new Error(`open job: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.id;
  }

  beforeAll(async () => {
    ctx = await createTestApp(store.env());
    fx = await repairFixtures(ctx.db);
    admin = await signedIn(ctx, { role: 'admin' });
    ws1 = await signedIn(ctx, { role: 'workshop', facilityIds: [fx.ws1] });
    ws1b = await signedIn(ctx, { role: 'workshop', facilityIds: [fx.ws1] });
    ws2 = await signedIn(ctx, { role: 'workshop', facilityIds: [fx.ws2] });
    partnerA = await signedIn(ctx, { role: 'partner', partnerId: fx.partnerA });
    partnerB = await signedIn(ctx, { role: 'partner', partnerId: fx.partnerB });
    viewer = await signedIn(ctx, { role: 'viewer' });
    jobId = await openJob();
  });
  afterAll(async () => {
    await ctx?.close();
  });

  it('uploads a photo, lists it without its bytes, serves the same bytes, and deletes it', async () => {
    const png = pngBytes(40, 30, 1);
    const res = await upload(ws1.agent, png, '?caption=%20Cracked%20mount%20');
    expect(res.status).toBe(201);
    const photo = photoResponseSchema.parse(res.body);
    expect(photo).toMatchObject({
      jobId,
      workLogId: null,
      caption: 'Cracked mount',
      contentType: 'image/png',
      bytes: png.length,
      width: 40,
      height: 30,
      takenBy: ws1.user.id,
    });

    const [row] = await ctx.db.query(`SELECT store, data FROM repair_job_photos WHERE id = $1`, [photo.id]);
    if (store.expectStoredIn === 'row') {
      expect(row.store).toBe('postgres');
      expect(Buffer.compare(row.data, png)).toBe(0);
    } else {
      expect(row).toEqual({ store: 's3', data: null });
      expect(await store.objectExists!(jobId, photo.id)).toBe(true);
      expect(await bucketObjects()).toBeGreaterThan(0);
    }

    const list = await ws1b.agent.get(url(jobId));
    expect(list.status).toBe(200);
    expect(photoListSchema.parse(list.body).items.map((p) => p.id)).toEqual([photo.id]);
    expect(JSON.stringify(list.body)).not.toContain('data');

    const bytes = await ws1b.agent
      .get(url(jobId, `/${photo.id}`))
      .buffer(true)
      .parse(binary);
    expect(bytes.status).toBe(200);
    expect(bytes.headers['content-type']).toBe('image/png');
    expect(bytes.headers['cache-control']).toMatch(/^private\b/);
    expect(bytes.headers['x-content-type-options']).toBe('nosniff');
    expect(Buffer.compare(bytes.body as Buffer, png)).toBe(0);
    const etag = bytes.headers['etag'];
    expect(etag).toMatch(/^"[0-9a-f]{64}"$/);
    expect((await ws1b.agent.get(url(jobId, `/${photo.id}`)).set('If-None-Match', etag)).status).toBe(304);

    expect(await auditRows(ctx.db, 'repair_job_photo', photo.id)).toHaveLength(1);
    expect((await ws1.agent.delete(url(jobId, `/${photo.id}`))).status).toBe(204);
    expect((await ws1.agent.get(url(jobId, `/${photo.id}`))).status).toBe(404);
    expect(photoListSchema.parse((await ws1.agent.get(url(jobId))).body).items).toEqual([]);
    expect(await auditRows(ctx.db, 'repair_job_photo', photo.id)).toHaveLength(2);
    if (store.objectExists) expect(await store.objectExists(jobId, photo.id)).toBe(false);
  });

  it("attaches a photo to one of the job's work logs, never to another job's", async () => {
    const log = await ws1.agent.post(`/api/v1/repair-jobs/${jobId}/work-logs`).send({ date: dayOffset(0), hours: 1 });
    expect(log.status).toBe(201);
    const res = await upload(ws1.agent, pngBytes(8, 8, 2), `?workLogId=${log.body.id}`);
    expect(res.status).toBe(201);
    expect(res.body.workLogId).toBe(log.body.id);

    const other = await openJob();
    const before = [await rows(), await bucketObjects()];
    const refused = await upload(ws1.agent, pngBytes(8, 8, 3), `?workLogId=${log.body.id}`, 'image/png', other);
    expect(refused.status).toBe(400);
    expect(refused.body.errors).toEqual([expect.objectContaining({ path: 'workLogId', code: 'not_found' })]);
    expect([await rows(), await bucketObjects()]).toEqual(before);
  });

  it('refuses what is not the image it claims, too large, or not an image type, and stores nothing', async () => {
    const before = [await rows(), await bucketObjects()];
    const text = await upload(ws1.agent, Buffer.from('not an image at all, just text'));
    expect(text.status).toBe(400);
    expect(text.body.errors).toEqual([expect.objectContaining({ path: 'body', code: 'image_type' })]);

    const mismatch = await upload(ws1.agent, pngBytes(4, 4), '', 'image/jpeg');
    expect(mismatch.status).toBe(400);
    expect(mismatch.body.errors).toEqual([
      expect.objectContaining({ path: 'body', code: 'content_type_mismatch', params: { actual: 'image/png' } }),
    ]);

    const caption = await upload(ws1.agent, pngBytes(4, 4), `?caption=${'x'.repeat(201)}`);
    expect(caption.status).toBe(400);
    expect(caption.body.errors).toEqual([expect.objectContaining({ path: 'caption', code: 'too_big' })]);

    const oversize = Buffer.concat([pngBytes(4, 4), Buffer.alloc(PHOTO_MAX_BYTES)]);
    const big = await upload(ws1.agent, oversize);
    expect(big.status).toBe(413);
    expect(big.body.code).toBe('PAYLOAD_TOO_LARGE');

    const plain = await ws1.agent.post(url(jobId)).set('Content-Type', 'text/plain').send('hello');
    expect(plain.status).toBe(415);
    expect([await rows(), await bucketObjects()]).toEqual(before);
  });

  it('scopes photos like the job: 404 at another facility or country, 403 for a role that may not add', async () => {
    const mine = await upload(ws1.agent, pngBytes(6, 6, 4));
    expect(mine.status).toBe(201);
    const photo = url(jobId, `/${mine.body.id}`);
    const before = [await rows(), await bucketObjects()];

    for (const outsider of [ws2, partnerB]) {
      expect((await outsider.agent.get(url(jobId))).status).toBe(404);
      expect((await outsider.agent.get(photo)).status).toBe(404);
    }
    expect((await upload(ws2.agent, pngBytes(6, 6, 5))).status).toBe(404);
    expect((await ws2.agent.delete(photo)).status).toBe(404);
    for (const reader of [viewer, partnerA]) {
      expect((await upload(reader.agent, pngBytes(6, 6, 6))).status).toBe(403);
      expect((await reader.agent.delete(photo)).status).toBe(403);
    }
    // the partner of the system's country sees the photo, not who took it
    const partnerList = await partnerA.agent.get(url(jobId));
    expect(partnerList.status).toBe(200);
    expect(partnerList.body.items).toContainEqual(
      expect.objectContaining({ id: mine.body.id, takenBy: null, takenByName: null }),
    );
    expect((await partnerA.agent.get(photo)).status).toBe(200);
    // a colleague at the same facility may see but not delete it; an admin may
    expect((await ws1b.agent.delete(photo)).status).toBe(403);
    expect([await rows(), await bucketObjects()]).toEqual(before);
    expect((await admin.agent.delete(photo)).status).toBe(204);
  });

  it('stores an upload once per Idempotency-Key, and refuses the key with other bytes or another caption', async () => {
    const png = pngBytes(10, 10, 7);
    const first = await upload(ws1.agent, png, '?caption=one').set('Idempotency-Key', 'photo-key-0001');
    expect(first.status).toBe(201);
    const before = [await rows(), await bucketObjects()];
    const again = await upload(ws1.agent, png, '?caption=one').set('Idempotency-Key', 'photo-key-0001');
    expect(again.status).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body.id).toBe(first.body.id);
    const otherBytes = await upload(ws1.agent, pngBytes(10, 10, 8), '?caption=one').set(
      'Idempotency-Key',
      'photo-key-0001',
    );
    expect(otherBytes.status).toBe(422);
    const otherCaption = await upload(ws1.agent, png, '?caption=two').set('Idempotency-Key', 'photo-key-0001');
    expect(otherCaption.status).toBe(422);
    expect([await rows(), await bucketObjects()]).toEqual(before);
  });

  it(`holds at most ${PHOTO_MAX_PER_JOB} photos per job, and none on a closed job`, async () => {
    const job = await openJob();
    const fill = PHOTO_MAX_PER_JOB - 1;
    await ctx.db.query(
      `INSERT INTO repair_job_photos (job_id, content_type, size_bytes, sha256, store, data, taken_by)
       SELECT $1, 'image/png', 1, 'x', 'postgres', '\\x00', $2 FROM generate_series(1, $3)`,
      [job, ws1.user.id, fill],
    );
    expect((await upload(ws1.agent, pngBytes(4, 4, 9), '', 'image/png', job)).status).toBe(201);
    const before = [await rows(), await bucketObjects()];
    const full = await upload(ws1.agent, pngBytes(4, 4, 10), '', 'image/png', job);
    expect(full.status).toBe(409);
    expect(full.body).toMatchObject({ code: 'PHOTO_LIMIT_REACHED', limit: PHOTO_MAX_PER_JOB });

    const closed = await openJob();
    const cancel = await admin.agent
      .post(`/api/v1/repair-jobs/${closed}/transitions`)
      .send({ to: 'cancelled', comment: 'Not needed' });
    expect(cancel.status).toBe(200);
    const late = await upload(ws1.agent, pngBytes(4, 4, 11), '', 'image/png', closed);
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('JOB_CLOSED');
    expect([await rows(), await bucketObjects()]).toEqual(before);
  });
}
