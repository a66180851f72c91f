import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Actor } from '../../actor.ts';
import { actorLabel, reaches } from '../../actor.ts';
import type { Clock } from '../../clock.ts';
import type { Db, Queryable } from '../../db/database.ts';
import { maybeOne } from '../../db/database.ts';
import { outOfScope } from '../accounts/accounts.errors.ts';
import type { AuditLog } from '../audit/audit.service.ts';
import * as errors from './governance.errors.ts';

/**
 * Consent records in the shape of FHIR R4 `Consent` (hl7.org/fhir/R4/consent.html):
 * who (`patient.identifier` — the client id the party's records use), whose
 * custody (`organization[0].identifier.value` — the party), and one
 * provision: permit or deny, a period, the recipients (`actor`), the
 * purposes and the data classes (datasets). A clause with
 * `consentRequired: true` lets a record through only when an active permit
 * covers it and no active deny does.
 *
 * Purposes are Concord's pact purposes (system `urn:concord:purpose`); HL7 v3
 * ActReason codes are read too: PUBHLTH → surveillance, outbreak-response and
 * public-reporting; TREAT → treatment; HRESCH → research.
 */
export const PURPOSE_SYSTEM = 'urn:concord:purpose';
const ACT_REASON = 'http://terminology.hl7.org/CodeSystem/v3-ActReason';
const ACT_REASON_PURPOSES: Record<string, string[]> = {
  PUBHLTH: ['surveillance', 'outbreak-response', 'public-reporting'],
  TREAT: ['treatment'],
  HRESCH: ['research'],
};

const coding = z.object({ system: z.string().optional(), code: z.string().min(1), display: z.string().optional() });
const identifier = z.object({ system: z.string().optional(), value: z.string().min(1) });

export const consentResourceSchema = z.object({
  resourceType: z.literal('Consent'),
  id: z.string().optional(),
  status: z.enum(['draft', 'proposed', 'active', 'rejected', 'inactive', 'entered-in-error']),
  scope: z.object({ coding: z.array(coding).min(1) }),
  category: z.array(z.object({ coding: z.array(coding).optional(), text: z.string().optional() })).min(1),
  patient: z.object({ identifier }),
  dateTime: z.string().optional(),
  organization: z.array(z.object({ identifier })).min(1),
  provision: z.object({
    type: z.enum(['deny', 'permit']),
    period: z.object({ start: z.iso.datetime({ offset: true }).optional(), end: z.iso.datetime({ offset: true }).optional() }).optional(),
    actor: z.array(z.object({ role: z.object({ coding: z.array(coding).optional() }).optional(), reference: z.object({ identifier }) })).optional(),
    purpose: z.array(coding).optional(),
    class: z.array(coding).optional(),
  }),
});

export type ConsentResource = z.infer<typeof consentResourceSchema>;

const SCOPES = ['adr', 'research', 'patient-privacy', 'treatment'] as const;

export interface ConsentRow {
  id: string;
  owner: string;
  subject: string;
  status: ConsentResource['status'];
  scope: (typeof SCOPES)[number];
  decision: 'permit' | 'deny';
  purposes: string[];
  recipients: string[];
  datasets: string[];
  periodStart: Date | null;
  periodEnd: Date | null;
  recordedAt: Date;
  recordedBy: string;
  resource: ConsentResource;
}

const purposesOf = (codings: readonly z.infer<typeof coding>[]): string[] =>
  codings.flatMap((c) => (c.system === ACT_REASON ? (ACT_REASON_PURPOSES[c.code] ?? [c.code]) : [c.code]));

const COLUMNS = `id, owner, subject, status, scope, decision, purposes, recipients, datasets, period_start AS "periodStart",
  period_end AS "periodEnd", recorded_at AS "recordedAt", recorded_by AS "recordedBy", resource`;

