import type { Db, Queryable } from '../../db/database.ts';

/** A case report as stored: personal fields are ciphertext (or null). */
export interface StoredCase {
  id: string;
  party: string;
  clientId: string;
  area: string;
  facility: string | null;
  disease: string;
  onsetDate: string | null;
  reportDate: string;
  age: number | null;
  ageBand: string;
  sex: string;
  classification: string;
  outcome: string | null;
  labResult: string | null;
  patientName: string | null;
  phone: string | null;
  nationalId: string | null;
  village: string | null;
  source: 'api' | 'csv' | 'demo';
  receivedAt: Date;
  receivedBy: string;
  updatedAt: Date;
  synthetic: boolean;
}

type R<T> = T & Record<string, unknown>;

const SELECT = `SELECT id, party, client_id AS "clientId", area, facility, disease, onset_date AS "onsetDate", report_date AS "reportDate",
  age, age_band AS "ageBand", sex, classification, outcome, lab_result AS "labResult", patient_name AS "patientName", phone,
  national_id AS "nationalId", village, source, received_at AS "receivedAt", received_by AS "receivedBy", updated_at AS "updatedAt", synthetic
  FROM case_reports`;

/** Column, SQL array type and value of each stored field, in one place so inserts and updates agree. */
const COLUMNS: readonly [column: string, type: string, pick: (c: StoredCase) => unknown][] = [
  ['id', 'uuid', (c) => c.id],
  ['party', 'text', (c) => c.party],
  ['client_id', 'text', (c) => c.clientId],
  ['area', 'text', (c) => c.area],
  ['facility', 'text', (c) => c.facility],
  ['disease', 'text', (c) => c.disease],
  ['onset_date', 'date', (c) => c.onsetDate],
  ['report_date', 'date', (c) => c.reportDate],
  ['age', 'float8', (c) => c.age],
  ['age_band', 'text', (c) => c.ageBand],
  ['sex', 'text', (c) => c.sex],
  ['classification', 'text', (c) => c.classification],
  ['outcome', 'text', (c) => c.outcome],
  ['lab_result', 'text', (c) => c.labResult],
  ['patient_name', 'text', (c) => c.patientName],
  ['phone', 'text', (c) => c.phone],
  ['national_id', 'text', (c) => c.nationalId],
  ['village', 'text', (c) => c.village],
  ['source', 'text', (c) => c.source],
  ['received_at', 'timestamptz', (c) => c.receivedAt.toISOString()],
  ['received_by', 'text', (c) => c.receivedBy],
  ['updated_at', 'timestamptz', (c) => c.updatedAt.toISOString()],
  ['synthetic', 'bool', (c) => c.synthetic],
];

export const CASE_REPORT_COLUMNS = COLUMNS.map(([column]) => column);

/** One value per column, for COPY (benchmarks) and for the array parameters below. */
export const caseReportValues = (c: StoredCase): unknown[] => COLUMNS.map(([, , pick]) => pick(c));

const columnArrays = (rows: readonly StoredCase[]) => COLUMNS.map(([, , pick]) => rows.map(pick));

const csvCell = (value: unknown): string => {
  if (value === null || value === undefined) return '';
  const text = String(value);
  // Quoted, an empty string stays a string; unquoted empty is NULL in COPY's CSV format.
  return text === '' || /[",\r\n]/.test(text) || text.trim() !== text ? `"${text.replaceAll('"', '""')}"` : text;
};

/** Rows as COPY CSV in CASE_REPORT_COLUMNS order. */
export const caseReportsCsv = (rows: readonly StoredCase[]): string => {
  let csv = '';
  for (const row of rows) csv += `${caseReportValues(row).map(csvCell).join(',')}\n`;
  return csv;
};

/**
 * New rows go in with COPY inside the batch's transaction: the bulk path
 * PostgreSQL offers, on both drivers, and all or nothing with the rest of
 * the batch.
 */
export const insertCases = async (q: Db, rows: readonly StoredCase[]) => {
  if (rows.length === 0) return;
  await q.copyFrom('case_reports', CASE_REPORT_COLUMNS, caseReportsCsv(rows));
};

/** Replaces the content of existing reports (same id); received_at and received_by stay those of the first receipt. */
export const updateCases = async (q: Queryable, rows: readonly StoredCase[]) => {
  if (rows.length === 0) return;
  const kept = new Set(['id', 'party', 'client_id', 'received_at', 'received_by']);
  const sets = CASE_REPORT_COLUMNS.filter((column) => !kept.has(column)).map((column) => `${column} = u.${column}`);
  const casts = COLUMNS.map(([, type], i) => `$${i + 1}::${type}[]`).join(', ');
  await q.query(
    `UPDATE case_reports AS c SET ${sets.join(', ')}
     FROM unnest(${casts}) AS u(${CASE_REPORT_COLUMNS.join(', ')})
     WHERE c.id = u.id`,
    columnArrays(rows),
  );
};

/** The stored reports of these (party, client id) pairs. */
export const findByClientIds = (q: Queryable, keys: readonly { party: string; clientId: string }[]) =>
  keys.length === 0
    ? Promise.resolve([] as R<StoredCase>[])
    : q.query<R<StoredCase>>(
        `${SELECT} WHERE (party, client_id) IN (SELECT * FROM unnest($1::text[], $2::text[]))`,
        [keys.map((k) => k.party), keys.map((k) => k.clientId)],
      );

export interface CaseFilter {
  party: string;
  disease?: string;
  area?: string;
  from?: string;
  to?: string;
  limit: number;
  offset: number;
}

export const listCases = (q: Queryable, filter: CaseFilter) => {
  const params: unknown[] = [filter.party];
  const where = ['party = $1'];
  const add = (sql: string, value: unknown) => {
    params.push(value);
    where.push(sql.replace('?', `$${params.length}`));
  };
  if (filter.disease) add('disease = ?', filter.disease);
  if (filter.area) add('area = ?', filter.area);
  if (filter.from) add('report_date >= ?::date', filter.from);
  if (filter.to) add('report_date <= ?::date', filter.to);
  params.push(filter.limit, filter.offset);
  return q.query<R<StoredCase>>(
    `${SELECT} WHERE ${where.join(' AND ')} ORDER BY report_date DESC, client_id LIMIT $${params.length - 1} OFFSET $${params.length}`,
    params,
  );
};

export const countCases = async (q: Queryable, filter: Omit<CaseFilter, 'limit' | 'offset'>) => {
  const params: unknown[] = [filter.party];
  const where = ['party = $1'];
  for (const [sql, value] of [
    ['disease = ?', filter.disease],
    ['area = ?', filter.area],
    ['report_date >= ?::date', filter.from],
    ['report_date <= ?::date', filter.to],
  ] as const) {
    if (value === undefined) continue;
    params.push(value);
    where.push(sql.replace('?', `$${params.length}`));
  }
  const rows = await q.query<{ n: number }>(`SELECT count(*)::int8 AS n FROM case_reports WHERE ${where.join(' AND ')}`, params);
  return rows[0]!.n;
};
