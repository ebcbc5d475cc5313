import type { EntityManager } from 'typeorm';

/** Demo systems with six months of usage (filled in by the systems feature). */
export async function seedSystemsDemo(_m: EntityManager): Promise<void> {
  return;
}
