import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import { useAuth } from '../../app/auth.tsx';
import { ALLOCATORS, holdsAny } from './stock-access.ts';

/** The stock pages, as a second row of links under each page's heading. */
export const StockSections = () => {
  const { t } = useTranslation();
  const { me } = useAuth();
  const [location] = useLocation();
  const links = [
    { href: '/stock', label: t('stock.sections.levels') },
    { href: '/stock/expiring', label: t('stock.sections.expiring') },
    { href: '/stock/cold-chain', label: t('stock.sections.coldChain') },
    { href: '/stock/reserves', label: t('stock.sections.reserves') },
    { href: '/stock/requests', label: t('stock.sections.requests') },
    ...(holdsAny(me?.roles, ALLOCATORS) ? [{ href: '/stock/allocation', label: t('stock.sections.allocation') }] : []),
  ];
  return (
    <nav className="section-links" aria-label={t('stock.sections.label')}>
      <ul>
        {links.map((link) => (
          <li key={link.href}>
            <Link href={link.href} aria-current={location === link.href ? 'page' : undefined}>
              {link.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
};
