import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { DataTable } from '../../shared/components/data-table.tsx';
import { formatCalendarDate, formatDateTime } from '../../shared/i18n/format.ts';
import type { PactDetail } from './pact.types.ts';

/** Every version with its dates and who has signed it (details on the version's page). */
export const VersionsTable = ({ pact }: { pact: PactDetail }) => {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const inForce = pact.status.state === 'in-force' || pact.status.state === 'suspended' ? pact.status.version : null;
  return (
    <DataTable
      caption={t('pact.versionsCaption', { count: pact.versions.length })}
      testId="versions-table"
      rows={[...pact.versions].reverse()}
      rowKey={(v) => String(v.version)}
      columns={[
        {
          key: 'version',
          header: t('pact.version'),
          cell: (v) => (
            <>
              <Link href={`/pacts/${pact.id}/versions/${v.version}`}>{t('pact.versionN', { version: v.version })}</Link>
              {v.version === inForce ? <span className="badge state-in-force">{t('pact.current')}</span> : null}
            </>
          ),
        },
        { key: 'effective', header: t('pact.effective'), cell: (v) => formatCalendarDate(v.effective, language) },
        { key: 'sunset', header: t('pact.sunset'), cell: (v) => formatCalendarDate(v.sunset, language) },
        { key: 'amends', header: t('pact.amends'), cell: (v) => (v.amends === null ? '—' : t('pact.versionN', { version: v.amends })) },
        { key: 'clauses', header: t('pact.clauses'), numeric: true, cell: (v) => v.clauses },
        {
          key: 'signatures',
          header: t('pact.signatures'),
          cell: (v) => {
            const { signed, missing, invalid } = v.signatureStatus;
            const total = signed.length + missing.length + invalid.length;
            return (
              <>
                <span className={v.signatureStatus.complete ? 'signature-ok' : 'signature-open'}>
                  {v.signatureStatus.complete ? '✓ ' : '… '}
                  {t('pact.signedOf', { signed: signed.length, total })}
                </span>
                {missing.length > 0 ? <span className="hint"> {t('pact.missing', { parties: missing.join(', ') })}</span> : null}
                {invalid.length > 0 ? <span className="hint"> {t('pact.invalid', { parties: invalid.join(', ') })}</span> : null}
                {v.signatures.length > 0 ? (
                  <span className="hint"> {t('pact.lastSigned', { at: formatDateTime(v.signatures.map((s) => s.at).sort().at(-1)!, language) })}</span>
                ) : null}
              </>
            );
          },
        },
      ]}
    />
  );
};
