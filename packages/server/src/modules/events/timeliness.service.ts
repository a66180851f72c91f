import { summarise717ByParty } from '@concord/core';
import type { Db, Queryable } from '../../db/database.ts';
import * as repo from './events.repo.ts';
import { timelinessOf } from './timeliness.ts';

/**
 * 7-1-7 over many events: the share meeting each target and all three, per
 * party and for the region (core), with the bottleneck and enabler tallies.
 * Discarded events are not outbreaks and do not count. Event dates are
 * country-level facts, not sub-national data, so every signed-in user may
 * read the shares; the events themselves stay behind their visibility rule.
 */
export const createTimeliness = (deps: { db: Db }) => {
  const { db } = deps;

  const summary = async (filter: { party?: string; from?: string; to?: string }) => {
    const results = (await repo.timelinessEvents(db, filter)).map(timelinessOf);
    const { region, parties } = summarise717ByParty(results);
    return {
      region,
      parties,
      events: results.map((r) => ({
        eventId: r.eventId,
        party: r.party,
        overall: r.overall,
        detect: { days: r.detect.days, status: r.detect.status },
        notify: { days: r.notify.days, status: r.notify.status },
        respond: { days: r.respond.days, status: r.respond.status },
      })),
    };
  };

  /**
   * `events-meeting-7-1-7-share.<PARTY>`: the share of a party's events that
   * met all three targets, over every event it has recorded (pending ones
   * are left out of the share, as the toolkit asks); absent while no event
   * of the party is settled.
   */
  const indicators = async (q: Queryable = db): Promise<Record<string, number>> => {
    const { parties } = summarise717ByParty((await repo.timelinessEvents(q, {})).map(timelinessOf));
    const out: Record<string, number> = {};
    for (const [party, summary] of Object.entries(parties)) if (summary.all.share !== null) out[`events-meeting-7-1-7-share.${party}`] = summary.all.share;
    return out;
  };

  return { summary, indicators };
};

export type Timeliness = ReturnType<typeof createTimeliness>;
