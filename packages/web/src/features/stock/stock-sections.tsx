import { useTranslation } from 'react-i18next';
import { useAuth } from '../../app/auth.tsx';
import { ALLOCATORS, holdsAny } from './stock-access.ts';
import { SectionLinks } from '../../shared/components/section-links.tsx';

/** The stock pages, as a second row of links under each page's heading. */
export const StockSections = () => {
  const { t } = useTranslation();
  const { me } = useAuth();
  const links = [
    { href: '/stock', label: t('stock.sections.levels') },
    { href: '/stock/expiring', label: t('stock.sections.expiring') },
    { href: '/stock/cold-chain', label: t('stock.sections.coldChain') },
    { href: '/stock/reserves', label: t('stock.sections.reserves') },
    { href: '/stock/requests', label: t('stock.sections.requests') },
    ...(holdsAny(me?.roles, ALLOCATORS) ? [{ href: '/stock/allocation', label: t('stock.sections.allocation') }] : []),
  ];
  return <SectionLinks label={t('stock.sections.label')} links={links} />;
};
