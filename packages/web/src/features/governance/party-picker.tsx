import { useTranslation } from 'react-i18next';
import { useAuth } from '../../app/auth.tsx';
import { api } from '../../shared/api/client.ts';
import { useApi } from '../../shared/api/use-api.ts';
import { regionApi } from '../region/region.api.ts';
import { jurisdictionName } from '../region/region-data.ts';

/**
 * A partner state to look at. The hub's roles choose any; a party's roles
 * see their own (the node refuses another with ACCESS_OUT_OF_SCOPE, and a
 * party named in the URL stays selectable so that refusal makes sense).
 */
export const PartyPicker = ({ value, onChange, allLabel }: { value: string; onChange(value: string): void; allLabel?: string }) => {
  const { t, i18n } = useTranslation();
  const { me } = useAuth();
  const region = useApi((signal) => regionApi(api).region(signal), []);
  const parties = region.status === 'ready' ? region.data.parties : [];
  const options = me?.regionWide ? parties : parties.filter((p) => p.code === me?.jurisdiction || p.code === value);
  return (
    <label className="field field-inline">
      <span>{t('governance.party')}</span>
      <select value={value} onChange={(event) => onChange(event.target.value)}>
        {allLabel !== undefined ? <option value="">{allLabel}</option> : null}
        {options.map((p) => (
          <option key={p.code} value={p.code}>
            {jurisdictionName(p, i18n.language)} ({p.code})
          </option>
        ))}
        {options.some((p) => p.code === value) || value === '' ? null : <option value={value}>{value}</option>}
      </select>
    </label>
  );
};
