import 'reflect-metadata';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { type ChildProcess, fork } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import type TestAgent from 'supertest/lib/agent';
import type { DataSource } from 'typeorm';
import { createApp } from '../src/bootstrap';
import { loadEnv } from '../src/config/env';
import { createDataSource } from '../src/database/data-source';
import { appRoleFor } from '../src/database/roles';
import { migrate } from '../src/database/tasks';
import { freePort } from './global-setup';
import { dayOffset, repairFixtures, type RepairFixtures } from './support/repair-fixtures';
import { reportProof } from './support/scope-fixtures';
import { signedIn, type TestContext } from './support/test-app';

/** The embedded PostgreSQL under the app's supervisor, in a child process (see support/supervised-db.ts). */
interface SupervisedDb {
  /** the owner (migrations, fixtures, checks) */
  url: string;
  /** the app's least-privilege role */
  appUrl: string;
  pid(): number | undefined;
  restarts(): number;
  /** the supervisor's log lines so far */
  log(): string;
  stop(): Promise<void>;
}

function startSupervisedDb(dataDir: string, port: number): Promise<SupervisedDb> {
  const root = path.resolve(__dirname, '../../..');
  const child: ChildProcess = fork(path.join(__dirname, 'support/supervised-db.ts'), [dataDir, String(port)], {
    cwd: root,
    execArgv: ['-r', '@swc-node/register'],
    env: { ...process.env, SWC_NODE_PROJECT: path.join(root, 'apps/api/tsconfig.spec.json') },
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  let log = '';
  child.stderr?.on('data', (d: Buffer) => (log += d.toString()));
  const state = { pid: undefined as number | undefined, restarts: 0 };
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`supervised PostgreSQL exited (${code}): ${log}`)));
    child.on('message', (m: { url?: string; appUrl?: string; pid?: number; restarts?: number }) => {
      if ('restarts' in m) Object.assign(state, { pid: m.pid, restarts: m.restarts });
      if (!m.url) return;
      resolve({
        url: m.url,
        appUrl: m.appUrl ?? m.url,
        pid: () => state.pid,
        restarts: () => state.restarts,
        log: () => log,
        stop: () =>
          new Promise<void>((done) => {
            if (child.exitCode !== null) return done();
            child.once('exit', () => done());
            child.send('stop');
          }),
      });
    });
  });
}

/**
 * Faults (issue 11): PostgreSQL's server process is killed (SIGKILL) in the middle of a load of
 * idempotent creates whose clients retry on 503 and network errors. This file runs its own embedded
 * PostgreSQL (own port, own data folder) so killing it touches no other spec.
 */

const WORKERS = 6;
const MAX_TRIES = 60;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Answer {
  status: number;
  code?: string;
  retryAfter?: string;
  retryAfterSeconds?: unknown;
}

interface LoadResult {
  /** idempotency key → id of the request acknowledged with 2xx */
  acked: Map<string, string>;
  /** keys never acknowledged (the client gave up) */
  unacked: string[];
  answers: Answer[];
  networkErrors: number;
}

