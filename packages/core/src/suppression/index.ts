export { TOTAL, buildTable, type CountCell, type PublishedCell, type TwoWayTable } from './table.ts';
export { auditSuppression, type CellInterval } from './audit.ts';
export { suppressTable, type SuppressedTable } from './suppress.ts';
