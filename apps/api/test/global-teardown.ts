export default async function globalTeardown() {
  const db = (globalThis as { __JV_PG__?: { stop(): Promise<void> } }).__JV_PG__;
  if (db) await db.stop();
}
