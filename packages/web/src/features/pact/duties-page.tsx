import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'wouter';
import { useAuth } from '../../app/auth.tsx';
import { api } from '../../shared/api/client.ts';
import { useApi } from '../../shared/api/use-api.ts';
import { ErrorNotice, InfoNote, Loading } from '../../shared/components/notice.tsx';
import { PageHeading } from '../../shared/components/page-heading.tsx';
import { formatCalendarDate } from '../../shared/i18n/format.ts';
import { DeadlineClock } from './deadline-clock.tsx';
import { Escalations, Milestones, Reports, Reserves } from './duty-sections.tsx';
import { pactApi } from './pact.api.ts';
import { defaultParty } from './pact-access.ts';
import { loadPactBasics, members } from './pact-data.ts';
import { PactSections } from './pact-sections.tsx';
import type { PartyDuty } from './pact.types.ts';

/**
 * "What each party owes now": pick a party (a national focal point starts
 * on their own) and see its reserves, its reports with their deadlines,
 * the milestones it has not met, its part in any escalation under way and
 * the date by which it must say whether it renews. The party is kept in
 * the URL (?party=KE), so a link can be shared.
 */
export const DutiesPage = () => {
  const { id = '' } = useParams<{ id: string }>();
  const { t } = useTranslation();
  const { me } = useAuth();
  const [search, setSearch] = useSearchParams();
  const basics = useApi((signal) => loadPactBasics(id, signal), [id]);
  if (basics.status === 'loading') return <Loading />;
  if (basics.status === 'failed') return <ErrorNotice error={basics.error} />;
  const choices = members(basics.data.document);
  const party = search.get('party') ?? defaultParty(me, choices.map((c) => c.code));
  const name = choices.find((c) => c.code === party)?.name ?? party;
  return (
    <>
      <PageHeading title={t('duties.title', { party: name })}>
        <p className="lede">{t('duties.lede')}</p>
      </PageHeading>
      <PactSections id={id} />
      <label className="field field-inline">
        <span>{t('duties.party')}</span>
        <select
          value={party}
          onChange={(event) =>
            setSearch((params) => {
              params.set('party', event.target.value);
              return params;
            })
          }
        >
          {choices.map((c) => (
            <option key={c.code} value={c.code}>
              {c.name} ({c.code})
            </option>
          ))}
        </select>
      </label>
      <DutyList id={id} party={party} />
    </>
  );
};

const DutyList = ({ id, party }: { id: string; party: string }) => {
  const { t, i18n } = useTranslation();
  const duties = useApi((signal) => pactApi(api).duties(id, party, signal), [id, party]);
  if (duties.status === 'loading') return <Loading />;
  if (duties.status === 'failed') return <ErrorNotice error={duties.error} />;
  const { pactVersion, duties: list } = duties.data;
  if (pactVersion === null) return <InfoNote>{t('duties.notInForce')}</InfoNote>;
  const now = new Date();
  const of = <T extends PartyDuty['type']>(type: T) => list.filter((d): d is Extract<PartyDuty, { type: T }> => d.type === type);
  const props = { pactId: id, version: pactVersion, now };
  const renewal = of('renewal-notice')[0];
  return (
    <div data-testid="duties" data-party={party}>
      <p className="hint">{t('duties.underVersion', { version: pactVersion })}</p>
      <section aria-labelledby="reports-heading">
        <h2 id="reports-heading">{t('duties.reportsHeading')}</h2>
        <Reports duties={of('report')} {...props} />
      </section>
      <section aria-labelledby="reserves-heading">
        <h2 id="reserves-heading">{t('duties.reservesHeading')}</h2>
        <Reserves duties={of('hold-reserve')} {...props} />
      </section>
      <section aria-labelledby="milestones-heading">
        <h2 id="milestones-heading">{t('duties.milestonesHeading')}</h2>
        <Milestones duties={of('meet-milestone')} {...props} />
      </section>
      <section aria-labelledby="escalations-heading">
        <h2 id="escalations-heading">{t('duties.escalationsHeading')}</h2>
        <Escalations duties={of('escalation')} {...props} />
      </section>
      <section aria-labelledby="renewal-heading">
        <h2 id="renewal-heading">{t('duties.renewalHeading')}</h2>
        {renewal ? (
          <p>
            {t('duties.renewalText', { sunset: formatCalendarDate(renewal.sunset, i18n.language) })} <DeadlineClock date={renewal.by} now={now} />
          </p>
        ) : (
          <p>{t('duties.noRenewal')}</p>
        )}
      </section>
    </div>
  );
};
