/**
 * Applying a decision's obligations to the data it permits. The decision
 * point (core/pact) says what must happen; these functions make it happen to
 * plain records, so that every context enforces a clause the same way.
 */
import type { Obligation } from '../pact/decision.ts';

export type DataRecord = Record<string, unknown>;

/** The fields the obligations remove (union of every drop-fields obligation). */
export const droppedFields = (obligations: readonly Obligation[]): Set<string> =>
  new Set(obligations.flatMap((o) => (o.type === 'drop-fields' ? o.fields : [])));

/** The smallest cell size any suppress-below obligation asks for, or null. */
export const suppressionK = (obligations: readonly Obligation[]): number | null => {
  const ks = obligations.flatMap((o) => (o.type === 'suppress-below' ? [o.k] : []));
  return ks.length > 0 ? Math.max(...ks) : null;
};

/** The retention date a permit stamps on what it lets through, or null. */
export const retainUntil = (obligations: readonly Obligation[]): string | null => {
  const dates = obligations.flatMap((o) => (o.type === 'retain-until' ? [o.date] : []));
  return dates.length > 0 ? dates.sort()[0]! : null;
};

export const requiresConsent = (obligations: readonly Obligation[]): boolean => obligations.some((o) => o.type === 'require-consent');

/** Removes dropped fields from each record (a new object; the input is untouched). */
export const dropFields = <T extends DataRecord>(records: readonly T[], obligations: readonly Obligation[]): Partial<T>[] => {
  const dropped = droppedFields(obligations);
  if (dropped.size === 0) return records.map((r) => ({ ...r }));
  return records.map((record) => Object.fromEntries(Object.entries(record).filter(([key]) => !dropped.has(key))) as Partial<T>);
};

export interface CountCell {
  count: number;
  [dimension: string]: unknown;
}

export interface SuppressedCell {
  count: number | null;
  suppressed: boolean;
  [dimension: string]: unknown;
}

/**
 * Primary small-cell suppression of a list of cells: counts with 0 < n < k
 * become null. Safe on its own only when no totals are published beside the
 * cells (a total minus the visible cells would give the hidden one back);
 * tables published with margins go through core/suppression's
 * complementary suppression instead.
 */
export const suppressCells = <T extends CountCell>(cells: readonly T[], k: number | null): (Omit<T, 'count'> & SuppressedCell)[] =>
  cells.map((cell) => {
    const hide = k !== null && cell.count > 0 && cell.count < k;
    return { ...cell, count: hide ? null : cell.count, suppressed: hide };
  });
