import type { ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';

export default async function globalTeardown() {
  const g = globalThis as { __JV_E2E_SERVER__?: ChildProcess; __JV_E2E_DATA__?: string };
  const child = g.__JV_E2E_SERVER__;
  if (child && child.exitCode === null) await stop(child);
  if (g.__JV_E2E_DATA__) rmSync(g.__JV_E2E_DATA__, { recursive: true, force: true });
}

async function stop(child: ChildProcess) {
  let timer: NodeJS.Timeout | undefined;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await Promise.race([
    exited,
    new Promise((r) => {
      timer = setTimeout(r, 10_000);
    }),
  ]);
  clearTimeout(timer);
  if (child.exitCode === null) child.kill('SIGKILL');
}
