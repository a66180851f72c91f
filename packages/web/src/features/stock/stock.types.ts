/**
 * The stock context's answers as the dashboard reads them (docs/stock.md;
 * packages/server/src/modules/stock/*.routes.ts). Dates are ISO 8601 strings.
 */
export interface Product {
  id: string;
  name: { en: string; fr: string };
  category: 'vaccine' | 'medicine' | 'diagnostic' | 'ppe' | 'supply';
  gtin: string;
  atc: string | null;
  unit: string;
  storage: { minC: number; maxC: number };
  coldChain: boolean;
  vvm: string | null;
}

export interface Store {
  id: string;
  jurisdiction: string;
  name: string;
  level: 'hub' | 'national' | 'facility';
}

export interface StockLevel {
  party: string;
  store: string | null;
  product: string;
  onHand: number;
  usable: number;
  quarantined: number;
  expired: number;
  lots: number;
  earliestUsableExpiry: string | null;
  averageMonthlyConsumption: number | null;
  monthsOfStock: number | null;
}

export interface Levels {
  asOf: string;
  amcMonths: string[];
  levels: StockLevel[];
}

export interface ExpiringLot {
  party: string;
  store: string;
  product: string;
  lot: string;
  expiry: string;
  quantity: number;
  quarantined: boolean;
  daysLeft: number;
}

export interface Excursion {
  id: string;
  device: string;
  store: string;
  jurisdiction: string;
  type: 'heat' | 'freeze';
  startAt: string;
  endAt: string | null;
  minutes: number;
  alarm: boolean;
  ongoing: boolean;
  extremeC: number;
  longestGapMinutes: number;
  alarmedAt: string | null;
  openQuarantines: number;
}

export interface Quarantine {
  id: string;
  store: string;
  jurisdiction: string;
  product: string;
  lot: string;
  expiry: string;
  excursionId: string | null;
  reason: string;
  openedAt: string;
  decidedAt: string | null;
  decidedBy: string | null;
  vvmStage: number | null;
  shakeTest: 'pass' | 'fail' | null;
  action: string | null;
  decisionReason: string | null;
  discarded: number | null;
  onHand: number;
}

export interface Device {
  id: string;
  store: string;
  jurisdiction: string;
  label: string;
  minC: number;
  maxC: number;
  registeredAt: string;
  products: string[];
}

export interface Reading {
  time: string;
  celsius: number;
}

export interface ReserveLine {
  pactId: string;
  pactVersion: number;
  clauseId: string;
  party: string;
  product: string;
  share: number;
  nationalStock: number;
  owed: number;
  held: number;
  compliant: boolean;
  coverage: number | null;
}

export interface Reserves {
  asOf: string;
  rule: string;
  reserves: ReserveLine[];
  summary: { party: string; products: number; compliant: number }[];
}

export type RequestStatus = 'pending' | 'approved' | 'partially-approved' | 'refused' | 'shipped' | 'received' | 'repaid';

export interface DecisionClock {
  deadline: string;
  hoursLeft: number | null;
  overdue: boolean;
  flaggedAt: string | null;
  decidedLate: boolean | null;
}

export interface Repayment {
  id: string;
  quantity: number;
  at: string;
  fromStore: string;
  toStore: string;
  recordedBy: string;
}

export interface SharingRequest {
  id: string;
  product: string;
  quantity: number;
  lender: string;
  borrower: string;
  reason: string;
  requestedAt: string;
  requestedBy: string;
  pactId: string;
  pactVersion: number;
  clauseId: string;
  decideBy: string;
  deciders: string[];
  status: RequestStatus;
  approvedQuantity: number | null;
  decidedAt: string | null;
  decidedBy: string | null;
  decisionReason: string | null;
  shippedAt: string | null;
  shippedFrom: string | null;
  receivedAt: string | null;
  receivedInto: string | null;
  repayDue: string | null;
  repaidQuantity: number;
  decisionClock: DecisionClock;
  shipment: { lot: string; quantity: number; store: string; at: string }[];
  repayment: {
    inKind: boolean;
    due: string;
    owed: number;
    repaid: number;
    outstanding: number;
    overdue: boolean;
    flaggedAt: string | null;
    schedule: { due: string; quantity: number }[];
    repayments: Repayment[];
  } | null;
}

export interface AllocationInput {
  products: string[];
  needs?: Record<string, Record<string, number>>;
  floor?: number;
  createRequests?: boolean;
  reason?: string;
}

export interface AllocationPlan {
  id: string;
  result: { status: string; objective: number; shipments: { from: string; to: string; product: string; quantity: number }[] };
  byParty: { party: string; product: string; need: number; allocated: number; share: number | null }[];
  opened: SharingRequest[];
  refused: { from: string; to: string; product: string; quantity: number; reasons?: string[]; code?: string }[];
}

export type VvmReading = { stage: 1 | 2 | 3 | 4 } | { square: 'lighter' | 'matches' | 'darker' };

export interface QuarantineDecisionInput {
  vvm?: VvmReading;
  shakeTest?: 'pass' | 'fail';
  action?: 'use' | 'discard';
  reason?: string;
}
