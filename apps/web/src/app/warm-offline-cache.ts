import type { QueryClient } from '@tanstack/react-query';
import { boardJobsQueryOptions } from '../features/repair-jobs/api/get-board-jobs';
import { compatibleComponentsQueryOptions } from '../features/repair-jobs/api/get-compatible-components';
import { partsUsedQueryOptions } from '../features/repair-jobs/api/get-parts-used';
import { repairJobQueryOptions } from '../features/repair-jobs/api/get-repair-job';
import { workLogsQueryOptions } from '../features/repair-jobs/api/get-work-logs';
import { workshopFacilitiesQueryOptions } from '../features/repair-jobs/api/get-workshop-facilities';
import { systemQueryOptions } from '../lib/system-query';

/** The most open jobs per facility fetched ahead; a busier workshop has the rest once they are opened online. */
export const WARM_JOBS_PER_FACILITY = 40;
/** Between two jobs: the warm-up stays in the background of what the user is doing, one request at a time. */
const PAUSE_MS = 250;

const pause = (signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, PAUSE_MS);
    signal.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true });
  });

/**
 * Fetches, with the pages' own query options (so the keys and shapes are the pages'), what a workshop user opens
 * without a network: the workshops, each facility's board, and for every open job its page (job, work logs, parts
 * used), its system and the components that fit its model. The offline cache (pwa/offline-cache.ts) stores every
 * answer. Answers younger than the client's staleTime are not asked again; `signal` stops it (offline, sign-out).
 */
export async function warmOfflineCache(
  client: QueryClient,
  facilityIds: readonly string[],
  signal: AbortSignal,
): Promise<void> {
  await client.prefetchQuery(workshopFacilitiesQueryOptions());
  const models = new Set<string>();
  for (const facilityId of facilityIds) {
    if (signal.aborted) return;
    const board = await client.fetchQuery(boardJobsQueryOptions(facilityId));
    for (const job of board.items.slice(0, WARM_JOBS_PER_FACILITY)) {
      await pause(signal);
      if (signal.aborted) return;
      const detail = await client.fetchQuery(repairJobQueryOptions(job.id));
      await Promise.all([
        client.prefetchQuery(workLogsQueryOptions(job.id)),
        client.prefetchQuery(partsUsedQueryOptions(job.id)),
        client.prefetchQuery(systemQueryOptions(detail.systemId)),
        models.has(detail.modelId) ? undefined : client.prefetchQuery(compatibleComponentsQueryOptions(detail.modelId)),
      ]);
      models.add(detail.modelId);
    }
  }
}
