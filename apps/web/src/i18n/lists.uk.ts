/** Lists on a tablet: the filter bar, its chips and the column chooser. */
export const listsUk = {
  filtersToggle: 'Фільтри ({{count}})',
  activeFilters: 'Активні фільтри',
  clearFilter: 'Прибрати фільтр «{{label}}»',
  columns: 'Стовпці',
  columnsHidden: 'Стовпці (приховано: {{count}})',
  columnsLegend: 'Показувати стовпці',
};
