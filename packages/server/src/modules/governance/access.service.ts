import { randomUUID } from 'node:crypto';
import { dropFields, findDataset, isAppError, type AppError, requiresConsent, retainUntil, type DataRecord, type DecisionContext, type Obligation, type PlaceGranularity, type TimeGranularity } from '@concord/core';
import type { Actor } from '../../actor.ts';
import { actorLabel, systemActor } from '../../actor.ts';
import type { Clock } from '../../clock.ts';
import type { Db, Queryable } from '../../db/database.ts';
import type { PactService } from '../pact/pact.service.ts';
import * as repo from './access.repo.ts';
import type { Consents } from './consents.ts';
import * as errors from './governance.errors.ts';

/**
 * Purpose-bound access (PRODUCT.md, data governance). Every read of
 * person-level or sub-national data, and every cross-border send, asks here
 * first. A jurisdiction's own staff read their own data by national law
 * (basis `own-jurisdiction`); anyone else — another party, the hub, the
 * public — needs a clause in force that permits exactly this dataset, purpose
 * and role (basis `pact`), and receives the data only as the clause's
 * obligations shape it. Deny by default. Every grant is written to the
 * access log, which a party's access report reads.
 */
export interface AccessRequest {
  dataset: string;
  /** The jurisdiction whose people or places the data describe. */
  owner: string;
  purpose: string;
  action?: 'read' | 'send';
  /** Who receives, when not the actor's own jurisdiction (sends, public pages). */
  recipient?: string;
  disease?: string;
  fields?: string[];
  granularity?: { place?: PlaceGranularity; time?: TimeGranularity };
}

export interface AccessGrant {
  request: AccessRequest;
  basis: 'own-jurisdiction' | 'pact';
  obligations: Obligation[];
  decisionId: string | null;
  pactId: string | null;
  pactVersion: number | null;
  clauseId: string | null;
}

/** Who reads on behalf of an anonymous visitor of the public dashboard. */
export const PUBLIC_READER = systemActor('public-dashboard');

/** A party whose data the pact does not let a reader have, with the pact's reasons. */
export interface Withheld {
  party: string;
  code: string;
  reasons: string[];
}

const recipientOf = (actor: Actor, request: AccessRequest): string =>
  request.recipient ?? (actor.kind === 'user' ? actor.jurisdiction : (actor.jurisdiction ?? 'system'));

