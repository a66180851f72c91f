import { call, waitFor } from './demo-client.ts';

/** What a demo step needs: printing, checking, and each node's URL and signed-in focal point (the hub's coordinator at EAC). */
export interface DemoStep {
  say(line?: string): void;
  expect(ok: boolean, text: string): void;
  url(code: string): string;
  token(code: string): string;
}

const api = (step: DemoStep, code: string, path: string, body?: unknown) => call(step.url(code), `/api/v1${path}`, { token: step.token(code), ...(body === undefined ? {} : { body }) });

/** Kenya's cholera event, confirmed and assessed at alert level 3 (the level the stockpile clause and the line-list clause read). */
export const openCholeraEvent = async (step: DemoStep): Promise<string> => {
  const opened = await api(step, 'KE', '/events', { title: 'Cholera on the Kisumu lake shore (synthetic demo)', disease: 'cholera', area: 'KE-17' });
  const id = opened.body.id as string;
  await api(step, 'KE', `/events/${id}/verify`, { outcome: 'confirmed' });
  const assessed = await api(step, 'KE', `/events/${id}/risk-assessments`, { likelihood: 'likely', consequences: 'moderate' });
  step.expect(opened.status === 201 && assessed.body.alertLevel === 3, `Kenya's event ${id.slice(0, 8)}… is at alert level 3`);
  return id;
};

/**
 * A sharing request that crosses nodes: opened on Kenya's node and sent in
 * the same transaction to Uganda (the lender) and the hub (the decider);
 * the hub decides on its node and its answer reaches Kenya and Uganda.
 */
export const shareStock = async (step: DemoStep) => {
  const asked = await api(step, 'KE', '/stock/requests', { product: 'ors', quantity: 2000, from: 'UG', reason: 'Cholera on the Kisumu lake shore (synthetic demo)' });
  const id = asked.body.id as string;
  step.expect(asked.status === 201 && asked.body.status === 'pending', `Kenya's node opened request ${String(id).slice(0, 8)}… under clause ${String(asked.body.clauseId)}, stating Kenya's cholera level 3`);
  const copy = (code: string, status: string) =>
    waitFor(`the request at ${code}, ${status}`, async () => {
      const seen = await api(step, code, `/stock/requests/${id}`);
      return seen.status === 200 && seen.body.status === status ? seen.body : undefined;
    }).catch(() => undefined);
  const [atUganda, atHub] = await Promise.all([copy('UG', 'pending'), copy('EAC', 'pending')]);
  const clock = atHub?.decisionClock as { deadline?: string } | undefined;
  step.say(`   Uganda's and the hub's nodes each keep a copy; the hub's decision clock runs until ${clock?.deadline ?? '?'}.`);
  step.expect(atUganda?.origin === 'KE' && atHub?.origin === 'KE', 'the request reached the lender and the decider, each on its own node');
  const decided = await api(step, 'EAC', `/stock/requests/${id}/decision`, { outcome: 'part', quantity: 1500, reason: 'part of the reserve is committed to Tanzania (synthetic demo)' });
  step.expect(decided.status === 200 && decided.body.status === 'partially-approved', "the hub's coordinator approved 1,500 of 2,000 on the hub's node");
  const [atKenya, atLender] = await Promise.all([copy('KE', 'partially-approved'), copy('UG', 'partially-approved')]);
  step.say(`   Kenya's request now reads: ${String(atKenya?.status)}, ${String(atKenya?.approvedQuantity)} approved by ${String(atKenya?.decidedBy)}.`);
  step.expect(atKenya?.approvedQuantity === 1500 && atLender?.approvedQuantity === 1500, "the hub's answer moved Kenya's request and Uganda's copy on");
};

/** A new risk assessment of the event raised as an alert: the update goes to the alert's recipients in the same transaction. */
export const raiseEventLevel = async (step: DemoStep, eventId: string) => {
  const assessed = await api(step, 'KE', `/events/${eventId}/risk-assessments`, { likelihood: 'likely', consequences: 'severe' });
  const updates = (assessed.body.alertUpdates ?? []) as { to: string; status: string }[];
  step.expect(assessed.body.alertLevel === 4 && updates.length === 2 && updates.every((u) => u.status === 'pending'), `updates queued to ${updates.map((u) => u.to).join(' and ')}`);
  for (const code of ['EAC', 'UG']) {
    const alert = await waitFor(`the update at ${code}`, async () => {
      const alerts = ((await api(step, code, '/federation/received/alerts')).body.alerts ?? []) as Record<string, unknown>[];
      return alerts.find((a) => a.alertId === eventId && a.level === 4);
    }).catch(() => undefined);
    step.expect(alert?.status === 'escalated', `${code}'s copy of the alert is at level 4, escalated`);
  }
};
