import { rmSync } from 'node:fs';

export default async function globalTeardown() {
  const db = (globalThis as { __JV_PG__?: { stop(): Promise<void>; dataDir: string } }).__JV_PG__;
  if (!db) return;
  await db.stop();
  rmSync(db.dataDir, { recursive: true, force: true });
}
