import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../app/auth.tsx';
import { api } from '../../shared/api/client.ts';
import { useApi } from '../../shared/api/use-api.ts';
import { DataTable } from '../../shared/components/data-table.tsx';
import { ErrorNotice, Loading } from '../../shared/components/notice.tsx';
import { PageHeading } from '../../shared/components/page-heading.tsx';
import { formatDateTime, formatNumber } from '../../shared/i18n/format.ts';
import { governanceApi } from './governance.api.ts';
import type { KeyRotation } from './governance.types.ts';

/**
 * Retention and keys, for hub coordinators and auditors: what each
 * retention target purges and what the last runs deleted or anonymised;
 * which field key is active and how the rotations went. The hub
 * coordinator can run retention now and rotate the key (after confirming).
 */
export const DataCarePage = () => {
  const { t } = useTranslation();
  const { me } = useAuth();
  const coordinator = me?.roles.includes('hub-coordinator') ?? false;
  return (
    <>
      <PageHeading title={t('dataCare.title')}>
        <p className="lede">{t('dataCare.lede')}</p>
      </PageHeading>
      <Retention coordinator={coordinator} />
      <Keys coordinator={coordinator} />
    </>
  );
};

const Retention = ({ coordinator }: { coordinator: boolean }) => {
  const { t, i18n } = useTranslation();
  const overview = useApi((signal) => governanceApi(api).retention(signal), []);
  const [run, setRun] = useState<{ status: 'idle' | 'running' } | { status: 'done'; purged: number } | { status: 'failed'; error: unknown }>({ status: 'idle' });
  const runNow = async () => {
    setRun({ status: 'running' });
    try {
      const { results } = await governanceApi(api).runRetention();
      setRun({ status: 'done', purged: results.reduce((sum, r) => sum + r.deleted + r.anonymised, 0) });
      overview.reload();
    } catch (error) {
      setRun({ status: 'failed', error });
    }
  };
  return (
    <section aria-labelledby="retention-heading">
      <h2 id="retention-heading">{t('dataCare.retentionHeading')}</h2>
      <p className="hint">{t('dataCare.retentionHint')}</p>
      {coordinator ? (
        <div className="button-row">
          <button type="button" className="button" onClick={runNow} disabled={run.status === 'running'}>
            {t('dataCare.runNow')}
          </button>
        </div>
      ) : null}
      <div role="status">{run.status === 'done' ? <p className="notice notice-ok">{t('dataCare.ran', { count: run.purged })}</p> : null}</div>
      {run.status === 'failed' ? <ErrorNotice error={run.error} /> : null}
      {overview.status === 'loading' ? <Loading /> : null}
      {overview.status === 'failed' ? <ErrorNotice error={overview.error} /> : null}
      {overview.status === 'ready' ? (
        <>
          <DataTable
            caption={t('dataCare.targetsCaption', { count: overview.data.targets.length })}
            testId="retention-targets"
            rows={overview.data.targets}
            rowKey={(target) => target.name}
            empty={t('dataCare.noTargets')}
            columns={[
              { key: 'name', header: t('dataCare.target'), cell: (target) => <code>{target.name}</code> },
              { key: 'description', header: t('dataCare.description'), cell: (target) => target.description },
            ]}
          />
          <DataTable
            caption={t('dataCare.runsCaption', { count: overview.data.runs.length })}
            testId="retention-runs"
            rows={overview.data.runs}
            rowKey={(r) => r.id}
            empty={t('dataCare.noRuns')}
            columns={[
              { key: 'at', header: t('audit.at'), cell: (r) => formatDateTime(r.at, i18n.language) },
              { key: 'target', header: t('dataCare.target'), cell: (r) => <code>{r.target}</code> },
              { key: 'deleted', header: t('dataCare.deleted'), numeric: true, cell: (r) => formatNumber(r.deleted, i18n.language) },
              { key: 'anonymised', header: t('dataCare.anonymised'), numeric: true, cell: (r) => formatNumber(r.anonymised, i18n.language) },
            ]}
          />
        </>
      ) : null}
    </section>
  );
};

const Keys = ({ coordinator }: { coordinator: boolean }) => {
  const { t, i18n } = useTranslation();
  const keys = useApi((signal) => governanceApi(api).keys(signal), []);
  const [confirming, setConfirming] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const running = keys.status === 'ready' && keys.data.rotations.some((r) => r.status === 'running');
  // Follow a rotation in progress until it is done.
  useEffect(() => {
    if (!running) return;
    const timer = setTimeout(keys.reload, 2_000);
    return () => clearTimeout(timer);
  }, [running, keys.reload]);
  const rotate = async () => {
    setFailure(null);
    try {
      await governanceApi(api).rotateKeys();
      setConfirming(false);
      keys.reload();
    } catch (error) {
      setFailure(error);
    }
  };
  const progress = (r: KeyRotation) => (r.total === 0 ? '100 %' : formatNumber(r.done / r.total, i18n.language, { style: 'percent' }));
  return (
    <section aria-labelledby="keys-heading">
      <h2 id="keys-heading">{t('dataCare.keysHeading')}</h2>
      <p className="hint">{t('dataCare.keysHint')}</p>
      {keys.status === 'loading' ? <Loading /> : null}
      {keys.status === 'failed' ? <ErrorNotice error={keys.error} /> : null}
      {keys.status === 'ready' ? (
        <>
          <p>
            {t('dataCare.activeKey')} <code data-testid="active-key">{keys.data.activeKeyId}</code>
          </p>
          {coordinator ? (
            confirming ? (
              <div className="confirm" role="group" aria-labelledby="rotate-confirm">
                <p id="rotate-confirm">{t('dataCare.rotateConfirm')}</p>
                <div className="button-row">
                  <button type="button" className="button" onClick={rotate}>
                    {t('dataCare.rotateYes')}
                  </button>
                  <button type="button" className="button button-secondary" onClick={() => setConfirming(false)}>
                    {t('common.cancel')}
                  </button>
                </div>
              </div>
            ) : (
              <button type="button" className="button button-secondary" onClick={() => setConfirming(true)}>
                {t('dataCare.rotate')}
              </button>
            )
          ) : null}
          {failure ? <ErrorNotice error={failure} /> : null}
          <DataTable
            caption={t('dataCare.rotationsCaption', { count: keys.data.rotations.length })}
            testId="key-rotations"
            rows={keys.data.rotations}
            rowKey={(r) => r.id}
            empty={t('dataCare.noRotations')}
            columns={[
              { key: 'started', header: t('dataCare.started'), cell: (r) => formatDateTime(r.startedAt, i18n.language) },
              { key: 'kid', header: t('dataCare.newKey'), cell: (r) => <code>{r.targetKid}</code> },
              { key: 'progress', header: t('dataCare.progress'), cell: (r) => `${progress(r)} (${formatNumber(r.done, i18n.language)} / ${formatNumber(r.total, i18n.language)})` },
              { key: 'status', header: t('dataCare.status'), cell: (r) => `${t(`dataCare.rotation.${r.status}`)}${r.error ? ` — ${r.error}` : ''}` },
              { key: 'finished', header: t('dataCare.finished'), cell: (r) => (r.finishedAt ? formatDateTime(r.finishedAt, i18n.language) : '—') },
            ]}
          />
        </>
      ) : null}
    </section>
  );
};
