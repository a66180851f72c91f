import { AppError, type Pact } from '@concord/core';
import { retryDelay, type RetryPolicy } from '@concord/core/federation/index';
import type { Logger } from 'pino';
import type { Clock } from '../../clock.ts';
import type { Db } from '../../db/database.ts';
import type { PactService } from '../pact/pact.service.ts';
import { isNotYet } from './federation.errors.ts';
import * as repo from './federation.repo.ts';
import { memberOf, type Identity } from './identity.ts';
import type { Inbound } from './inbound.ts';

/** The path every node receives messages on. */
export const MESSAGES_PATH = '/federation/v1/messages';

export interface TransportAnswer {
  status: number;
  code?: string;
  message?: string;
}

/** How a message reaches a peer; HTTP in a node, replaceable in a benchmark. */
export type Transport = (url: string, jws: string) => Promise<TransportAnswer>;

export const httpTransport =
  (timeoutMs: number): Transport =>
  async (url, jws) => {
    const response = await fetch(`${url.replace(/\/+$/, '')}${MESSAGES_PATH}`, {
      method: 'POST',
      headers: { 'content-type': 'application/jose' },
      body: jws,
      signal: AbortSignal.timeout(timeoutMs),
    });
    const body = (await response.json().catch(() => null)) as { code?: string; message?: string } | null;
    return { status: response.status, ...(body?.code ? { code: body.code } : {}), ...(body?.message ? { message: body.message } : {}) };
  };

type Outcome =
  | { kind: 'delivered' }
  | { kind: 'rejected'; code: string; message: string }
  /** The peer answered but failed on this one message (a 500): retry it alone, go on with the rest. */
  | { kind: 'failed'; error: string }
  /** The peer is not there (no answer, timeout, 502–504, still starting): back off the whole peer. */
  | { kind: 'unreachable'; error: string };

// 408 and 429 mean "not now", not "no": they are retried like an unreachable peer.
const classify = (answer: TransportAnswer): Outcome => {
  if (answer.status >= 200 && answer.status < 300) return { kind: 'delivered' };
  const text = `${answer.status} ${answer.code ?? ''} ${answer.message ?? ''}`.trim();
  // 425: the receiver waits for another message first (FEDERATION_NOT_YET); this one alone is retried.
  if (answer.status === 425) return { kind: 'failed', error: text };
  if (answer.status === 408 || answer.status === 429 || answer.status >= 502) return { kind: 'unreachable', error: text };
  if (answer.status >= 400 && answer.status < 500) return { kind: 'rejected', code: answer.code ?? `HTTP_${answer.status}`, message: answer.message ?? text };
  return { kind: 'failed', error: text };
};

export interface DeliveryDeps {
  db: Db;
  clock: Clock;
  pact: PactService;
  identity: Identity;
  inbound: Inbound;
  transport: Transport;
  retry: RetryPolicy;
  log: Logger;
  random?: () => number;
}

export interface PassReport {
  claimed: number;
  delivered: number;
  rejected: number;
  retried: number;
}

const BATCH = 200;
const LEASE_MS = 60_000;

