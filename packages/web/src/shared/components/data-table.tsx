import { useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { sortRows, type SortState } from './sort-rows.ts';

/**
 * A table with a caption, column headers scoped for screen readers and
 * optional sorting by any column that declares a sort value. It scrolls
 * sideways inside its own box on a phone rather than widening the page.
 */
export interface Column<Row> {
  key: string;
  header: string;
  cell(row: Row): ReactNode;
  sortValue?(row: Row): string | number | null;
  numeric?: boolean;
}

export interface DataTableProps<Row> {
  caption: string;
  columns: Column<Row>[];
  rows: readonly Row[];
  rowKey(row: Row): string;
  initialSort?: SortState;
  empty?: string;
  testId?: string;
}

export const DataTable = <Row,>({ caption, columns, rows, rowKey, initialSort, empty, testId }: DataTableProps<Row>) => {
  const { t } = useTranslation();
  const [sort, setSort] = useState<SortState | undefined>(initialSort);
  const sorted = useMemo(() => {
    const column = columns.find((c) => c.key === sort?.key);
    return column?.sortValue && sort ? sortRows(rows, column.sortValue, sort.direction) : rows;
  }, [rows, columns, sort]);
  const toggle = (key: string) =>
    setSort((current) => ({ key, direction: current?.key === key && current.direction === 'ascending' ? 'descending' : 'ascending' }));

  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label={caption}>
      <table className="data-table" data-testid={testId}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th
                key={column.key}
                scope="col"
                className={column.numeric ? 'numeric' : undefined}
                aria-sort={sort?.key === column.key ? sort.direction : undefined}
              >
                {column.sortValue ? (
                  <button type="button" className="sort-button" onClick={() => toggle(column.key)}>
                    {column.header}
                    <span aria-hidden="true">{sort?.key === column.key ? (sort.direction === 'ascending' ? ' ▲' : ' ▼') : ' ↕'}</span>
                  </button>
                ) : (
                  column.header
                )}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {sorted.length === 0 ? (
            <tr>
              <td colSpan={columns.length}>{empty ?? t('common.noRows')}</td>
            </tr>
          ) : (
            sorted.map((row) => (
              <tr key={rowKey(row)}>
                {columns.map((column) => (
                  <td key={column.key} className={column.numeric ? 'numeric' : undefined}>
                    {column.cell(row)}
                  </td>
                ))}
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
};
