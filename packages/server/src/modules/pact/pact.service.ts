import { createHash, randomUUID } from 'node:crypto';
import {
  canonicalPactJson,
  decideInForce,
  DEFAULT_CATALOGUE,
  describeDiff,
  diffPacts,
  evaluateTriggers,
  obligationsOf,
  signatureStatus,
  statusAt,
  sunsetAt,
  toOdrl,
  validatePact,
  verifyPactSignature,
  versionInForce,
  type AlertLevels,
  type Decision,
  type DecisionContext,
  type Indicators,
  type Pact,
  type PactCatalogue,
  type PactRequest,
} from '@concord/core';
import type { Actor } from '../../actor.ts';
import { actorLabel } from '../../actor.ts';
import type { Clock } from '../../clock.ts';
import type { Db, Queryable } from '../../db/database.ts';
import type { AuditLog } from '../audit/audit.service.ts';
import { outOfScope } from '../accounts/accounts.errors.ts';
import * as errors from './pact.errors.ts';
import * as repo from './pact.repo.ts';

/**
 * Where the live facts a clause's conditions read come from (alert levels
 * from events, indicators from surveillance). Wired in the composition root,
 * so the pact context depends on no other context. When `q` is given the
 * caller holds a transaction: read through it, because on the embedded
 * database a read outside the open transaction waits for it forever.
 */
export interface DecisionFacts {
  alert(q?: Queryable): Promise<AlertLevels>;
  indicators(q?: Queryable): Promise<Indicators>;
}

export const NO_FACTS: DecisionFacts = { alert: async () => ({}), indicators: async () => ({}) };

export interface StoredDecision extends Decision {
  id: string | null;
  at: string;
}

interface Loaded {
  versions: Pact[];
  rows: repo.VersionRow[];
  eventRows: repo.EventRow[];
  events: ReturnType<typeof repo.toLifecycle>;
}

const parse = (source: string, catalogue: PactCatalogue) => {
  const format = source.trimStart().startsWith('{') ? 'json' : 'yaml';
  const result = validatePact(source, `pact.${format}`, catalogue);
  if (!result.pact || result.diagnostics.length > 0) throw errors.pactInvalid(result.diagnostics);
  return { pact: result.pact, format } as const;
};

const requestParties = (request: PactRequest): string[] => {
  const values = ['from', 'to', 'party'].map((key) => (request as Record<string, unknown>)[key]).filter((v): v is string => typeof v === 'string');
  return [...new Set(values)];
};

// Other processes on the same server database may write pact events; a
// short cache keeps decisions cheap without trusting stale state for long.
const CACHE_MS = 5_000;

