import 'fake-indexeddb/auto';
import { openOutboxDb, localId, type OutboxDb } from './db';
import { BACKOFF_MAX_MS, backoffDelay, createOutboxSender, DEPENDENCY_DROPPED } from './outbox';
import { dropEntry, enqueue, entriesOf, retryEntry, type OutboxDraft } from './store';

const USER = 'user-1';
let db: OutboxDb;
let dbCount = 0;
let clock: number;

beforeEach(() => {
  db = openOutboxDb(`outbox-test-${++dbCount}`);
  clock = 1_000_000;
});
afterEach(() => db.delete());

const workLog = (jobId: string, hours = 1): OutboxDraft => ({
  kind: 'workLog',
  method: 'POST',
  path: `/v1/repair-jobs/${jobId}/work-logs`,
  body: { date: '2026-11-30', hours, note: null },
  idempotencyKey: crypto.randomUUID(),
  label: jobId,
  scope: { jobId },
});

interface Call {
  url: string;
  key: string | null;
  body: unknown;
}

/** A server that answers each request with the next of `answers` (a thrown error is a dead network). */
function fakeServer(...answers: (Response | Error | ((call: Call) => Response))[]) {
  const calls: Call[] = [];
  const fetch = jest.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const call: Call = {
      url: String(input),
      key: new Headers(init?.headers).get('Idempotency-Key'),
      body: JSON.parse(String(init?.body)),
    };
    calls.push(call);
    const answer = answers.shift() ?? created('any');
    if (answer instanceof Error) throw answer;
    return typeof answer === 'function' ? answer(call) : answer;
  });
  return { fetch: fetch as unknown as typeof globalThis.fetch, calls };
}

const created = (id: string) =>
  new Response(JSON.stringify({ id }), { status: 201, headers: { 'content-type': 'application/json' } });
const problem = (status: number, code: string, extra: object = {}) =>
  new Response(JSON.stringify({ type: 'about:blank', title: code, status, code, ...extra }), {
    status,
    headers: { 'content-type': 'application/problem+json' },
  });

const sender = (fetch: typeof globalThis.fetch, locks?: Pick<LockManager, 'request'>) =>
  createOutboxSender({ db, fetch, now: () => clock, random: () => 0.5, locks });

