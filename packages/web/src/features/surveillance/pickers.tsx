import { useTranslation } from 'react-i18next';
import { api } from '../../shared/api/client.ts';
import type { Area, Jurisdiction } from '../../shared/api/types.ts';
import { useApi } from '../../shared/api/use-api.ts';
import { jurisdictionName } from '../region/region-data.ts';
import { regionApi } from '../region/region.api.ts';
import { DISEASE_CODES } from './diseases.ts';

/**
 * The choices the surveillance and events pages share: a partner state, a
 * disease of the catalogue, an ISO 3166-2 area of the chosen state. Each is
 * a labelled select; the node still decides what the reader may see, and a
 * refusal is shown in words where the data would be.
 */
export const usePartyList = (): Jurisdiction[] => {
  const region = useApi((signal) => regionApi(api).region(signal), []);
  return region.status === 'ready' ? region.data.parties : [];
};

export const PartySelect = ({
  parties,
  value,
  onChange,
  allLabel,
  only,
}: {
  parties: readonly Jurisdiction[];
  value: string;
  onChange(value: string): void;
  /** Offer "all" (an empty value) under this label. */
  allLabel?: string;
  /** Offer only this party (and the current value, so a refusal of another still makes sense). */
  only?: string;
}) => {
  const { t, i18n } = useTranslation();
  const options = only ? parties.filter((p) => p.code === only || p.code === value) : parties;
  return (
    <label className="field field-inline">
      <span>{t('surveillance.party')}</span>
      <select value={value} onChange={(event) => onChange(event.target.value)} data-testid="party-select">
        {allLabel !== undefined ? <option value="">{allLabel}</option> : null}
        {options.map((p) => (
          <option key={p.code} value={p.code}>
            {jurisdictionName(p, i18n.language)} ({p.code})
          </option>
        ))}
        {value === '' || options.some((p) => p.code === value) ? null : <option value={value}>{value}</option>}
      </select>
    </label>
  );
};

export const diseaseName = (t: (key: string, options?: Record<string, unknown>) => string, code: string | null | undefined) =>
  code ? t(`diseases.${code}`, { defaultValue: code }) : t('surveillance.unknownCause');

export const DiseaseSelect = ({ value, onChange, allLabel }: { value: string; onChange(value: string): void; allLabel?: string }) => {
  const { t, i18n } = useTranslation();
  const collator = new Intl.Collator(i18n.language);
  const codes = [...DISEASE_CODES].sort((a, b) => collator.compare(diseaseName(t, a), diseaseName(t, b)));
  return (
    <label className="field field-inline">
      <span>{t('surveillance.disease')}</span>
      <select value={value} onChange={(event) => onChange(event.target.value)} data-testid="disease-select">
        {allLabel !== undefined ? <option value="">{allLabel}</option> : null}
        {codes.map((code) => (
          <option key={code} value={code}>
            {diseaseName(t, code)}
          </option>
        ))}
      </select>
    </label>
  );
};

/** The areas of one partner state (ISO 3166-2), loaded with it. */
export const useAreas = (party: string | null): Area[] => {
  const detail = useApi((signal) => (party ? regionApi(api).jurisdiction(party, signal) : Promise.resolve(null)), [party]);
  return detail.status === 'ready' && detail.data ? detail.data.areas : [];
};

export const AreaSelect = ({ areas, value, onChange, countryName }: { areas: readonly Area[]; value: string; onChange(value: string): void; countryName: string }) => {
  const { t } = useTranslation();
  return (
    <label className="field field-inline">
      <span>{t('surveillance.area')}</span>
      <select value={value} onChange={(event) => onChange(event.target.value)} data-testid="area-select">
        <option value="all">{t('surveillance.wholeCountry', { country: countryName })}</option>
        {areas.map((area) => (
          <option key={area.code} value={area.code}>
            {area.code} · {area.name}
          </option>
        ))}
        {value === 'all' || areas.some((a) => a.code === value) ? null : <option value={value}>{value}</option>}
      </select>
    </label>
  );
};

/** A place in words: an area's name and code, or the whole country. */
export const placeName = (area: string, areas: readonly Area[], countryName: string): string => {
  if (area === 'all') return countryName;
  const known = areas.find((a) => a.code === area);
  return known ? `${known.name} (${area})` : area;
};