export const createPactService = (deps: { db: Db; audit: AuditLog; clock: Clock; facts?: DecisionFacts; catalogue?: PactCatalogue }) => {
  const { db, audit, clock } = deps;
  const catalogue = deps.catalogue ?? DEFAULT_CATALOGUE;
  let facts = deps.facts ?? NO_FACTS;
  const cache = new Map<string, { at: number; loaded: Loaded }>();

  const load = async (id: string, q: Queryable = db): Promise<Loaded> => {
    const hit = cache.get(id);
    if (hit && Date.now() - hit.at < CACHE_MS) return hit.loaded;
    const rows = await repo.listVersions(q, id);
    if (rows.length === 0) throw errors.pactNotFound(id);
    const eventRows = await repo.listEvents(q, id);
    const loaded = { rows, versions: rows.map((r) => r.document), eventRows, events: repo.toLifecycle(eventRows) };
    cache.set(id, { at: Date.now(), loaded });
    return loaded;
  };

  const version = async (id: string, number: number) => {
    const loaded = await load(id);
    const row = loaded.rows.find((r) => r.version === number);
    if (!row) throw errors.versionNotFound(id, number);
    return { loaded, row };
  };

  const changed = (id: string) => cache.delete(id);

  const insertVersion = async (tx: Db, actor: Actor, pact: Pact, source: string, format: 'yaml' | 'json') => {
    await repo.insertVersion(tx, {
      pactId: pact.id,
      version: pact.version,
      document: pact,
      source,
      sourceFormat: format,
      canonicalSha256: createHash('sha256').update(canonicalPactJson(pact)).digest('hex'),
      createdAt: clock.now(),
      createdBy: actorLabel(actor),
    });
  };

  const create = async (actor: Actor, source: string) => {
    const { pact, format } = parse(source, catalogue);
    if (pact.version !== 1) throw errors.versionOutOfOrder(1, pact.version);
    await db.transaction(async (tx) => {
      if (!(await repo.insertPact(tx, { id: pact.id, title: pact.title, createdAt: clock.now() }))) throw errors.pactExists(pact.id);
      await insertVersion(tx, actor, pact, source, format);
      await audit.append(tx, actor, { action: 'pact.created', entityType: 'pact', entityId: pact.id, details: { version: 1, title: pact.title } });
    });
    changed(pact.id);
    return { id: pact.id, version: pact.version };
  };

  const amend = async (actor: Actor, id: string, source: string) => {
    const { pact, format } = parse(source, catalogue);
    if (pact.id !== id) throw errors.idMismatch(id, pact.id);
    const loaded = await load(id);
    const latest = Math.max(...loaded.versions.map((v) => v.version));
    if (pact.version !== latest + 1) throw errors.versionOutOfOrder(latest + 1, pact.version);
    if (pact.amends !== latest) throw errors.amendsMismatch(latest, pact.amends);
    await db.transaction(async (tx) => {
      await insertVersion(tx, actor, pact, source, format);
      await repo.updateTitle(tx, id, pact.title);
      const diff = describeDiff(diffPacts(loaded.versions.find((v) => v.version === latest)!, pact));
      await audit.append(tx, actor, { action: 'pact.amended', entityType: 'pact', entityId: id, details: { version: pact.version, changes: diff } });
    });
    changed(id);
    return { id, version: pact.version };
  };

  const sign = async (actor: Actor, id: string, number: number, input: { party: string; signature: string }) => {
    const { loaded, row } = await version(id, number);
    const pact = row.document;
    const member = pact.parties.find((p) => p.code === input.party) ?? (pact.hub.code === input.party ? pact.hub : undefined);
    if (!member) throw errors.notAParty(input.party);
    if (actor.kind === 'user' && actor.jurisdiction !== input.party) throw outOfScope(input.party);
    if (!member.node?.publicKey) throw errors.noPublicKey(input.party);
    if (loaded.events.some((e) => e.type === 'signed' && e.version === number && e.party === input.party)) {
      throw errors.alreadySigned(input.party, number);
    }
    // The hub may sign too; only the parties' signatures put a version in force.
    if (!verifyPactSignature(pact, input.party, input.signature)) throw errors.signatureInvalid(input.party);
    await db.transaction(async (tx) => {
      await repo.insertEvent(tx, {
        pactId: id,
        type: 'signed',
        version: number,
        party: input.party,
        signature: input.signature,
        sunset: null,
        reason: null,
        at: clock.now(),
        actor: actorLabel(actor),
      });
      await audit.append(tx, actor, { action: 'pact.signed', entityType: 'pact', entityId: id, jurisdiction: input.party, details: { version: number, party: input.party } });
    });
    changed(id);
    return state(id);
  };

  const lifecycleEvent = async (actor: Actor, id: string, event: { type: 'suspended' | 'resumed' | 'renewed'; reason?: string; sunset?: string }) => {
    const loaded = await load(id);
    const now = clock.now();
    const status = statusAt(loaded.versions, loaded.events, now);
    if (event.type === 'suspended' && status.state !== 'in-force') throw errors.wrongState('suspend', status.state);
    if (event.type === 'resumed' && status.state !== 'suspended') throw errors.wrongState('resume', status.state);
    if (event.type === 'renewed') {
      if (status.version === null || status.state === 'draft') throw errors.wrongState('renew', status.state);
      if (!status.sunset || event.sunset! <= status.sunset) throw errors.renewalNotLater(event.sunset!, status.sunset ?? '');
    }
    await db.transaction(async (tx) => {
      await repo.insertEvent(tx, {
        pactId: id,
        type: event.type,
        version: event.type === 'renewed' ? status.version : null,
        party: null,
        signature: null,
        sunset: event.sunset ?? null,
        reason: event.reason ?? null,
        at: now,
        actor: actorLabel(actor),
      });
      await audit.append(tx, actor, { action: `pact.${event.type}`, entityType: 'pact', entityId: id, details: { ...event, version: status.version } });
    });
    changed(id);
    return state(id);
  };

  const state = async (id: string, at = clock.now()) => {
    const loaded = await load(id);
    const status = statusAt(loaded.versions, loaded.events, at);
    return {
      id,
      title: loaded.versions[loaded.versions.length - 1]!.title,
      status,
      versions: loaded.rows.map((row) => {
        const signatures = loaded.eventRows
          .filter((e) => e.type === 'signed' && e.version === row.version)
          .map((e) => ({ party: e.party!, signature: e.signature!, at: e.at.toISOString() }));
        return {
          version: row.version,
          effective: row.document.effective,
          sunset: sunsetAt(row.document, loaded.events, at),
          amends: row.document.amends ?? null,
          clauses: row.document.clauses.length,
          canonicalSha256: row.canonicalSha256,
          createdAt: row.createdAt.toISOString(),
          createdBy: row.createdBy,
          signatures,
          signatureStatus: signatureStatus(row.document, signatures),
        };
      }),
      events: loaded.eventRows.map((e) => ({ type: e.type, version: e.version, party: e.party, sunset: e.sunset, reason: e.reason, at: e.at.toISOString(), actor: e.actor })),
    };
  };

  const list = async () => Promise.all((await repo.listPacts(db)).map(async (p) => ({ ...(await state(p.id)), versions: undefined, events: undefined })));

  const getVersion = async (id: string, number: number) => {
    const { row } = await version(id, number);
    return { document: row.document, source: row.source, sourceFormat: row.sourceFormat, canonicalSha256: row.canonicalSha256 };
  };

  const diff = async (id: string, from: number, to: number) => {
    const a = (await version(id, from)).row.document;
    const b = (await version(id, to)).row.document;
    const entries = diffPacts(a, b);
    return { from, to, entries, sentences: describeDiff(entries) };
  };

  const contextAt = async (at: Date, extra: Partial<DecisionContext> = {}, q?: Queryable): Promise<DecisionContext> => ({
    now: at,
    alert: extra.alert ?? (await facts.alert(q)),
    indicators: extra.indicators ?? (await facts.indicators(q)),
  });

  const pactIds = async (q: Queryable = db) => (await repo.listPacts(q)).map((p) => p.id);

  /**
   * Decides under every pact of this node that is in force at the moment:
   * the first permit wins; otherwise a deny carrying every pact's reasons.
   * Stored (with clause and version) unless it is a dry run. With `tx`, the
   * pact is read and the decision stored in the caller's transaction, so a
   * decision and the change it allows commit or vanish together.
   */
  const decide = async (
    actor: Actor,
    request: PactRequest,
    options: { at?: Date; dryRun?: boolean; purpose?: string; context?: Partial<DecisionContext>; tx?: Queryable } = {},
  ): Promise<StoredDecision> => {
    const at = options.at ?? clock.now();
    const q = options.tx ?? db;
    const context = await contextAt(at, options.context, options.tx);
    const ids = await pactIds(q);
    const decisions: Decision[] = [];
    for (const id of ids) {
      const loaded = await load(id, q);
      decisions.push(decideInForce(loaded.versions, loaded.events, request, context));
    }
    const permit = decisions.find((d) => d.effect === 'permit');
    const decision: Decision =
      permit ??
      (decisions.length > 0
        ? { ...decisions[0]!, reasons: decisions.flatMap((d) => d.reasons) }
        : { effect: 'deny', pactId: '', pactVersion: 0, clauseId: null, obligations: [], reasons: ['PACT_NONE: this node holds no pact, so nothing is permitted'] });
    if (options.dryRun) return { ...decision, id: null, at: at.toISOString() };
    const id = randomUUID();
    await repo.insertDecision(q, {
      id,
      at,
      pactId: decision.pactId || null,
      pactVersion: decision.pactVersion || null,
      clauseId: decision.clauseId,
      effect: decision.effect,
      kind: request.kind,
      request,
      obligations: decision.obligations,
      reasons: decision.reasons,
      parties: requestParties(request),
      actor: actorLabel(actor),
      purpose: options.purpose ?? ('purpose' in request ? String(request.purpose) : null),
    });
    return { ...decision, id, at: at.toISOString() };
  };

  const duties = async (id: string, party: string, at = clock.now()) => {
    const loaded = await load(id);
    const pact = versionInForce(loaded.versions, loaded.events, at);
    if (!pact) return { pactVersion: null, duties: [] };
    const context = { ...(await contextAt(at)), sunset: sunsetAt(pact, loaded.events, at) };
    return { pactVersion: pact.version, duties: obligationsOf(pact, party, context) };
  };

  const triggers = async (id: string, at = clock.now()) => {
    const loaded = await load(id);
    const pact = versionInForce(loaded.versions, loaded.events, at);
    if (!pact) return { pactVersion: null, triggers: [] };
    return { pactVersion: pact.version, triggers: evaluateTriggers(pact, { ...(await contextAt(at)), sunset: sunsetAt(pact, loaded.events, at) }) };
  };

  const odrl = async (id: string, number?: number) => {
    const loaded = await load(id);
    const pact = number === undefined ? loaded.versions[loaded.versions.length - 1]! : (await version(id, number)).row.document;
    return toOdrl(pact);
  };

  /** The versions in force now across the node's pacts (for dashboards and other contexts). */
  const inForce = async (at = clock.now(), q: Queryable = db) => {
    const result: { pact: Pact; sunset: string }[] = [];
    for (const id of await pactIds(q)) {
      const loaded = await load(id, q);
      const pact = versionInForce(loaded.versions, loaded.events, at);
      if (pact) result.push({ pact, sunset: sunsetAt(pact, loaded.events, at) });
    }
    return result;
  };

  const decisions = (filter: Parameters<typeof repo.listDecisions>[1]) => repo.listDecisions(db, filter);

  return {
    create,
    amend,
    sign,
    suspend: (actor: Actor, id: string, reason: string) => lifecycleEvent(actor, id, { type: 'suspended', reason }),
    resume: (actor: Actor, id: string) => lifecycleEvent(actor, id, { type: 'resumed' }),
    renew: (actor: Actor, id: string, sunset: string) => lifecycleEvent(actor, id, { type: 'renewed', sunset }),
    state,
    list,
    getVersion,
    diff,
    decide,
    duties,
    triggers,
    odrl,
    inForce,
    decisions,
    /** The live alert levels the conditions read (party → disease → level), for a message that states them. */
    alertLevels: (q?: Queryable) => facts.alert(q),
    /** Connects the live facts once the contexts that own them exist. */
    useFacts: (source: DecisionFacts) => {
      facts = source;
    },
  };
};

export type PactService = ReturnType<typeof createPactService>;