describe('outbox sending', () => {
  it('sends a user’s entries in the order they were typed, each once, and empties the outbox', async () => {
    const a = await enqueue(USER, workLog('job-a', 1), db);
    const b = await enqueue(USER, workLog('job-b', 2), db);
    const c = await enqueue(USER, workLog('job-a', 3), db);
    const server = fakeServer(created('1'), created('2'), created('3'));

    await expect(sender(server.fetch).flush(USER)).resolves.toEqual({ outcome: 'idle' });

    expect(server.calls.map((call) => call.key)).toEqual([a.idempotencyKey, b.idempotencyKey, c.idempotencyKey]);
    expect(server.calls.map((call) => call.url)).toEqual([
      '/api/v1/repair-jobs/job-a/work-logs',
      '/api/v1/repair-jobs/job-b/work-logs',
      '/api/v1/repair-jobs/job-a/work-logs',
    ]);
    expect(await entriesOf(USER, db)).toEqual([]);
  });

  it('retries a network failure with the same key after the backoff; nothing overtakes it meanwhile', async () => {
    const first = await enqueue(USER, workLog('job-a'), db);
    await enqueue(USER, workLog('job-b'), db);
    const server = fakeServer(new TypeError('Failed to fetch'));
    const outbox = sender(server.fetch);

    await expect(outbox.flush(USER)).resolves.toEqual({ outcome: 'idle', retryAt: clock + 2_000 });
    expect(server.calls).toHaveLength(1);
    const [waiting] = await entriesOf(USER, db);
    expect(waiting).toMatchObject({ state: 'pending', attempts: 1, lastError: { status: 0, code: 'NETWORK_ERROR' } });

    // not due yet: nothing is sent, not even the later entry
    clock += 1_999;
    await outbox.flush(USER);
    expect(server.calls).toHaveLength(1);

    clock += 1;
    await outbox.flush(USER);
    expect(server.calls.map((call) => call.key)).toEqual([
      first.idempotencyKey,
      first.idempotencyKey,
      expect.not.stringMatching(first.idempotencyKey),
    ]);
    expect(server.calls[1].body).toEqual(server.calls[0].body);
    expect(await entriesOf(USER, db)).toEqual([]);
  });

  it('retries a gateway error and a request still running under the same key, as the network', async () => {
    await enqueue(USER, workLog('job-a'), db);
    const server = fakeServer(problem(503, 'UNAVAILABLE'), problem(409, 'IDEMPOTENCY_IN_PROGRESS'), created('1'));
    const outbox = sender(server.fetch);

    await outbox.flush(USER);
    expect((await entriesOf(USER, db))[0]).toMatchObject({ state: 'pending', attempts: 1 });
    clock += 2_000;
    await expect(outbox.flush(USER)).resolves.toEqual({ outcome: 'idle', retryAt: clock + 4_000 });
    expect((await entriesOf(USER, db))[0]).toMatchObject({ state: 'pending', attempts: 2 });
    clock += 4_000;
    await outbox.flush(USER);
    expect(server.calls).toHaveLength(3);
    expect(new Set(server.calls.map((call) => call.key)).size).toBe(1);
    expect(await entriesOf(USER, db)).toEqual([]);
  });

  it('puts a refused entry in conflict with the answer; the same job’s entries wait, others go on', async () => {
    const move = await enqueue(
      USER,
      { ...workLog('job-a'), kind: 'jobMove', path: '/v1/repair-jobs/job-a/transitions', body: { to: 'in_repair' } },
      db,
    );
    const sameJob = await enqueue(USER, workLog('job-a'), db);
    const otherJob = await enqueue(USER, workLog('job-b'), db);
    const server = fakeServer(problem(409, 'STALE_VERSION', { detail: 'moved by someone else' }), created('2'));

    await sender(server.fetch).flush(USER);

    expect(server.calls.map((call) => call.key)).toEqual([move.idempotencyKey, otherJob.idempotencyKey]);
    const left = await entriesOf(USER, db);
    expect(left.map((e) => [e.id, e.state])).toEqual([
      [move.id, 'conflict'],
      [sameJob.id, 'pending'],
    ]);
    expect(left[0].lastError).toMatchObject({ status: 409, code: 'STALE_VERSION', detail: 'moved by someone else' });

    // dropping the refused entry lets the ones behind it go
    await dropEntry(move.id, db);
    await sender(server.fetch).flush(USER);
    expect(server.calls.at(-1)?.key).toBe(sameJob.idempotencyKey);
    expect(await entriesOf(USER, db)).toEqual([]);
  });

  it.each([400, 403, 404, 422])('puts an entry answered %i in conflict', async (status) => {
    await enqueue(USER, workLog('job-a'), db);
    await sender(fakeServer(problem(status, 'VALIDATION')).fetch).flush(USER);
    expect((await entriesOf(USER, db))[0]).toMatchObject({ state: 'conflict', lastError: { status } });
  });

  it('marks a server failure failed until "Retry", which sends it again with the same key', async () => {
    const entry = await enqueue(USER, workLog('job-a'), db);
    const server = fakeServer(problem(500, 'INTERNAL'), created('1'));
    const outbox = sender(server.fetch);

    await expect(outbox.flush(USER)).resolves.toEqual({ outcome: 'idle' });
    expect((await entriesOf(USER, db))[0]).toMatchObject({ state: 'failed', lastError: { status: 500 } });
    await outbox.flush(USER);
    expect(server.calls).toHaveLength(1);

    await retryEntry(entry.id, db);
    await outbox.flush(USER);
    expect(server.calls.map((call) => call.key)).toEqual([entry.idempotencyKey, entry.idempotencyKey]);
    expect(await entriesOf(USER, db)).toEqual([]);
  });

  it('stops at a 401 and keeps the entry pending for its owner’s next sign-in', async () => {
    await enqueue(USER, workLog('job-a'), db);
    await enqueue(USER, workLog('job-b'), db);
    const server = fakeServer(problem(401, 'UNAUTHENTICATED'));
    await expect(sender(server.fetch).flush(USER)).resolves.toEqual({ outcome: 'unauthorized' });
    expect(server.calls).toHaveLength(1);
    expect((await entriesOf(USER, db)).map((e) => e.state)).toEqual(['pending', 'pending']);
  });

  it('sends only the signed-in user’s entries; another user’s wait for their owner', async () => {
    await enqueue('someone-else', workLog('job-a'), db);
    const mine = await enqueue(USER, workLog('job-b'), db);
    const server = fakeServer();
    await sender(server.fetch).flush(USER);
    expect(server.calls.map((call) => call.key)).toEqual([mine.idempotencyKey]);
    expect(await entriesOf('someone-else', db)).toHaveLength(1);
  });
});

