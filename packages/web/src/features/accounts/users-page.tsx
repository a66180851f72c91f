import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'wouter';
import { useAuth } from '../../app/auth.tsx';
import { api } from '../../shared/api/client.ts';
import type { Me, PublicUser } from '../../shared/api/types.ts';
import { useApi } from '../../shared/api/use-api.ts';
import { DataTable } from '../../shared/components/data-table.tsx';
import { ErrorNotice, Loading } from '../../shared/components/notice.tsx';
import { PageHeading } from '../../shared/components/page-heading.tsx';
import { regionApi } from '../region/region.api.ts';
import { jurisdictionName } from '../region/region-data.ts';
import { accountsApi } from './accounts.api.ts';

/**
 * The accounts you reach: the hub's roles see the whole region and can pick
 * a country; a party's roles see their own. The country comes from the URL
 * (?jurisdiction=UG), so a link can be shared — and the node refuses a
 * country out of your reach with ACCESS_OUT_OF_SCOPE, shown in words.
 */
export const UsersPage = () => {
  const { t } = useTranslation();
  const { me } = useAuth();
  const [search, setSearch] = useSearchParams();
  const jurisdiction = search.get('jurisdiction') ?? '';
  const users = useApi((signal) => accountsApi(api).listUsers({ jurisdiction: jurisdiction || undefined }, signal), [jurisdiction]);

  return (
    <>
      <PageHeading title={t('users.title')}>
        <p className="lede">{me?.regionWide ? t('users.ledeRegion') : t('users.ledeParty', { jurisdiction: me?.jurisdiction })}</p>
      </PageHeading>
      {me ? (
        <JurisdictionPicker
          me={me}
          value={jurisdiction}
          onChange={(value) =>
            setSearch((params) => {
              if (value) params.set('jurisdiction', value);
              else params.delete('jurisdiction');
              return params;
            })
          }
        />
      ) : null}
      {users.status === 'loading' ? <Loading /> : null}
      {users.status === 'failed' ? <ErrorNotice error={users.error} /> : null}
      {users.status === 'ready' ? <UsersTable users={users.data.users} /> : null}
    </>
  );
};

const JurisdictionPicker = ({ me, value, onChange }: { me: Me; value: string; onChange(value: string): void }) => {
  const { t, i18n } = useTranslation();
  const region = useApi((signal) => regionApi(api).region(signal), []);
  const all = region.status === 'ready' ? [...(region.data.hub ? [region.data.hub] : []), ...region.data.parties] : [];
  // A party's roles reach their own country only; the URL may still name
  // another, which stays selected so the refusal below makes sense.
  const options = me.regionWide ? all : all.filter((j) => j.code === me.jurisdiction || j.code === value);
  return (
    <label className="field field-inline">
      <span>{t('users.jurisdiction')}</span>
      <select value={value} onChange={(event) => onChange(event.target.value)}>
        <option value="">{me.regionWide ? t('users.allJurisdictions') : t('users.myJurisdiction')}</option>
        {options.map((j) => (
          <option key={j.code} value={j.code}>
            {jurisdictionName(j, i18n.language)} ({j.code})
          </option>
        ))}
      </select>
    </label>
  );
};

const UsersTable = ({ users }: { users: PublicUser[] }) => {
  const { t } = useTranslation();
  const state = (user: PublicUser) => (user.disabled ? t('users.disabled') : user.locked ? t('users.locked') : t('users.active'));
  return (
    <DataTable
      caption={t('users.caption', { count: users.length })}
      testId="users-table"
      rows={users}
      rowKey={(user) => user.id}
      initialSort={{ key: 'jurisdiction', direction: 'ascending' }}
      columns={[
        { key: 'name', header: t('users.name'), cell: (u) => u.displayName, sortValue: (u) => u.displayName },
        { key: 'email', header: t('accounts.email'), cell: (u) => u.email, sortValue: (u) => u.email },
        { key: 'jurisdiction', header: t('users.jurisdiction'), cell: (u) => u.jurisdiction, sortValue: (u) => u.jurisdiction },
        { key: 'roles', header: t('users.roles'), cell: (u) => u.roles.map((role) => t(`roles.${role}`)).join(', ') },
        { key: 'locale', header: t('layout.language'), cell: (u) => t(`languages.${u.locale}`) },
        { key: 'state', header: t('users.state'), cell: state, sortValue: state },
      ]}
    />
  );
};
