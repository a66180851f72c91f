/**
 * The DHIS2 import summary, in the shape the DHIS2 Web API returns from
 * `POST /api/dataValueSets` (responseType `ImportSummary`, `importCount`,
 * `conflicts` with `object`/`value` and, since DHIS2 2.38, `errorCode`,
 * `property` and `indexes`, plus `rejectedIndexes`). Field names follow
 * dhis2-core's ImportSummary / ImportConflict JSON; the E76xx error codes are
 * DHIS2's own data-import codes (dhis2-core `ErrorCode`), reused where the
 * meaning is the same. Concord-only reasons carry SURV_… codes.
 */
import { AppError } from '../errors.ts';

export type ImportStatus = 'SUCCESS' | 'WARNING' | 'ERROR';

export interface ImportConflict {
  /** The offending identifier (data element, org unit, period, …). */
  object: string;
  /** A sentence saying what is wrong. */
  value: string;
  errorCode: string;
  /** The data value property at fault. */
  property: string;
  /** Positions in `dataValues` of every value with this conflict. */
  indexes: number[];
}

export interface ImportCount {
  imported: number;
  updated: number;
  ignored: number;
  deleted: number;
}

export interface ImportSummary {
  responseType: 'ImportSummary';
  status: ImportStatus;
  description?: string;
  importCount: ImportCount;
  conflicts: ImportConflict[];
  rejectedIndexes: number[];
}

/** Groups identical conflicts (same code, object and property) into one with all their indexes, as DHIS2 does. */
export const mergeConflicts = (conflicts: readonly ImportConflict[]): ImportConflict[] => {
  const merged = new Map<string, ImportConflict>();
  for (const c of conflicts) {
    const key = `${c.errorCode}\u0000${c.property}\u0000${c.object}`;
    const found = merged.get(key);
    if (found) found.indexes.push(...c.indexes);
    else merged.set(key, { ...c, indexes: [...c.indexes] });
  }
  return [...merged.values()];
};

export const summarise = (input: { total: number; accepted: number; conflicts: ImportConflict[]; atomic: boolean }): ImportSummary => {
  const rejected = [...new Set(input.conflicts.flatMap((c) => c.indexes))].sort((a, b) => a - b);
  const status: ImportStatus = input.conflicts.length === 0 ? 'SUCCESS' : input.accepted > 0 ? 'WARNING' : 'ERROR';
  const description =
    status === 'SUCCESS'
      ? 'Import process completed successfully'
      : input.atomic
        ? `Import rejected: ${rejected.length} of ${input.total} data values have conflicts and atomic mode accepts all or nothing`
        : `Import process completed with conflicts: ${rejected.length} of ${input.total} data values ignored`;
  return {
    responseType: 'ImportSummary',
    status,
    description,
    importCount: { imported: input.accepted, updated: 0, ignored: input.total - input.accepted, deleted: 0 },
    conflicts: input.conflicts,
    rejectedIndexes: rejected,
  };
};

/**
 * The store knows which accepted values created a cell and which replaced
 * one; this splits `imported` accordingly. `imported + updated` must equal
 * the accepted count (a value lost between parse and store is a bug, not a
 * statistic).
 */
export const settleImportCount = (summary: ImportSummary, stored: { imported: number; updated: number }): ImportSummary => {
  const accepted = summary.importCount.imported + summary.importCount.updated;
  if (stored.imported + stored.updated !== accepted || stored.imported < 0 || stored.updated < 0) {
    throw new AppError('SURV_DHIS2_STORE_MISMATCH', `Store outcome ${stored.imported}+${stored.updated} does not add up to the ${accepted} accepted values`, {
      status: 500,
      params: { accepted, ...stored },
    });
  }
  return { ...summary, importCount: { ...summary.importCount, imported: stored.imported, updated: stored.updated } };
};
