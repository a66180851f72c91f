/**
 * The public aggregates as the node publishes them, without sign-in
 * (docs/public.md; docs/stock.md "Public stock levels"). Each answer
 * says which parties the pact let it publish (`grants`) and which not
 * (`withheld`, with the pact's reasons).
 */
export interface Grant {
  party: string;
  clauseId: string | null;
  pactVersion: number | null;
}

export interface Withheld {
  party: string;
  code: string;
  reasons: string[];
}

export interface PublicStockLevels {
  month: string;
  asOf: string;
  complete: boolean;
  synthetic: boolean;
  levels: { party: string; product: string; quantity: number | null; expiry: string; suppressed: boolean }[];
  grants: Grant[];
  withheld: Withheld[];
}

export interface PublicCaseCell {
  party: string;
  disease: string;
  weekStart: string;
  week: string;
  count: number | null;
  suppressed: boolean;
}

export interface PublicCases {
  from: string;
  to: string;
  weeks: number;
  asOf: string;
  suppression: Record<string, number | null>;
  diseases: { code: string; name: { en: string; fr: string } }[];
  cells: PublicCaseCell[];
  grants: Grant[];
  withheld: Withheld[];
}

export interface PublicTarget {
  met: number | null;
  notMet: number | null;
  pending: number | null;
  share: number | null;
  suppressed: boolean;
}

export interface PublicPartyTimes {
  party: string;
  events: number | null;
  suppressed: boolean;
  detect: PublicTarget;
  notify: PublicTarget;
  respond: PublicTarget;
  all: PublicTarget;
}

export interface PublicResponseTimes {
  from: string | null;
  to: string | null;
  asOf: string;
  targetDays: { detect: number; notify: number; respond: number };
  suppression: Record<string, number | null>;
  parties: PublicPartyTimes[];
  grants: Grant[];
  withheld: Withheld[];
}
