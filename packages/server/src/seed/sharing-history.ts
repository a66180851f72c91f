import { decideInForce, type AlertLevels, type Decision, type LifecycleEvent, type Obligation, type Pact, type Random } from '@concord/core';
import type { NewRequest, RequestRow } from '../modules/stock/sharing.repo.ts';
import type { TimedEvent } from './cold-chain-history.ts';
import { seededUuid, type Simulation } from './stock-simulation.ts';
import { DEMO_DOMAIN } from './users.seed.ts';

/**
 * Sharing requests of the demo (SYNTHETIC), at offsets from the moment of
 * seeding: each is decided by core's decision point under the pact version
 * in force at the time, with the alert levels of an imagined outbreak, and
 * its shipment, receipt and repayments move stock in the simulation.
 * Together they show every state: repaid, partly approved, refused, overdue
 * repayment, overdue decision, a clock still running, approved awaiting
 * shipment, and a request the pact refused outright.
 */
interface Plan {
  borrower: string;
  lender: string;
  product: string;
  daysAgo: number;
  alert: AlertLevels;
  outcome: 'approve' | 'part' | 'refuse' | 'none';
  decideAfterHours?: number;
  shipAfterDays?: number;
  receiveAfterDays?: number;
  repay?: { afterDays: number; share: number }[];
  reason: string;
}

const PLANS: readonly Plan[] = [
  { borrower: 'KE', lender: 'UG', product: 'oral-cholera-vaccine', daysAgo: 700, alert: { KE: { cholera: 2 } }, outcome: 'approve', decideAfterHours: 20, shipAfterDays: 3, receiveAfterDays: 6, repay: [{ afterDays: 90, share: 0.5 }, { afterDays: 150, share: 0.5 }], reason: 'cholera outbreak in Kisumu county (synthetic)' },
  { borrower: 'SO', lender: 'EAC', product: 'ors', daysAgo: 420, alert: { SO: { cholera: 3 } }, outcome: 'part', decideAfterHours: 30, shipAfterDays: 2, receiveAfterDays: 5, repay: [{ afterDays: 170, share: 1 }], reason: 'cholera in displacement camps (synthetic)' },
  { borrower: 'BI', lender: 'TZ', product: 'oral-cholera-vaccine', daysAgo: 250, alert: { BI: { cholera: 2 } }, outcome: 'refuse', decideAfterHours: 40, reason: 'cholera along Lake Tanganyika (synthetic)' },
  { borrower: 'SS', lender: 'UG', product: 'ringer-lactate', daysAgo: 215, alert: { SS: { cholera: 2 } }, outcome: 'approve', decideAfterHours: 12, shipAfterDays: 2, receiveAfterDays: 6, repay: [{ afterDays: 100, share: 0.3 }], reason: 'severe dehydration cases in Juba (synthetic)' },
  { borrower: 'RW', lender: 'UG', product: 'oral-cholera-vaccine', daysAgo: 100, alert: {}, outcome: 'none', reason: 'pre-emptive campaign (synthetic)' },
  { borrower: 'UG', lender: 'KE', product: 'ors', daysAgo: 5, alert: { UG: { cholera: 2 } }, outcome: 'approve', decideAfterHours: 30, reason: 'cholera in Kasese district (synthetic)' },
  { borrower: 'CD', lender: 'EAC', product: 'oral-cholera-vaccine', daysAgo: 2.5, alert: { CD: { cholera: 3 } }, outcome: 'none', reason: 'cholera in North Kivu (synthetic)' },
  { borrower: 'KE', lender: 'TZ', product: 'cholera-rdt', daysAgo: 10 / 24, alert: { KE: { cholera: 2 } }, outcome: 'none', reason: 'testing surge in Mombasa (synthetic)' },
];

const DAY = 86_400_000;
const HOUR = 3_600_000;
const nfp = (party: string) => `user:nfp.${party.toLowerCase()}@${DEMO_DOMAIN}`;
const HUB_COORDINATOR = `user:hub@${DEMO_DOMAIN}`;
const dateOf = (at: Date) => at.toISOString().slice(0, 10);

export interface SharingHistory {
  requests: (NewRequest & Partial<RequestRow>)[];
  repayments: { id: string; requestId: string; quantity: number; at: Date; fromStore: string; toStore: string; recordedBy: string }[];
  decisions: { id: string; at: Date; decision: Decision; request: Record<string, unknown>; actor: string }[];
}

