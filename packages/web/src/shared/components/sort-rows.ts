export interface SortState {
  key: string;
  direction: 'ascending' | 'descending';
}

/**
 * A stable sort by one value; empty values (null) go last in either
 * direction, so "no data" never hides the top of a ranking.
 */
export const sortRows = <Row>(rows: readonly Row[], value: (row: Row) => string | number | null, direction: SortState['direction']): Row[] => {
  const sign = direction === 'ascending' ? 1 : -1;
  return rows
    .map((row, index) => ({ row, index, key: value(row) }))
    .sort((a, b) => {
      if (a.key === null || b.key === null) return a.key === b.key ? a.index - b.index : a.key === null ? 1 : -1;
      const order = typeof a.key === 'number' && typeof b.key === 'number' ? a.key - b.key : String(a.key).localeCompare(String(b.key));
      return order !== 0 ? sign * order : a.index - b.index;
    })
    .map((entry) => entry.row);
};