describe('outbox dependencies', () => {
  const newJob = (): OutboxDraft => ({
    kind: 'newJob',
    method: 'POST',
    path: '/v1/repair-jobs',
    body: { systemId: 'sys-1', fault: 'no fire' },
    idempotencyKey: crypto.randomUUID(),
    label: 'SN-1',
    scope: { systemId: 'sys-1' },
  });
  const logOn = (jobEntryId: string): OutboxDraft => ({
    ...workLog(localId(jobEntryId)),
    dependsOn: [jobEntryId],
  });

  it('sends a work log typed on a job created offline after the job, with the server’s id in its path', async () => {
    const job = await enqueue(USER, newJob(), db);
    await enqueue(USER, logOn(job.id), db);
    const server = fakeServer(created('job-77'), created('log-1'));

    await sender(server.fetch).flush(USER);

    expect(server.calls.map((call) => call.url)).toEqual([
      '/api/v1/repair-jobs',
      '/api/v1/repair-jobs/job-77/work-logs',
    ]);
    expect(await entriesOf(USER, db)).toEqual([]);
  });

  it('holds the entries of a refused new job, and refuses them once it is dropped', async () => {
    const job = await enqueue(USER, newJob(), db);
    const log = await enqueue(USER, logOn(job.id), db);
    const server = fakeServer(problem(409, 'SYSTEM_HAS_OPEN_JOB'));
    const outbox = sender(server.fetch);

    await outbox.flush(USER);
    expect((await entriesOf(USER, db)).map((e) => e.state)).toEqual(['conflict', 'pending']);

    await dropEntry(job.id, db);
    await outbox.flush(USER);
    expect(server.calls).toHaveLength(1);
    expect(await entriesOf(USER, db)).toEqual([
      expect.objectContaining({ id: log.id, state: 'conflict', lastError: { status: 0, code: DEPENDENCY_DROPPED } }),
    ]);
  });
});

describe('one sender', () => {
  /** Web Locks as the browser has them, shared by the "tabs" of one test: `ifAvailable` answers null when held. */
  function fakeLocks() {
    const held = new Set<string>();
    return {
      request: (async (name: string, options: LockOptions, callback: (lock: Lock | null) => unknown) => {
        if (held.has(name)) return options.ifAvailable ? callback(null) : Promise.reject(new Error('not modelled'));
        held.add(name);
        try {
          return await callback({ name, mode: 'exclusive' } as Lock);
        } finally {
          held.delete(name);
        }
      }) as LockManager['request'],
    };
  }

  it('sends each entry once when two tabs and two calls in one tab flush at the same time', async () => {
    for (const job of ['a', 'b', 'c']) await enqueue(USER, workLog(`job-${job}`), db);
    const server = fakeServer();
    const locks = fakeLocks();
    const tab1 = sender(server.fetch, locks);
    const tab2 = sender(server.fetch, locks);

    const results = await Promise.all([tab1.flush(USER), tab1.flush(USER), tab2.flush(USER)]);

    expect(results).toContainEqual({ outcome: 'busy' });
    expect(server.calls).toHaveLength(3);
    expect(new Set(server.calls.map((call) => call.key)).size).toBe(3);
    expect(await entriesOf(USER, db)).toEqual([]);
  });
});

describe('backoff', () => {
  it('doubles from 2 s and stops at a minute', () => {
    const middle = () => 0.5;
    expect([1, 2, 3, 4, 5, 6, 7, 12].map((n) => backoffDelay(n, middle))).toEqual([
      2_000, 4_000, 8_000, 16_000, 32_000, 60_000, 60_000, 60_000,
    ]);
  });

  it('spreads a wait by at most a fifth either way, never past the cap', () => {
    expect(backoffDelay(2, () => 0)).toBe(3_200);
    expect(backoffDelay(2, () => 0.999_999)).toBe(4_800);
    expect(backoffDelay(10, () => 0.999_999)).toBe(BACKOFF_MAX_MS);
  });
});