export const createConsents = (deps: { db: Db; audit: AuditLog; clock: Clock }) => {
  const { db, audit, clock } = deps;

  const record = async (actor: Actor, input: unknown) => {
    const parsed = consentResourceSchema.safeParse(input);
    if (!parsed.success) throw errors.consentInvalid(parsed.error.issues.map((i) => `${i.path.join('.') || 'resource'}: ${i.message}`));
    const resource = parsed.data;
    const scope = resource.scope.coding.map((c) => c.code).find((c): c is ConsentRow['scope'] => (SCOPES as readonly string[]).includes(c));
    if (!scope) throw errors.consentInvalid([`scope must be one of ${SCOPES.join(', ')}`]);
    const owner = resource.organization[0]!.identifier.value;
    if (!reaches(actor, owner)) throw outOfScope(owner);
    const row: ConsentRow = {
      id: randomUUID(),
      owner,
      subject: resource.patient.identifier.value,
      status: resource.status,
      scope,
      decision: resource.provision.type,
      purposes: purposesOf(resource.provision.purpose ?? []),
      recipients: (resource.provision.actor ?? []).map((a) => a.reference.identifier.value),
      datasets: (resource.provision.class ?? []).map((c) => c.code),
      periodStart: resource.provision.period?.start ? new Date(resource.provision.period.start) : null,
      periodEnd: resource.provision.period?.end ? new Date(resource.provision.period.end) : null,
      recordedAt: clock.now(),
      recordedBy: actorLabel(actor),
      resource: { ...resource, id: undefined },
    };
    row.resource = { ...resource, id: row.id };
    await db.transaction(async (tx) => {
      await tx.query(
        `INSERT INTO consents (id, owner, subject, status, scope, decision, purposes, recipients, datasets, period_start, period_end, recorded_at, recorded_by, resource)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
        [row.id, row.owner, row.subject, row.status, row.scope, row.decision, row.purposes, row.recipients, row.datasets, row.periodStart, row.periodEnd,
          row.recordedAt, row.recordedBy, JSON.stringify(row.resource)],
      );
      await audit.append(tx, actor, { action: 'consent.recorded', entityType: 'consent', entityId: row.id, jurisdiction: owner, details: { subject: row.subject, decision: row.decision } });
    });
    return row;
  };

  const revoke = async (actor: Actor, id: string) =>
    db.transaction(async (tx) => {
      const row = await maybeOne<ConsentRow & Record<string, unknown>>(tx, `SELECT ${COLUMNS} FROM consents WHERE id = $1 FOR UPDATE`, [id]);
      if (!row) throw errors.consentNotFound(id);
      if (!reaches(actor, row.owner)) throw outOfScope(row.owner);
      const resource = { ...row.resource, status: 'inactive' as const };
      await tx.query(`UPDATE consents SET status = 'inactive', resource = $2 WHERE id = $1`, [id, JSON.stringify(resource)]);
      await audit.append(tx, actor, { action: 'consent.revoked', entityType: 'consent', entityId: id, jurisdiction: row.owner, details: { subject: row.subject } });
      return { ...row, status: 'inactive' as const, resource };
    });

  const list = async (actor: Actor, filter: { owner: string; subject?: string }) => {
    if (!reaches(actor, filter.owner)) throw outOfScope(filter.owner);
    return db.query<ConsentRow & Record<string, unknown>>(
      `SELECT ${COLUMNS} FROM consents WHERE owner = $1 AND ($2::text IS NULL OR subject = $2) ORDER BY recorded_at DESC`,
      [filter.owner, filter.subject ?? null],
    );
  };

  /**
   * The subjects whose consent covers this use at `at`: an active permit
   * matching purpose, recipient and dataset (an empty list in the consent
   * means "any"), and no active deny matching it.
   */
  const permittedSubjects = async (
    q: Queryable,
    use: { owner: string; subjects: readonly string[]; purpose: string; recipient: string; dataset: string; at: Date },
  ): Promise<Set<string>> => {
    if (use.subjects.length === 0) return new Set();
    const rows = await q.query<{ subject: string; decision: 'permit' | 'deny' }>(
      `SELECT subject, decision FROM consents
       WHERE owner = $1 AND subject = ANY($2) AND status = 'active'
         AND (cardinality(purposes) = 0 OR $3 = ANY(purposes))
         AND (cardinality(recipients) = 0 OR $4 = ANY(recipients))
         AND (cardinality(datasets) = 0 OR $5 = ANY(datasets))
         AND (period_start IS NULL OR period_start <= $6) AND (period_end IS NULL OR period_end > $6)`,
      [use.owner, use.subjects, use.purpose, use.recipient, use.dataset, use.at],
    );
    const denied = new Set(rows.filter((r) => r.decision === 'deny').map((r) => r.subject));
    return new Set(rows.filter((r) => r.decision === 'permit' && !denied.has(r.subject)).map((r) => r.subject));
  };

  return { record, revoke, list, permittedSubjects };
};

export type Consents = ReturnType<typeof createConsents>;
