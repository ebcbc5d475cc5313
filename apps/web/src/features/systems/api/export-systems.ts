import { buildUrl, type QueryParams } from '../../../lib/api-client';
import type { SystemFilters } from './system-keys';

/**
 * GET /systems/export.csv?<the list's filters> — a plain link: the browser downloads it with the
 * session cookie, streaming, without holding the whole file in memory.
 */
export const systemsExportUrl = (filters: SystemFilters) => buildUrl('/systems/export.csv', filters as QueryParams);
