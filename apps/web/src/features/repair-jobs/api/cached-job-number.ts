import type { QueryClient } from '@tanstack/react-query';
import type { RepairJobResponse } from '@jv/contracts';
import { repairJobKeys } from './keys';

type Page = { items?: Pick<RepairJobResponse, 'id' | 'number'>[] };

/**
 * The number of a job as the screens already hold it (its page, the board, a list): an outbox entry is labelled
 * with it while offline, when nothing can be asked.
 */
export function cachedJobNumber(queryClient: QueryClient, jobId: string): string {
  const detail = queryClient.getQueryData<RepairJobResponse>(repairJobKeys.detail(jobId));
  if (detail) return detail.number;
  for (const [, data] of queryClient.getQueriesData<Page | { pages?: Page[] }>({ queryKey: repairJobKeys.all })) {
    const pages: Page[] = data && 'pages' in data ? (data.pages ?? []) : data ? [data as Page] : [];
    for (const page of pages) {
      const job = page.items?.find?.((item) => item.id === jobId);
      if (job) return job.number;
    }
  }
  return '';
}
