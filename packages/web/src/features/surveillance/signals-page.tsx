import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { useAuth } from '../../app/auth.tsx';
import { api } from '../../shared/api/client.ts';
import type { Me } from '../../shared/api/types.ts';
import { useApi } from '../../shared/api/use-api.ts';
import { DataTable } from '../../shared/components/data-table.tsx';
import { ErrorNotice, Loading } from '../../shared/components/notice.tsx';
import { PageHeading } from '../../shared/components/page-heading.tsx';
import { formatCalendarDate, formatDateTime, formatNumber } from '../../shared/i18n/format.ts';
import { Figure } from './count-cell.tsx';
import { isDiseaseCode } from './diseases.ts';
import { DismissForm } from './dismiss-form.tsx';
import { diseaseName, DiseaseSelect, PartySelect, usePartyList } from './pickers.tsx';
import { Refusals } from './refusals.tsx';
import { seriesHref, signalSeriesView } from './series-view.ts';
import { SignalBadge } from './signal-badge.tsx';
import { surveillanceApi } from './surveillance.api.ts';
import { SurveillanceSections } from './surveillance-sections.tsx';
import { SIGNAL_STATUSES, type Signal, type SignalStatus } from './surveillance.types.ts';
import { useSearchFilters } from '../../shared/routing/search-filters.ts';

/** A signal waits for triage by its own party's focal point; dismissed or promoted ones stay as they are. */
const mayDismiss = (me: Me | null, signal: Signal) =>
  me !== null && me.roles.includes('national-focal-point') && me.jurisdiction === signal.party && (signal.status === 'new' || signal.status === 'withdrawn');

/**
 * Signals (alarms of the detection methods), new ones first by default,
 * with the triage a national focal point may take: dismiss with a note, or
 * open the event it became. Readers outside a party see its signals only
 * under a clause that shares them; each party left out is said in words.
 */
export const SignalsPage = () => {
  const { t, i18n } = useTranslation();
  const { me } = useAuth();
  const parties = usePartyList();
  const [search, set] = useSearchFilters();
  const party = search.get('party') ?? '';
  const disease = isDiseaseCode(search.get('disease')) ? search.get('disease')! : '';
  const statusParam = search.get('status') ?? 'new';
  const status = (SIGNAL_STATUSES as readonly string[]).includes(statusParam) ? (statusParam as SignalStatus) : undefined;
  const [dismissed, setDismissed] = useState<Signal | null>(null);
  const today = new Date().toISOString().slice(0, 10);
  const signals = useApi(
    (signal) => surveillanceApi(api).signals({ party: party || undefined, disease: disease || undefined, status }, signal),
    [party, disease, status],
  );
  const where = (s: Signal) => (s.area === 'all' ? s.party : `${s.area}`);
  const label = (s: Signal) => t('surveillance.signalLabel', { disease: diseaseName(t, s.disease), place: where(s), week: s.week });
  return (
    <>
      <PageHeading title={t('surveillance.signalsTitle')}>
        <p className="lede">{t('surveillance.signalsLede')}</p>
      </PageHeading>
      <SurveillanceSections />
      <form className="filters" aria-label={t('surveillance.signalFilters')} onSubmit={(event) => event.preventDefault()}>
        <PartySelect parties={parties} value={party} onChange={(value) => set('party', value)} allLabel={t('surveillance.allYouMaySee')} only={me?.regionWide ? undefined : me?.jurisdiction} />
        <DiseaseSelect value={disease} onChange={(value) => set('disease', value)} allLabel={t('surveillance.allDiseases')} />
        <label className="field field-inline">
          <span>{t('surveillance.status')}</span>
          <select value={status ?? 'all'} onChange={(event) => set('status', event.target.value)}>
            {SIGNAL_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`surveillance.signalStatus.${s}`)}
              </option>
            ))}
            <option value="all">{t('surveillance.allStatuses')}</option>
          </select>
        </label>
      </form>
      <div role="status" aria-live="polite">
        {dismissed ? <p className="notice notice-ok">{t('surveillance.dismissed', { what: label(dismissed) })}</p> : null}
      </div>
      {signals.status === 'loading' ? <Loading /> : null}
      {signals.status === 'failed' ? <ErrorNotice error={signals.error} /> : null}
      {signals.status === 'ready' ? (
        <>
          <Refusals refused={signals.data.refused} dataset={t('surveillance.datasetSignals')} parties={parties} />
          <DataTable
            caption={t('surveillance.signalsCaption', { count: signals.data.signals.length })}
            testId="signals-table"
            rows={signals.data.signals}
            rowKey={(s) => s.id}
            empty={t('surveillance.noSignals')}
            columns={[
              {
                key: 'week',
                header: t('surveillance.week'),
                cell: (s) => (
                  <>
                    {s.week} <span className="hint">({formatCalendarDate(s.weekStart, i18n.language)})</span>
                  </>
                ),
                sortValue: (s) => s.weekStart,
              },
              { key: 'where', header: t('surveillance.area'), cell: where, sortValue: where },
              { key: 'disease', header: t('surveillance.disease'), cell: (s) => diseaseName(t, s.disease), sortValue: (s) => diseaseName(t, s.disease) },
              { key: 'observed', header: t('surveillance.observed'), numeric: true, cell: (s) => formatNumber(s.observed, i18n.language), sortValue: (s) => s.observed },
              { key: 'threshold', header: t('surveillance.threshold'), numeric: true, cell: (s) => <Figure value={s.threshold} /> },
              { key: 'method', header: t('surveillance.method'), cell: (s) => t(`surveillance.methods.${s.method}`, { defaultValue: s.method }) },
              { key: 'raised', header: t('surveillance.raisedAt'), cell: (s) => formatDateTime(s.raisedAt, i18n.language), sortValue: (s) => s.raisedAt },
              { key: 'status', header: t('surveillance.status'), cell: (s) => <TriageCell signal={s} />, sortValue: (s) => s.status },
              {
                key: 'actions',
                header: t('surveillance.actions'),
                cell: (s) => (
                  <div className="cell-actions">
                    <Link href={seriesHref(signalSeriesView(s, today))}>{t('surveillance.seeChart')}</Link>
                    {s.eventId ? <Link href={`/events/${s.eventId}`}>{t('surveillance.openEvent')}</Link> : null}
                    {mayDismiss(me, s) ? (
                      <DismissForm
                        signal={s}
                        label={label(s)}
                        onDismissed={(done) => {
                          setDismissed({ ...s, ...done });
                          signals.reload();
                        }}
                      />
                    ) : null}
                  </div>
                ),
              },
            ]}
          />
        </>
      ) : null}
    </>
  );
};

const TriageCell = ({ signal }: { signal: Signal }) => {
  const { t, i18n } = useTranslation();
  return (
    <>
      <SignalBadge status={signal.status} />
      {signal.note ? <p className="cell-note">{signal.note}</p> : null}
      {signal.triagedAt ? (
        <p className="cell-note hint">{t('surveillance.triagedBy', { who: signal.triagedBy ?? '—', at: formatDateTime(signal.triagedAt, i18n.language) })}</p>
      ) : null}
    </>
  );
};
