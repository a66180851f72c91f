import type { RetentionTarget } from '../governance/index.ts';
import { expireInbox } from './federation.repo.ts';
import { deleteExpiredAggregates, deleteExpiredRecords, expireAlertLineLists } from './received.repo.ts';

/**
 * What this node keeps of other parties' data under a clause's retention
 * (the `retain-until` date stamped on each message when it was received),
 * registered with governance's retention job. A date is kept through its
 * last day (UTC): data goes the day after.
 */
const dayOf = (now: Date) => now.toISOString().slice(0, 10);
const ids = (rows: readonly { id: string }[]) => rows.map((row) => row.id);

export const federationRetentionTargets = (): RetentionTarget[] => [
  {
    name: 'federation.received-line-lists',
    description: 'Case reports (person-level line lists) inside alerts received from other parties; the alert itself stays',
    purge: async (tx, now) => {
      const gone = ids(await expireAlertLineLists(tx, dayOf(now)));
      return { deleted: 0, anonymised: gone.length, items: gone };
    },
  },
  {
    name: 'federation.received-aggregates',
    description: 'Aggregate counts received from other parties',
    purge: async (tx, now) => {
      const gone = ids(await deleteExpiredAggregates(tx, dayOf(now)));
      return { deleted: gone.length, anonymised: 0, items: gone };
    },
  },
  {
    name: 'federation.received-records',
    description: 'Other received messages kept as records (stock requests, referrals, licence checks, notices)',
    purge: async (tx, now) => {
      const gone = ids(await deleteExpiredRecords(tx, dayOf(now)));
      return { deleted: gone.length, anonymised: 0, items: gone };
    },
  },
  {
    name: 'federation.signed-originals',
    description: 'The signed originals of received messages: the payload goes, the id and digest stay to recognise a redelivery',
    purge: async (tx, now) => {
      const gone = ids(await expireInbox(tx, dayOf(now), now));
      return { deleted: 0, anonymised: gone.length, items: gone };
    },
  },
];
