import { useTranslation } from 'react-i18next';
import { DataTable } from '../../shared/components/data-table.tsx';
import { formatDateTime } from '../../shared/i18n/format.ts';
import { AlertChip, IhrChip, RiskChip } from './event-chips.tsx';
import { IHR_CRITERIA, type EventDetail, type IhrAssessment, type IhrCriterion } from './events.types.ts';

/**
 * The event's WHO rapid risk assessments (likelihood × consequences → risk
 * → the pact's alert level) and its IHR (2005) Annex 2 decisions: the
 * questions on the path walked, the answers, the outcome and, when WHO must
 * be told, by when (24 hours, Art. 6).
 */
export const RiskAssessments = ({ event }: { event: EventDetail }) => {
  const { t, i18n } = useTranslation();
  return (
    <section aria-labelledby="risk-heading">
      <h2 id="risk-heading">{t('events.riskHeading')}</h2>
      <DataTable
        caption={t('events.riskCaption', { count: event.riskAssessments.length })}
        testId="risk-assessments"
        rows={[...event.riskAssessments].reverse()}
        rowKey={(r) => r.id}
        empty={t('events.noRiskAssessment')}
        columns={[
          { key: 'at', header: t('events.at'), cell: (r) => formatDateTime(r.at, i18n.language) },
          { key: 'likelihood', header: t('events.likelihood'), cell: (r) => t(`events.likelihoods.${r.likelihood}`, { defaultValue: r.likelihood }) },
          { key: 'consequences', header: t('events.consequences'), cell: (r) => t(`events.consequenceLevels.${r.consequences}`, { defaultValue: r.consequences }) },
          { key: 'risk', header: t('events.riskHeader'), cell: (r) => <RiskChip risk={r.risk} /> },
          { key: 'level', header: t('events.alertHeader'), cell: (r) => <AlertChip level={r.alertLevel} /> },
          { key: 'rationale', header: t('events.rationale'), cell: (r) => r.rationale ?? '—' },
          { key: 'by', header: t('events.by'), cell: (r) => r.assessedBy },
        ]}
      />
    </section>
  );
};

const NUMERALS: Record<IhrCriterion, string> = { seriousImpact: 'I', unusualOrUnexpected: 'II', internationalSpread: 'III', travelOrTradeRestrictions: 'IV' };

/** The answer given on the path (`seriousImpact:yes`), or null for a question the walk did not need. */
const answerOnPath = (assessment: IhrAssessment, criterion: IhrCriterion): boolean | null => {
  const step = assessment.path.find((s) => s.startsWith(`${criterion}:`));
  return step === undefined ? null : step.endsWith(':yes');
};

export const IhrDecisions = ({ event }: { event: EventDetail }) => {
  const { t, i18n } = useTranslation();
  const assessments = [...event.ihrAssessments].reverse();
  return (
    <section aria-labelledby="ihr-heading" data-testid="ihr-decisions">
      <h2 id="ihr-heading">{t('events.ihrHeading')}</h2>
      {assessments.length === 0 ? <p>{t('events.noIhrAssessment')}</p> : null}
      {assessments.map((assessment, index) => (
        <article key={assessment.id} className="ihr-decision" aria-label={t('events.ihrAssessedAt', { at: formatDateTime(assessment.at, i18n.language) })}>
          <p>
            <IhrChip outcome={assessment.outcome} /> {t('events.ihrAssessedAt', { at: formatDateTime(assessment.at, i18n.language) })}
            {index > 0 ? <span className="hint"> ({t('events.ihrEarlier')})</span> : null}
          </p>
          <p>{t(`events.ihrReason.${assessment.outcome}`, { defaultValue: assessment.reason })}</p>
          {assessment.notifyBy ? <p>{t('events.ihrNotifyBy', { at: formatDateTime(assessment.notifyBy, i18n.language) })}</p> : null}
          {assessment.potentialInternationalConcern ? <p>{t('events.ihrConcernFlag')}</p> : null}
          <ol className="ihr-questions">
            {IHR_CRITERIA.map((criterion) => {
              const answer = answerOnPath(assessment, criterion);
              return (
                <li key={criterion} data-criterion={criterion} data-answer={answer === null ? 'not-asked' : answer ? 'yes' : 'no'}>
                  <span className="ihr-numeral">{NUMERALS[criterion]}.</span> {t(`events.ihrQuestion.${criterion}`)}{' '}
                  <strong>{answer === null ? t('events.ihrNotAsked') : answer ? t('events.yes') : t('events.no')}</strong>
                </li>
              );
            })}
          </ol>
        </article>
      ))}
    </section>
  );
};
