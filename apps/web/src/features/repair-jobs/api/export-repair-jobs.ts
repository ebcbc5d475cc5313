import { endpoints } from '@jv/contracts';
import { endpointUrl } from '../../../lib/api-client';
import type { RepairJobFilters } from './keys';

/**
 * The CSV export of the list's filters — a plain link: the browser downloads it with the session
 * cookie, streaming, without holding the whole file in memory.
 */
export const repairJobsExportUrl = (filters: RepairJobFilters) =>
  endpointUrl(endpoints.repairJobs.export, { query: filters });
