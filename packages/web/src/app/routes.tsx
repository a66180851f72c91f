import { useTranslation } from 'react-i18next';
import { Redirect, Route, Switch, useLocation, useSearch } from 'wouter';
import { ApiError } from '../shared/api/client.ts';
import { ErrorNotice, Loading } from '../shared/components/notice.tsx';
import { PageHeading } from '../shared/components/page-heading.tsx';
import { useAuth } from './auth.tsx';
import { mayOpen, type PageDefinition } from './page.ts';
import { PAGES } from './pages.ts';
import { startPageFor } from './start-page.ts';

/**
 * Every declared page becomes a route behind the same check: public pages
 * open for anyone, others send a visitor to sign in (and back afterwards),
 * and a role that may not open a page reads why instead of a blank screen.
 * The API checks again on every request; this only spares a useless trip.
 */
export const Routes = () => (
  <Switch>
    <Route path="/">
      <Home />
    </Route>
    {PAGES.map((page) => (
      <Route key={page.path} path={page.path}>
        <Guarded page={page} />
      </Route>
    ))}
    <Route>
      <NotFound />
    </Route>
  </Switch>
);

const Guarded = ({ page }: { page: PageDefinition }) => {
  const { status, me } = useAuth();
  const [location] = useLocation();
  const search = useSearch();
  const { t } = useTranslation();
  if (page.access === 'public') return <page.component />;
  if (status === 'loading') return <Loading />;
  if (!me) {
    const next = encodeURIComponent(search ? `${location}?${search}` : location);
    return <Redirect to={`/sign-in?next=${next}`} replace />;
  }
  if (!mayOpen(page.access, me)) {
    const needed = typeof page.access === 'object' ? page.access.roles : [];
    return (
      <>
        <PageHeading title={t('layout.refusedTitle')} />
        <ErrorNotice error={new ApiError('ACCESS_ROLE_DENIED', 'This page needs another role.', 403, { needed })} />
      </>
    );
  }
  return <page.component />;
};

/** `/`: your start page when signed in, the public page otherwise. */
const Home = () => {
  const { status, me } = useAuth();
  if (status === 'loading') return <Loading />;
  return <Redirect to={me ? startPageFor(me) : '/public'} replace />;
};

const NotFound = () => {
  const { t } = useTranslation();
  return (
    <>
      <PageHeading title={t('layout.notFoundTitle')} />
      <p>{t('layout.notFound')}</p>
    </>
  );
};
