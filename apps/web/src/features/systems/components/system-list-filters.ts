import { readinessClasses } from '@jv/domain';
import { compactFilters, enumParam, uuidParam } from '../../../lib/use-search-filters';
import type { SystemFilters } from '../api/system-keys';
import { statusesParam, wearParam, type SystemFilterValues } from './systems-filters';

const SORTS = ['serial', 'wear', 'lastChange'] as const;
const ORDERS = ['asc', 'desc'] as const;

/**
 * The URL's filter values as the API's query (unknown or malformed values are left out): the list, its CSV
 * export and its label sheet read the same URL the same way.
 */
export function toApiFilters(values: SystemFilterValues): SystemFilters {
  const statuses = statusesParam(values.status);
  return compactFilters<SystemFilters>({
    status: statuses.length > 0 ? statuses : undefined,
    readiness: enumParam(values.readiness, readinessClasses),
    modelId: uuidParam(values.modelId),
    donorPartnerId: uuidParam(values.donorPartnerId),
    unitId: uuidParam(values.unitId),
    facilityId: uuidParam(values.facilityId),
    wearAbove: wearParam(values.wearAbove),
    q: values.q.trim() || undefined,
    sort: enumParam(values.sort, SORTS),
    order: enumParam(values.order, ORDERS),
  });
}
