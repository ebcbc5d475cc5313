import { buildUrl, type QueryParams } from '../../../lib/api-client';
import type { RepairJobFilters } from './keys';

/**
 * GET /repair-jobs/export.csv?<the list's filters> — a plain link: the browser downloads it with the
 * session cookie, streaming, without holding the whole file in memory.
 */
export const repairJobsExportUrl = (filters: RepairJobFilters) => buildUrl('/repair-jobs/export.csv', filters as QueryParams);