export const createDataAccess = (deps: { db: Db; clock: Clock; pact: PactService; consents: Consents }) => {
  const { db, clock, pact, consents } = deps;

  /**
   * Decides one access. `tx`: decide (and store the decision) in the
   * caller's transaction, as a send does when it writes its outbox row;
   * `context`: facts the request itself states (a party's own alert level).
   */
  const authorize = async (
    actor: Actor,
    request: AccessRequest,
    options: { tx?: Queryable; context?: Partial<DecisionContext> } = {},
  ): Promise<AccessGrant> => {
    if (!findDataset(request.dataset)) throw errors.unknownDataset(request.dataset);
    if (!request.purpose) throw errors.purposeRequired();
    const recipient = recipientOf(actor, request);
    const action = request.action ?? 'read';
    if (recipient === request.owner && action === 'read') {
      return { request, basis: 'own-jurisdiction', obligations: [], decisionId: null, pactId: null, pactVersion: null, clauseId: null };
    }
    const decision = await pact.decide(
      actor,
      {
        kind: 'data',
        action,
        dataset: request.dataset,
        from: request.owner,
        to: recipient,
        purpose: request.purpose,
        ...(request.disease ? { disease: request.disease } : {}),
        ...(actor.kind === 'user' ? { role: actor.roles[0] } : {}),
        ...(request.fields ? { fields: request.fields } : {}),
        ...(request.granularity ? { granularity: request.granularity } : {}),
      },
      { purpose: request.purpose, ...(options.tx ? { tx: options.tx } : {}), ...(options.context ? { context: options.context } : {}) },
    );
    if (decision.effect !== 'permit') {
      throw errors.deniedByPact({ dataset: request.dataset, owner: request.owner, purpose: request.purpose, decisionId: decision.id, reasons: decision.reasons });
    }
    return {
      request,
      basis: 'pact',
      obligations: decision.obligations,
      decisionId: decision.id,
      pactId: decision.pactId,
      pactVersion: decision.pactVersion,
      clauseId: decision.clauseId,
    };
  };

  /**
   * Decides one request per party: the grants, and beside them the parties
   * the pact refuses (403) with the refusal itself. Any other error ends the
   * whole call.
   */
  const authorizeEach = async (actor: Actor, parties: readonly string[], request: Omit<AccessRequest, 'owner'>) => {
    const grants = new Map<string, AccessGrant>();
    const refused: { party: string; error: AppError }[] = [];
    for (const party of parties) {
      try {
        grants.set(party, await authorize(actor, { ...request, owner: party }));
      } catch (error) {
        if (!isAppError(error) || error.status !== 403) throw error;
        refused.push({ party, error });
      }
    }
    return { grants, refused };
  };

  /**
   * Decides, party by party, what the public dashboard may publish of one
   * dataset (purpose public-reporting, recipient public): the grants, and the
   * parties no clause covers with the pact's reasons.
   */
  const authorizeForPublic = async (parties: readonly string[], request: Omit<AccessRequest, 'owner' | 'purpose' | 'recipient'>) => {
    const { grants, refused } = await authorizeEach(PUBLIC_READER, parties, { ...request, purpose: 'public-reporting', recipient: 'public' });
    const withheld: Withheld[] = refused.map(({ party, error }) => ({ party, code: error.code, reasons: (error.params.reasons as string[] | undefined) ?? [] }));
    return { grants, withheld };
  };

  /** Records what a grant let through: how many records, which fields, whose (client ids). */
  const record = async (
    q: Queryable,
    actor: Actor,
    grant: AccessGrant,
    delivered: { records: number; fields?: string[]; subjects?: string[] },
  ) => {
    await repo.insertAccess(q, {
      id: randomUUID(),
      at: clock.now(),
      actor: actorLabel(actor),
      actorJurisdiction: actor.kind === 'user' ? actor.jurisdiction : (actor.jurisdiction ?? null),
      role: actor.kind === 'user' ? actor.roles.join(',') : null,
      dataset: grant.request.dataset,
      owner: grant.request.owner,
      purpose: grant.request.purpose,
      action: grant.request.action ?? 'read',
      recipient: grant.request.recipient ?? null,
      basis: grant.basis,
      decisionId: grant.decisionId,
      pactId: grant.pactId,
      pactVersion: grant.pactVersion,
      clauseId: grant.clauseId,
      records: delivered.records,
      fields: delivered.fields ?? [],
      subjects: (delivered.subjects ?? []).slice(0, 10_000),
    });
  };

  /**
   * Hands over person-level records under a grant: drops the fields the
   * clause removes, withholds the people whose consent does not cover this
   * use when the clause requires consent, stamps the retention date, and
   * records the access — all in the caller's transaction.
   */
  const deliver = async <T extends DataRecord>(
    q: Queryable,
    actor: Actor,
    grant: AccessGrant,
    records: readonly T[],
    options: { subjectOf: (record: T) => string },
  ): Promise<{ records: Partial<T>[]; withheld: number; retainUntil: string | null }> => {
    let allowed = [...records];
    if (requiresConsent(grant.obligations)) {
      const permitted = await consents.permittedSubjects(q, {
        owner: grant.request.owner,
        subjects: records.map(options.subjectOf),
        purpose: grant.request.purpose,
        recipient: recipientOf(actor, grant.request),
        dataset: grant.request.dataset,
        at: clock.now(),
      });
      allowed = records.filter((record) => permitted.has(options.subjectOf(record)));
    }
    const shaped = dropFields(allowed, grant.obligations);
    await record(q, actor, grant, {
      records: shaped.length,
      fields: [...new Set(shaped.flatMap((r) => Object.keys(r)))],
      subjects: allowed.map(options.subjectOf),
    });
    return { records: shaped, withheld: records.length - allowed.length, retainUntil: retainUntil(grant.obligations) };
  };

  /** Who read or received what about a party's people, when, and under which clause. */
  const report = (owner: string, filter: { from?: Date; to?: Date; limit?: number } = {}) =>
    repo.listAccess(db, { owner, from: filter.from, to: filter.to, limit: filter.limit ?? 500 });

  return { authorize, authorizeEach, authorizeForPublic, record, deliver, report };
};

export type DataAccess = ReturnType<typeof createDataAccess>;
