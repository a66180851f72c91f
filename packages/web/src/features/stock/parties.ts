import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../shared/api/client.ts';
import type { Jurisdiction } from '../../shared/api/types.ts';
import { useApi } from '../../shared/api/use-api.ts';
import { regionApi } from '../region/region.api.ts';
import { jurisdictionName } from '../region/region-data.ts';

/** The region's parties (in code order) and the hub, with a name function in the reader's language; codes until they arrive. */
export const useJurisdictions = () => {
  const { i18n } = useTranslation();
  const region = useApi((signal) => regionApi(api).region(signal), []);
  const data = region.status === 'ready' ? region.data : null;
  return useMemo(() => {
    const parties: Jurisdiction[] = data ? [...data.parties].sort((a, b) => a.code.localeCompare(b.code)) : [];
    const hub = data?.hub ?? null;
    const all = hub ? [...parties, hub] : parties;
    const name = (code: string) => {
      const found = all.find((j) => j.code === code);
      return found ? jurisdictionName(found, i18n.language) : code;
    };
    return { parties, hub, name, ready: data !== null };
  }, [data, i18n.language]);
};
