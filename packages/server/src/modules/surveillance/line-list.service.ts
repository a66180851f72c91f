import { dropFields, droppedFields } from '@concord/core';
import type { Actor } from '../../actor.ts';
import type { Db } from '../../db/database.ts';
import type { FieldKeys } from '../../keys/field-cipher.ts';
import type { DataAccess } from '../governance/index.ts';
import * as cases from './case-reports.repo.ts';
import { decryptPersonal, PERSONAL_FIELDS } from './personal-fields.ts';
import * as errors from './surveillance.errors.ts';

export interface LineListQuery {
  party?: string;
  disease?: string;
  area?: string;
  from?: string;
  to?: string;
  purpose: string;
  limit: number;
  offset: number;
}

/** A case report as read back, with dataset field names; personal fields only where the grant keeps them. */
export type CaseRecord = Record<string, unknown> & { id: string; clientId: string };

const toRecord = (row: cases.StoredCase, personal: Record<string, string | undefined>): CaseRecord => {
  const record: CaseRecord = {
    id: row.id,
    clientId: row.clientId,
    party: row.party,
    area: row.area,
    facility: row.facility,
    disease: row.disease,
    onsetDate: row.onsetDate,
    reportDate: row.reportDate,
    age: row.age,
    ageBand: row.ageBand,
    sex: row.sex,
    classification: row.classification,
    outcome: row.outcome,
    labResult: row.labResult,
    synthetic: row.synthetic,
  };
  for (const field of PERSONAL_FIELDS) record[field] = personal[field] ?? null;
  return record;
};

/**
 * Reading a party's line list. The party's own staff read it by national
 * law; anyone else needs a data-sharing clause in force that permits
 * case-reports for this purpose (and, through its condition, often an alert
 * level), and receives it without the fields the clause drops. Personal
 * fields the grant drops are never decrypted. Every read is recorded with
 * the client ids it disclosed.
 */
export const createLineList = (deps: { db: Db; access: DataAccess; fieldKeys: () => FieldKeys }) => {
  const { db, access } = deps;

  const list = async (actor: Actor, query: LineListQuery) => {
    const party = query.party ?? (actor.kind === 'user' && !actor.regionWide ? actor.jurisdiction : undefined);
    if (!party) throw errors.partyRequired();
    const grant = await access.authorize(actor, {
      dataset: 'case-reports',
      owner: party,
      purpose: query.purpose,
      ...(query.disease ? { disease: query.disease } : {}),
      granularity: { place: 'person', time: 'day' },
    });
    const dropped = droppedFields(grant.obligations);
    const filter = { party, disease: query.disease, area: query.area, from: query.from, to: query.to };
    const rows = await cases.listCases(db, { ...filter, limit: query.limit, offset: query.offset });
    const total = await cases.countCases(db, filter);
    const keys = deps.fieldKeys();
    const records = rows.map((row) => {
      const wanted = { ...row };
      for (const field of dropped) if (field in wanted) (wanted as Record<string, unknown>)[field] = null;
      return toRecord(row, decryptPersonal(row.id, wanted, keys));
    });
    const delivered = dropFields(records, grant.obligations) as CaseRecord[];
    await access.record(db, actor, grant, {
      records: delivered.length,
      fields: Object.keys(delivered[0] ?? {}),
      subjects: delivered.map((r) => String(r.clientId)),
    });
    return {
      party,
      total,
      basis: grant.basis,
      clauseId: grant.clauseId,
      droppedFields: [...dropped],
      retainUntil: grant.obligations.find((o) => o.type === 'retain-until')?.date ?? null,
      cases: delivered,
    };
  };

  return { list };
};

export type LineList = ReturnType<typeof createLineList>;