export const createDelivery = (deps: DeliveryDeps) => {
  const { db, clock, pact, identity, inbound, transport, retry, log } = deps;
  const random = deps.random ?? Math.random;

  const deliverLocally = async (jws: string): Promise<Outcome> => {
    try {
      await inbound.receive(jws, { remote: 'local' });
      return { kind: 'delivered' };
    } catch (error) {
      if (isNotYet(error)) return { kind: 'failed', error: `425 ${(error as AppError).code} ${(error as AppError).message}` };
      if (error instanceof AppError && error.status < 500) return { kind: 'rejected', code: error.code, message: error.message };
      return { kind: 'failed', error: error instanceof Error ? error.message : String(error) };
    }
  };

  const deliverRemotely = async (url: string | null, jws: string): Promise<Outcome> => {
    if (!url) return { kind: 'unreachable', error: 'the pact lists no node URL for this peer' };
    try {
      return classify(await transport(url, jws));
    } catch (error) {
      const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
      return { kind: 'unreachable', error: `${error instanceof Error ? error.message : String(error)}${cause}` };
    }
  };

  /** One peer's due messages, oldest first; the first sign that the peer is away stops the peer. */
  const deliverTo = async (recipient: string, rows: readonly { id: string; jws: string; attempts: number }[], pacts: Pact[], report: PassReport) => {
    const local = pacts.some((p) => identity.isHosted(p, recipient));
    const url = pacts.map((p) => memberOf(p, recipient)?.url).find((u) => u) ?? null;
    let reached = false;
    for (const [index, row] of rows.entries()) {
      const outcome = local ? await deliverLocally(row.jws) : await deliverRemotely(url, row.jws);
      const at = clock.now();
      if (outcome.kind === 'delivered') {
        await repo.markDelivered(db, row.id, at);
        report.delivered += 1;
        reached = true;
      } else if (outcome.kind === 'rejected') {
        await repo.markRejected(db, row.id, at, outcome.code, outcome.message.slice(0, 2000));
        log.warn({ message: row.id, to: recipient, code: outcome.code }, 'federation: the receiver refused a message');
        report.rejected += 1;
        reached = true;
      } else if (outcome.kind === 'failed') {
        const next = new Date(at.getTime() + retryDelay(row.attempts + 1, retry, random));
        await repo.markRetry(db, { tried: row.id, released: [row.id], at, next, error: outcome.error.slice(0, 2000) });
        report.retried += 1;
        reached = true;
      } else {
        const failures = local ? row.attempts + 1 : await repo.peerFailed(db, recipient, at, outcome.error.slice(0, 2000));
        const next = new Date(at.getTime() + retryDelay(failures, retry, random));
        if (!local) await repo.setPeerBackoff(db, recipient, next);
        await repo.markRetry(db, { tried: row.id, released: rows.slice(index).map((r) => r.id), at, next, error: outcome.error.slice(0, 2000) });
        report.retried += rows.length - index;
        log.warn({ to: recipient, failures, retryAt: next.toISOString(), error: outcome.error }, 'federation: peer unreachable, backing off');
        break;
      }
    }
    if (reached && !local) await repo.peerSucceeded(db, recipient, clock.now());
  };

  /** One delivery pass over everything due now; peers in parallel, each peer's messages in order. */
  const pass = async (): Promise<PassReport> => {
    const now = clock.now();
    const claimed = await repo.claimDue(db, now, new Date(now.getTime() + LEASE_MS), BATCH);
    const report: PassReport = { claimed: claimed.length, delivered: 0, rejected: 0, retried: 0 };
    if (claimed.length === 0) return report;
    const pacts = (await pact.inForce(now)).map((entry) => entry.pact);
    const byPeer = new Map<string, typeof claimed>();
    for (const row of [...claimed].sort((a, b) => a.seq - b.seq)) byPeer.set(row.recipient, [...(byPeer.get(row.recipient) ?? []), row]);
    await Promise.all(
      [...byPeer].map(([recipient, rows]) =>
        deliverTo(recipient, rows, pacts, report).catch(async (error: unknown) => {
          // Whatever broke, the leased messages go back to wait, never lost.
          log.error({ err: error, to: recipient }, 'federation: delivery pass failed');
          await repo.markRetry(db, { tried: null, released: rows.map((r) => r.id), at: clock.now(), next: clock.now(), error: String(error) });
        }),
      ),
    );
    return report;
  };

  /** Passes until nothing more is due now (a full batch means there may be more). */
  const drain = async (): Promise<PassReport> => {
    const total: PassReport = { claimed: 0, delivered: 0, rejected: 0, retried: 0 };
    for (;;) {
      const report = await pass();
      for (const key of Object.keys(total) as (keyof PassReport)[]) total[key] += report[key];
      if (report.claimed < BATCH) return total;
    }
  };

  return { pass, drain };
};

export type Delivery = ReturnType<typeof createDelivery>;
