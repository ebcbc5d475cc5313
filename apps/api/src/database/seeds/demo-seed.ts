import type { DataSource } from 'typeorm';

export async function seedDemo(ds: DataSource): Promise<boolean> {
  const [{ n }] = await ds.query(`SELECT count(*)::int AS n FROM users`);
  return n === 0 && false;
}