describe('faults: PostgreSQL killed under load (integration, own embedded PostgreSQL)', () => {
  let pg: SupervisedDb;
  let dataDir: string;
  let app: NestExpressApplication;
  /** the owner's connection: fixtures and checks (the app itself connects as its own role) */
  let owner: DataSource;
  let base: string;
  let fx: RepairFixtures;
  let agents: TestAgent[];
  const scenarios: string[] = [];
  /** per kill: answers by status, acknowledged and abandoned creates */
  const rounds: string[] = [];
  const passed = (name: string) => scenarios.push(name);

  beforeAll(async () => {
    dataDir = path.resolve(__dirname, `../../../.data/test-faults-${process.pid}`);
    rmSync(dataDir, { recursive: true, force: true });
    pg = await startSupervisedDb(dataDir, await freePort());
    owner = createDataSource({ url: pg.url, poolSize: 2 });
    await owner.initialize();
    await migrate(owner, appRoleFor(pg.appUrl, pg.url));
    const env = loadEnv({ NODE_ENV: 'test', LOG_LEVEL: 'silent', WEB_DIST: '/nonexistent', DB_POOL_SIZE: '4' });
    app = await createApp(env, pg.appUrl);
    await app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}`;
    fx = await repairFixtures(owner);
    const ctx: TestContext = { app, db: owner, http: () => request.agent(base), close: () => app.close() };
    agents = [];
    for (let i = 0; i < WORKERS; i++) {
      const role = i % 2 === 0 ? 'logistics' : 'admin';
      agents.push((await signedIn(ctx, { role, email: `fault-${i}@test.example` })).agent);
    }
  }, 180_000);

  afterAll(async () => {
    await app?.close();
    await owner?.destroy();
    await pg?.stop();
    rmSync(dataDir, { recursive: true, force: true });
    // the closing count of `npm test`
    reportProof(`faults: ${scenarios.length} scenarios (${rounds.join('; ')})`);
  }, 60_000);

  const ready = async (): Promise<{ status: number; body: Record<string, unknown> } | undefined> => {
    try {
      const res = await request(base).get('/api/health/ready').timeout(5000);
      return { status: res.status, body: res.body };
    } catch {
      return undefined;
    }
  };

  /** Clients creating requests with an Idempotency-Key each, retrying one key on 503 / network errors. */
  function runLoad(tag: string, stop: { now: boolean }): Promise<LoadResult> {
    const result: LoadResult = { acked: new Map(), unacked: [], answers: [], networkErrors: 0 };
    const worker = async (w: number) => {
      for (let i = 0; !stop.now; i++) {
        const key = `fault-${tag}-${w}-${i}`;
        const body = {
          componentId: fx.componentA,
          quantity: 1 + i,
          priority: 'routine',
          neededBy: dayOffset(30),
          facilityId: fx.ws1,
          justification: `fault load ${key}`,
        };
        let done = false;
        for (let attempt = 0; attempt < MAX_TRIES && !done; attempt++) {
          try {
            const res = await agents[w]
              .post('/api/v1/component-requests')
              .set('Idempotency-Key', key)
              .timeout(20_000)
              .send(body);
            result.answers.push({
              status: res.status,
              code: res.body?.code,
              retryAfter: res.headers['retry-after'],
              retryAfterSeconds: res.body?.retryAfterSeconds,
            });
            if (res.status >= 200 && res.status < 300) {
              result.acked.set(key, res.body.id);
              done = true;
            } else if (res.status === 503 || res.body?.code === 'IDEMPOTENCY_IN_PROGRESS') {
              // Retry-After says 5 s; the test waits less so that it stays short
              await sleep(100);
            } else {
              break;
            }
          } catch {
            result.networkErrors += 1;
            await sleep(100);
          }
        }
        if (!done) result.unacked.push(key);
      }
    };
    return Promise.all(agents.map((_, w) => worker(w))).then(() => result);
  }

  async function killRound(tag: string) {
    const stop = { now: false };
    const load = runLoad(tag, stop);
    // let the load run, then kill the server process the hard way
    const before = pg.restarts();
    await sleep(1500);
    const pid = pg.pid();
    expect(pid).toBeDefined();
    process.kill(pid as number, 'SIGKILL');

    // readiness says down while the server is gone
    let sawDown = false;
    for (let t = Date.now(); Date.now() - t < 15_000 && !sawDown; await sleep(20)) {
      const r = await ready();
      if (r?.status === 503 && r.body.database === 'down') sawDown = true;
    }
    // the supervisor starts it again; the same app answers again (no restart)
    let up = false;
    for (let t = Date.now(); Date.now() - t < 90_000 && !up; await sleep(200)) {
      const r = await ready();
      up = pg.restarts() > before && r?.status === 200 && r.body.database === 'up';
    }
    // some load after the recovery too
    await sleep(1500);
    stop.now = true;
    const result = await load;
    return { sawDown, up, result };
  }

  async function checkRound(tag: string, round: Awaited<ReturnType<typeof killRound>>) {
    const { sawDown, up, result } = round;
    const statuses = result.answers.reduce<Record<number, number>>(
      (m, a) => ({ ...m, [a.status]: (m[a.status] ?? 0) + 1 }),
      {},
    );
    const summary = JSON.stringify({
      statuses,
      acked: result.acked.size,
      unacked: result.unacked.length,
      networkErrors: result.networkErrors,
    });

    rounds.push(`${tag} ${summary}`);
    expect([sawDown, summary]).toEqual([true, summary]);
    passed(`${tag}: /api/health/ready reports the database down`);

    expect([result.answers.filter((a) => a.status >= 500 && a.status !== 503).length, summary]).toEqual([0, summary]);
    const unavailable = result.answers.filter((a) => a.status === 503);
    expect(unavailable.length).toBeGreaterThan(0);
    for (const a of unavailable) {
      expect(a).toEqual({ status: 503, code: 'DATABASE_UNAVAILABLE', retryAfter: '5', retryAfterSeconds: 5 });
    }
    passed(`${tag}: answers are 503 DATABASE_UNAVAILABLE with Retry-After, never 500`);

    expect(up).toBe(true);
    expect(pg.log()).toContain('embedded PostgreSQL stopped unexpectedly');
    expect(pg.log()).toContain('embedded PostgreSQL started again');
    passed(`${tag}: the supervisor starts PostgreSQL again`);

    const res = await agents[0]
      .post('/api/v1/component-requests')
      .set('Idempotency-Key', `fault-${tag}-after`)
      .send({
        componentId: fx.componentA,
        quantity: 1,
        neededBy: dayOffset(30),
        facilityId: fx.ws1,
        justification: `fault load fault-${tag}-after`,
      });
    expect(res.status).toBe(201);
    result.acked.set(`fault-${tag}-after`, res.body.id);
    passed(`${tag}: the API recovers without a restart`);

    const rows: Array<{ justification: string; ids: string[] }> = await owner.query(
      `SELECT justification, array_agg(id::text) AS ids FROM component_requests
        WHERE justification LIKE $1 GROUP BY justification`,
      [`fault load fault-${tag}-%`],
    );
    const byKey = new Map(rows.map((r) => [r.justification.slice('fault load '.length), r.ids]));
    expect(result.acked.size).toBeGreaterThan(WORKERS);
    for (const [key, id] of result.acked) expect([key, byKey.get(key)]).toEqual([key, [id]]);
    // and nothing created twice, acknowledged or not
    expect(rows.filter((r) => r.ids.length > 1)).toEqual([]);
    passed(`${tag}: every create acknowledged with 2xx exists exactly once`);
  }

  it('kill 1: 503 with Retry-After, the supervisor restarts, the API recovers, acknowledged creates once', async () => {
    await checkRound('k1', await killRound('k1'));
  }, 150_000);

  it('kill 2: the supervisor keeps watching the restarted server', async () => {
    await checkRound('k2', await killRound('k2'));
    expect(pg.restarts()).toBe(2);
  }, 150_000);
});
