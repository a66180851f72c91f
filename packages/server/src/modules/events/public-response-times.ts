import { dropFields, suppressionK, summarise717, TARGET_DAYS, type SevenOneSevenSummary, type TargetShare } from '@concord/core';
import type { Clock } from '../../clock.ts';
import type { Db } from '../../db/database.ts';
import { PUBLIC_READER, type DataAccess } from '../governance/index.ts';
import { regionRepo } from '../region/index.ts';
import * as repo from './events.repo.ts';
import { timelinessOf } from './timeliness.ts';

/** The fields of the events dataset a public share rests on; the clause must allow each. */
const FIELDS = ['party', 'dates'];
const TARGETS = ['detect', 'notify', 'respond', 'all'] as const;

export interface PublicTarget {
  met: number | null;
  notMet: number | null;
  pending: number | null;
  /** met / (met + notMet); null while nothing is settled or when suppressed. */
  share: number | null;
  suppressed: boolean;
}

// A type, not an interface: the rows go through dropFields, which takes plain records.
export type PublicResponseTimes = {
  party: string;
  /** Events counted (discarded ones are not outbreaks); null when suppressed. */
  events: number | null;
  suppressed: boolean;
} & Record<(typeof TARGETS)[number], PublicTarget>;

const hidden = (pending: number | null): PublicTarget => ({ met: null, notMet: null, pending, share: null, suppressed: true });

/**
 * A party's 7-1-7 shares as the public may see them. The clause's k counts
 * events, the cells these shares are built from: a party with 1 to k − 1
 * events shows nothing but that it has few; a target settled for 1 to
 * k − 1 events hides its share and counts, since a share of one or two
 * events says little and points at single outbreaks. Zero is shown.
 */
export const publicShares = (party: string, summary: Pick<SevenOneSevenSummary, 'events' | (typeof TARGETS)[number]>, k: number | null): PublicResponseTimes => {
  const few = (n: number) => k !== null && n > 0 && n < k;
  if (few(summary.events)) {
    return { party, events: null, suppressed: true, detect: hidden(null), notify: hidden(null), respond: hidden(null), all: hidden(null) };
  }
  const target = (share: TargetShare): PublicTarget => (few(share.met + share.notMet) ? hidden(share.pending) : { ...share, suppressed: false });
  return { party, events: summary.events, suppressed: false, detect: target(summary.detect), notify: target(summary.notify), respond: target(summary.respond), all: target(summary.all) };
};

/**
 * The share of events meeting 7-1-7 per party, for anyone, built like the
 * public stock levels: for each party the pact decides (dataset events,
 * purpose public-reporting, recipient public, country × month); a party no
 * clause covers is listed as withheld with the pact's reasons; a granted
 * party's figures are shaped by the clause (k) and each grant is recorded
 * in the access log.
 */
export const createPublicResponseTimes = (deps: { db: Db; clock: Clock; access: DataAccess }) => {
  const { db, clock, access } = deps;

  /** `from`/`to` bound the events by detection day (the day an event was opened when not yet detected), as GET /events/seven-one-seven does. */
  const responseTimes = async (query: { from?: string; to?: string }) => {
    const parties = (await regionRepo.listJurisdictions(db)).filter((j) => j.kind === 'party').map((j) => j.code);
    const { grants, withheld } = await access.authorizeForPublic(parties, { dataset: 'events', fields: FIELDS, granularity: { place: 'country', time: 'month' } });
    const results = grants.size === 0 ? [] : (await repo.timelinessEvents(db, query)).map(timelinessOf);
    const published: Partial<PublicResponseTimes>[] = [];
    for (const [party, grant] of grants) {
      const summary = summarise717(results.filter((r) => r.party === party));
      const [shaped] = dropFields([publicShares(party, summary, suppressionK(grant.obligations))], grant.obligations);
      await access.record(db, PUBLIC_READER, grant, { records: 1, fields: FIELDS });
      published.push(shaped!);
    }
    return {
      from: query.from ?? null,
      to: query.to ?? null,
      asOf: clock.now().toISOString(),
      targetDays: { detect: TARGET_DAYS.detection, notify: TARGET_DAYS.notification, respond: TARGET_DAYS.response },
      suppression: Object.fromEntries([...grants].map(([party, grant]) => [party, suppressionK(grant.obligations)])),
      parties: published,
      grants: [...grants].map(([party, grant]) => ({ party, clauseId: grant.clauseId, pactVersion: grant.pactVersion })),
      withheld,
    };
  };

  return { responseTimes };
};

export type PublicResponseTimesService = ReturnType<typeof createPublicResponseTimes>;
