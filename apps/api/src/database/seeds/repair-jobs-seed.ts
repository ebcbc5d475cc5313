import type { EntityManager } from 'typeorm';

/** Demo repair jobs in every state at both workshops (filled in by the repair-jobs feature). */
export async function seedRepairJobsDemo(_m: EntityManager): Promise<void> {
  return;
}
