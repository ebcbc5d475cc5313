/** Lists on a tablet: the filter bar, its chips and the column chooser. */
export const listsUk = {
  filtersToggle: 'Фільтри ({{n}})',
  activeFilters: 'Активні фільтри',
  clearFilter: 'Прибрати фільтр «{{label}}»',
  columns: 'Стовпці',
  columnsHidden: 'Стовпці (приховано: {{n}})',
  columnsLegend: 'Показувати стовпці',
};
