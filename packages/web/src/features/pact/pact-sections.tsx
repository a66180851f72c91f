import { useTranslation } from 'react-i18next';
import { useAuth } from '../../app/auth.tsx';
import { mayOpen } from '../../app/page.ts';
import { TRY_ACCESS } from './pact-access.ts';
import { SectionLinks } from '../../shared/components/section-links.tsx';

/** The pact's own pages, as a second row of links under the heading. */
export const PactSections = ({ id }: { id: string }) => {
  const { t } = useTranslation();
  const { me } = useAuth();
  const base = `/pacts/${id}`;
  const links = [
    { href: base, label: t('pact.sectionOverview') },
    { href: `${base}/diff`, label: t('pact.sectionDiff') },
    { href: `${base}/duties`, label: t('pact.sectionDuties') },
    { href: `${base}/triggers`, label: t('pact.sectionTriggers') },
    ...(mayOpen(TRY_ACCESS, me) ? [{ href: `/pact/try`, label: t('pact.sectionTry') }] : []),
  ];
  return <SectionLinks label={t('pact.sections')} links={links} />;
};
