import type { listsUk } from './lists.uk';

/** English, typed as the Ukrainian, so a missing or extra key fails the typecheck. */
export const listsEn: Record<keyof typeof listsUk, string> = {
  filtersToggle: 'Filters ({{n}})',
  activeFilters: 'Active filters',
  clearFilter: 'Clear the “{{label}}” filter',
  columns: 'Columns',
  columnsHidden: 'Columns ({{n}} hidden)',
  columnsLegend: 'Show columns',
};
