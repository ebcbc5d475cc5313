import { endpoints } from '@jv/contracts';
import { endpointUrl } from '../../../lib/api-client';
import type { ComponentRequestFilters } from './keys';

/**
 * The CSV export of the list's filters — a plain link: the browser downloads it with the session
 * cookie, streaming, without holding the whole file in memory.
 */
export const componentRequestsExportUrl = (filters: ComponentRequestFilters) =>
  endpointUrl(endpoints.componentRequests.export, { query: filters });
