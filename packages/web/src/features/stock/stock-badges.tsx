import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../shared/i18n/format.ts';
import { bandOf, MAX_MONTHS, MIN_MONTHS, type StockBand } from './stock-bands.ts';

const BAND_SIGN: Record<StockBand, string> = { under: '▼ ', ok: '', over: '▲ ', unknown: '' };

/** One decimal, cut rather than rounded, so 5.98 months (under a minimum of 6) never reads "6". */
export const monthsText = (months: number, language: string) => formatNumber(Math.floor(months * 10) / 10, language, { maximumFractionDigits: 1 });

/**
 * Months of stock with its band in a sign and a word as well as a colour
 * (WCAG 1.4.1). `compact` (a cell of a wide table) keeps the sign and
 * leaves the word to screen readers and the tooltip; the legend says what
 * the signs mean.
 */
export const MonthsBadge = ({ months, compact = false }: { months: number | null; compact?: boolean }) => {
  const { t, i18n } = useTranslation();
  const band = bandOf(months);
  const value = months === null ? '—' : monthsText(months, i18n.language);
  const word = t(`stock.band.${band}`);
  return (
    <span className={`band band-${band}`} data-band={band} data-months={months ?? undefined} title={compact ? word : undefined}>
      {BAND_SIGN[band] ? <span aria-hidden="true">{BAND_SIGN[band]}</span> : null}
      <span className="band-value">{value}</span> <span className={compact ? 'visually-hidden' : 'band-word'}>{word}</span>
    </span>
  );
};

/** What the bands mean and where the thresholds come from. */
export const BandLegend = () => {
  const { t } = useTranslation();
  return (
    <div className="band-legend" data-testid="band-legend">
      <ul className="legend">
        {(['under', 'ok', 'over', 'unknown'] as const).map((band) => (
          <li key={band}>
            <span className={`band band-${band}`}>
              {BAND_SIGN[band] ? <span aria-hidden="true">{BAND_SIGN[band]}</span> : null}
              {t(`stock.band.${band}`)}
            </span>{' '}
            {t(`stock.bandRule.${band}`, { min: MIN_MONTHS, max: MAX_MONTHS })}
          </li>
        ))}
      </ul>
      <p className="source">{t('stock.bandSource', { min: MIN_MONTHS, max: MAX_MONTHS })}</p>
    </div>
  );
};

/** Yes/no with a sign, for compliance and alarms. */
export const Flag = ({ on, yes, no, tone = 'bad' }: { on: boolean; yes: string; no: string; tone?: 'bad' | 'good' }) => {
  const bad = tone === 'bad' ? on : !on;
  return (
    <span className={`flag ${bad ? 'flag-bad' : 'flag-good'}`} data-flag={on ? 'yes' : 'no'}>
      <span aria-hidden="true">{bad ? '⚠ ' : '✓ '}</span>
      {on ? yes : no}
    </span>
  );
};
