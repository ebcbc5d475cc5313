import { endpoints } from '@jv/contracts';
import { endpointUrl } from '../../../lib/api-client';
import type { SystemFilters } from './system-keys';

/**
 * The CSV export (`endpoints.systems.export`) with the list's filters — a plain link: the browser
 * downloads it with the session cookie, streaming, without holding the whole file in memory.
 */
export const systemsExportUrl = (filters: SystemFilters) => endpointUrl(endpoints.systems.export, { query: filters });
