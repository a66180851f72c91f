/**
 * A decision's obligations (docs/pact.md, "Obligations") as sentences in
 * the reader's language, from the dictionary's `obligations.<type>`.
 * Actors arrive as `CODE` or `CODE/role`; roles are written as their names.
 */
import type { Obligation } from './pact.types.ts';

export interface Words {
  language: string;
  t(key: string, params?: Record<string, unknown>): string;
}

export const actorWords = (actor: string, words: Words): string => {
  const [who, role] = actor.split('/');
  return role === undefined ? actor : `${who} ${words.t(`roles.${role}`)}`;
};

const actors = (list: readonly string[], words: Words) =>
  new Intl.ListFormat(words.language, { type: 'conjunction' }).format(list.map((actor) => actorWords(actor, words)));

const money = (amount: number, currency: string, language: string) =>
  new Intl.NumberFormat(language, { style: 'currency', currency, currencyDisplay: 'code', maximumFractionDigits: 2, minimumFractionDigits: 0 }).format(amount);

const date = (value: string, language: string) =>
  new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(value.length === 10 ? `${value}T00:00:00Z` : value));

const instant = (value: string, language: string) => new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(value));

export const obligationText = (obligation: Obligation, words: Words): string => {
  const { t, language } = words;
  const list = (items: readonly string[]) => new Intl.ListFormat(language, { type: 'conjunction' }).format(items);
  switch (obligation.type) {
    case 'suppress-below':
      return t('obligations.suppress-below', { k: obligation.k });
    case 'drop-fields':
      return t('obligations.drop-fields', { fields: list(obligation.fields) });
    case 'aggregate-to':
      return t('obligations.aggregate-to', { place: t(`granularity.${obligation.place}`), time: t(`granularity.${obligation.time}`) });
    case 'retain-until':
      return t('obligations.retain-until', { date: date(obligation.date, language) });
    case 'require-consent':
      return t('obligations.require-consent');
    case 'notify':
      return t('obligations.notify', { parties: actors(obligation.parties, words), count: obligation.withinHours });
    case 'lead':
      return t('obligations.lead', { by: actors(obligation.by, words) });
    case 'decide-within':
      return t('obligations.decide-within', { by: actors(obligation.by, words), count: obligation.hours, deadline: instant(obligation.deadline, language) });
    case 'repay':
      return t(obligation.inKind ? 'obligations.repay-in-kind' : 'obligations.repay', { to: obligation.to, count: obligation.withinDays });
    case 'disburse':
      return t('obligations.disburse', { amount: money(obligation.amount, obligation.currency, language), to: obligation.to, by: date(obligation.by, language), envelope: obligation.envelope });
    case 'settle': {
      const prices = [
        ...(obligation.perDay === undefined ? [] : [t('obligations.perDay', { amount: money(obligation.perDay, obligation.currency, language) })]),
        ...(obligation.perCase === undefined ? [] : [t('obligations.perCase', { amount: money(obligation.perCase, obligation.currency, language) })]),
      ];
      return t('obligations.settle', { prices: list(prices), via: obligation.via, count: obligation.periodDays });
    }
    case 'authorise-after':
      return t('obligations.authorise-after', { by: actorWords(obligation.by, words) });
    case 'meet-conditions':
      return t('obligations.meet-conditions', { conditions: obligation.conditions.join('; ') });
    case 'expire-at':
      return t('obligations.expire-at', { date: date(obligation.date, language) });
  }
};
