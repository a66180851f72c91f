import { useTranslation } from 'react-i18next';
import type { Area, Jurisdiction } from '../../shared/api/types.ts';
import { jurisdictionName } from '../region/region-data.ts';
import { AreaSelect, DiseaseSelect, PartySelect } from './pickers.tsx';
import type { SeriesView } from './series-view.ts';
import { DETECTION_METHODS } from './surveillance.types.ts';

/** The series page's choices; every change goes to the URL, which the page reads back. */
export const SeriesControls = ({
  view,
  party,
  parties,
  areas,
  onChange,
}: {
  view: SeriesView;
  party: string;
  parties: readonly Jurisdiction[];
  areas: readonly Area[];
  onChange(next: SeriesView): void;
}) => {
  const { t, i18n } = useTranslation();
  const country = parties.find((p) => p.code === party);
  const set = (change: Partial<SeriesView>) => onChange({ ...view, party, ...change });
  return (
    <form className="filters" aria-label={t('surveillance.seriesControls')} onSubmit={(event) => event.preventDefault()}>
      {/* Another party's areas do not apply, and an event's marks belong to its own series. */}
      <PartySelect parties={parties} value={party} onChange={(value) => set({ party: value, area: 'all', event: undefined })} />
      <DiseaseSelect value={view.disease} onChange={(value) => set({ disease: value as SeriesView['disease'], event: undefined })} />
      <AreaSelect areas={areas} value={view.area} onChange={(value) => set({ area: value })} countryName={country ? jurisdictionName(country, i18n.language) : party} />
      <label className="field field-inline">
        <span>{t('surveillance.from')}</span>
        <input type="date" value={view.from ?? ''} onChange={(event) => set({ from: event.target.value || undefined })} />
      </label>
      <label className="field field-inline">
        <span>{t('surveillance.to')}</span>
        <input type="date" value={view.to ?? ''} onChange={(event) => set({ to: event.target.value || undefined })} />
      </label>
      <label className="field field-inline">
        <span>{t('surveillance.method')}</span>
        <select value={view.method ?? ''} onChange={(event) => set({ method: (event.target.value || undefined) as SeriesView['method'] })}>
          <option value="">{t('surveillance.methodStored')}</option>
          {DETECTION_METHODS.map((method) => (
            <option key={method} value={method}>
              {t(`surveillance.methods.${method}`)}
            </option>
          ))}
        </select>
      </label>
    </form>
  );
};
