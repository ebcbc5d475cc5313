// Dexie-free: read by screens that must not load IndexedDB code (lib/outbox-problem-text.ts)

/** The code a dependent entry gets when the entry it waited for (a job typed offline) was dropped. */
export const DEPENDENCY_DROPPED = 'OUTBOX_DEPENDENCY_DROPPED';