/** `schedule` queues an event for the simulation, which runs them in time order; a step schedules the next when it runs. */
export const planSharing = (
  random: Random,
  pact: { versions: Pact[]; events: LifecycleEvent[] },
  now: Date,
  sim: Simulation,
  mainStore: (party: string) => string,
  schedule: (event: TimedEvent) => void,
) => {
  const history: SharingHistory = { requests: [], repayments: [], decisions: [] };
  const events = { push: (...list: TimedEvent[]) => list.forEach(schedule) };
  for (const plan of PLANS) {
    const at = new Date(now.getTime() - plan.daysAgo * DAY);
    events.push({ at, run: () => open(plan, at) });
  }

  const open = (plan: Plan, at: Date) => {
    const lenderStore = mainStore(plan.lender);
    const quantity = Math.max(100, Math.round((0.2 * sim.usable(lenderStore, plan.product, at)) / 100) * 100);
    const request = { kind: 'stock-release' as const, product: plan.product, from: plan.lender, to: plan.borrower, quantity };
    const decision = decideInForce(pact.versions, pact.events, request, { now: at, alert: plan.alert });
    const decisionId = seededUuid(random);
    history.decisions.push({ id: decisionId, at, decision, request, actor: nfp(plan.borrower) });
    if (decision.effect !== 'permit' || !decision.clauseId) return;
    const clock = decision.obligations.find((o): o is Extract<Obligation, { type: 'decide-within' }> => o.type === 'decide-within')!;
    const repay = decision.obligations.find((o): o is Extract<Obligation, { type: 'repay' }> => o.type === 'repay')!;
    const row: SharingHistory['requests'][number] = {
      id: seededUuid(random), product: plan.product, quantity, lender: plan.lender, borrower: plan.borrower, reason: plan.reason, requestedAt: at,
      requestedBy: nfp(plan.borrower), decisionId, pactId: decision.pactId, pactVersion: decision.pactVersion, clauseId: decision.clauseId,
      decideBy: new Date(clock.deadline), deciders: clock.by, repayWithinDays: repay.withinDays, repayInKind: repay.inKind, allocationId: null, status: 'pending',
    };
    history.requests.push(row);
    if (plan.outcome === 'none') return;
    const decidedAt = new Date(at.getTime() + plan.decideAfterHours! * HOUR);
    const approved = plan.outcome === 'approve' ? quantity : plan.outcome === 'part' ? Math.round((quantity * 0.6) / 100) * 100 : 0;
    events.push({
      at: decidedAt,
      run: () =>
        Object.assign(row, {
          status: plan.outcome === 'approve' ? 'approved' : plan.outcome === 'part' ? 'partially-approved' : 'refused',
          approvedQuantity: approved, decidedAt, decidedBy: HUB_COORDINATOR,
          decisionReason: plan.outcome === 'refuse' ? `${plan.lender} stock is below its own needs (synthetic)` : plan.outcome === 'part' ? 'part of the hub reserve kept for other parties (synthetic)' : 'release agreed (synthetic)',
        }),
    });
    if (approved === 0 || plan.shipAfterDays === undefined) return;
    const shippedAt = new Date(decidedAt.getTime() + plan.shipAfterDays * DAY);
    const reference = `request:${row.id}`;
    let picks: { lot: string; quantity: number }[] = [];
    events.push({
      at: shippedAt,
      run: () => {
        picks = sim.ship(lenderStore, plan.product, approved, shippedAt, reference);
        Object.assign(row, { status: 'shipped', approvedQuantity: picks.reduce((s, p) => s + p.quantity, 0), shippedAt, shippedFrom: lenderStore, repayDue: dateOf(new Date(shippedAt.getTime() + row.repayWithinDays * DAY)) });
      },
    });
    const receivedAt = new Date(shippedAt.getTime() + (plan.receiveAfterDays! - plan.shipAfterDays) * DAY);
    events.push({
      at: receivedAt,
      run: () => {
        sim.arrive(mainStore(plan.borrower), lenderStore, plan.product, picks, receivedAt, reference);
        Object.assign(row, { status: 'received', receivedAt, receivedInto: mainStore(plan.borrower) });
      },
    });
    for (const instalment of plan.repay ?? []) {
      const repaidAt = new Date(shippedAt.getTime() + instalment.afterDays * DAY);
      events.push({
        at: repaidAt,
        run: () => {
          const owed = (row.approvedQuantity ?? 0) - (row.repaidQuantity ?? 0);
          const want = Math.min(owed, Math.round((row.approvedQuantity ?? 0) * instalment.share));
          const moved = sim.transfer(mainStore(plan.borrower), lenderStore, plan.product, want, repaidAt, `repayment:${row.id}`).reduce((s, p) => s + p.quantity, 0);
          if (moved === 0) return;
          history.repayments.push({ id: seededUuid(random), requestId: row.id, quantity: moved, at: repaidAt, fromStore: mainStore(plan.borrower), toStore: lenderStore, recordedBy: nfp(plan.borrower) });
          row.repaidQuantity = (row.repaidQuantity ?? 0) + moved;
          if (row.repaidQuantity >= (row.approvedQuantity ?? 0)) row.status = 'repaid';
        },
      });
    }
  };

  return history;
};
