/**
 * Which pact requests a message needs permitted before it may travel, and
 * the facts it states for those decisions. Sender and receiver build the
 * same plan from the same signed message and decide it each under their own
 * copy of the pact: the sender to know whether it may send and how to shape
 * the payload, the receiver to check that what arrived is what the pact
 * allows from this sender to it now.
 */
import type { AlertLevels, Indicators } from '../pact/cel.ts';
import type { Obligation, PactRequest, RequestOf } from '../pact/decision.ts';
import type { MessageBody, MessageType } from './message-types.ts';

/** Where in a payload the records a data request governs live. */
export type DataPart = 'cells' | 'caseReports' | 'patient';

export interface PlannedRequest {
  request: PactRequest;
  /** Set when the request governs data in the payload. */
  part?: DataPart;
}

export interface MessagePlan {
  /** Decided first; its clause is the envelope's `clauseId`. */
  primary: PlannedRequest;
  /** A person-level part: withheld (not the whole message refused) when no clause lets it cross. */
  attachment?: PlannedRequest & { part: DataPart };
  /** Who may send this message: a party speaks for itself; the hub may relay. */
  speakers: string[];
  /** True when the recipient must be among those the escalation playbook involves at this level. */
  audience: boolean;
  /** Facts the message itself states (a party's own alert level, the indicators that released money). */
  context: { alert?: AlertLevels; indicators?: Indicators };
}

export interface PlanInput {
  body: MessageBody;
  from: string;
  to: string;
  /** The hub's code in the pact in force. */
  hub: string;
  role?: string;
  /**
   * 'receive' adds the payload's actual shape (granularity, fields present)
   * to data requests, so the decision point refuses what is finer or wider
   * than the clause allows.
   */
  side: 'send' | 'receive';
}

const speakersFor = (party: string, hub: string) => [...new Set([party, hub])];

const fieldsOf = (records: readonly Record<string, unknown>[], extra: readonly string[] = []): string[] =>
  [...new Set([...extra, ...records.flatMap((record) => Object.keys(record))])].filter((field) => field !== 'suppressed').sort();

const dataRequest = (input: PlanInput, fields: Omit<RequestOf<'data'>, 'kind' | 'action' | 'to'>): RequestOf<'data'> => ({
  kind: 'data',
  action: 'send',
  to: input.to,
  ...(input.role ? { role: input.role } : {}),
  ...fields,
});

const alertPlan = (input: PlanInput, payload: Extract<MessageBody, { type: 'alert' | 'alert-update' }>['payload']): MessagePlan => {
  const reports = payload.caseReports;
  const attachment: MessagePlan['attachment'] =
    reports === undefined
      ? undefined
      : {
          part: 'caseReports',
          request: dataRequest(input, {
            dataset: 'case-reports',
            from: payload.party,
            purpose: 'outbreak-response',
            disease: payload.disease,
            ...(input.side === 'receive' ? { fields: fieldsOf(reports), granularity: { place: 'person', time: 'day' } } : {}),
          }),
        };
  return {
    primary: { request: { kind: 'escalation', party: payload.party, disease: payload.disease, level: payload.level } },
    ...(attachment ? { attachment } : {}),
    speakers: speakersFor(payload.party, input.hub),
    audience: true,
    context: { alert: { [payload.party]: { [payload.disease]: payload.level } } },
  };
};

type Planner = (input: PlanInput, payload: unknown) => MessagePlan;

const PLANNERS: { [T in MessageType]: (input: PlanInput, payload: Extract<MessageBody, { type: T }>['payload']) => MessagePlan } = {
  'aggregate-submission': (input, p) => ({
    primary: {
      part: 'cells',
      request: dataRequest(input, {
        dataset: 'aggregate-counts',
        from: p.party,
        purpose: p.purpose,
        disease: p.disease,
        ...(input.side === 'receive'
          ? { granularity: p.granularity, fields: fieldsOf(p.cells, ['party', 'disease', 'period', 'count']) }
          : {}),
      }),
    },
    speakers: speakersFor(p.party, input.hub),
    audience: false,
    context: {},
  }),
  alert: alertPlan,
  'alert-update': alertPlan,
  'stock-request': (input, p) => ({
    primary: { request: { kind: 'stock-release', product: p.product, from: p.holder, to: p.party, quantity: p.quantity } },
    speakers: speakersFor(p.party, input.hub),
    audience: false,
    context: p.alert ? { alert: { [p.party]: { [p.alert.disease]: p.alert.level } } } : {},
  }),
  'stock-answer': (input, p) => ({
    primary: { request: { kind: 'stock-release', product: p.product, from: p.holder, to: p.party, ...(p.quantity > 0 ? { quantity: p.quantity } : {}) } },
    speakers: speakersFor(p.holder, input.hub),
    audience: false,
    context: p.askerAlert ? { alert: { [p.party]: { [p.askerAlert.disease]: p.askerAlert.level } } } : {},
  }),
  // A referral request asks the receiving party for its authorisation, so it
  // is decided as an authorised transfer would be: corridor, parties, service.
  'referral-request': (input, p) => ({
    primary: { request: { kind: 'referral', from: input.from, to: input.to, service: p.service, emergency: p.emergency, authorised: true } },
    ...(p.patient
      ? {
          attachment: {
            part: 'patient' as const,
            request: dataRequest(input, {
              dataset: 'referrals',
              from: p.party,
              purpose: 'treatment',
              ...(input.side === 'receive' ? { fields: fieldsOf([p.patient]), granularity: { place: 'person', time: 'day' } } : {}),
            }),
          },
        }
      : {}),
    speakers: [p.party],
    audience: false,
    context: {},
  }),
  'referral-status': (input, p) => ({
    primary: { request: { kind: 'referral', from: p.party, to: input.from, service: p.service, authorised: true } },
    // The receiving party reports back to the referring one.
    speakers: input.to === p.party ? [input.from] : [],
    audience: false,
    context: {},
  }),
  'licence-verification': (input, p) => ({
    primary: {
      request: {
        kind: 'licence',
        profession: p.profession,
        from: p.issuer,
        to: p.host,
        ...(p.temporary ? { temporary: true } : {}),
        ...(p.days ? { days: p.days } : {}),
      },
    },
    // The host asks the issuer; the issuer answers the host.
    speakers: p.kind === 'request' && input.to === p.issuer ? [p.host] : p.kind === 'result' && input.to === p.host ? [p.issuer] : [],
    audience: false,
    context: {},
  }),
  'sanction-alert': (input, p) => ({
    primary: { request: { kind: 'licence', profession: p.profession, from: p.issuer, to: input.to } },
    speakers: [p.issuer],
    audience: false,
    context: {},
  }),
  'disbursement-notice': (input, p) => ({
    primary: { request: { kind: 'funding', party: p.party } },
    speakers: speakersFor(input.hub, p.party),
    audience: false,
    context: { indicators: p.indicators },
  }),
};

/** The plan of a message whose payload has already been parsed for its type. */
export const planMessage = (input: PlanInput): MessagePlan => (PLANNERS[input.body.type] as Planner)(input, input.body.payload);

/** The parties an escalation permit involves: who leads, who decides and who is told. */
export const escalationAudience = (obligations: readonly Obligation[]): string[] => {
  const actors = obligations.flatMap((o) => (o.type === 'lead' || o.type === 'decide-within' ? o.by : o.type === 'notify' ? o.parties : []));
  return [...new Set(actors.map((actor) => actor.split('/')[0] ?? actor))];
};
