import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import { useAuth } from '../../app/auth.tsx';
import { mayOpen } from '../../app/page.ts';
import { TRY_ACCESS } from './pact-access.ts';

/** The pact's own pages, as a second row of links under the heading. */
export const PactSections = ({ id }: { id: string }) => {
  const { t } = useTranslation();
  const { me } = useAuth();
  const [location] = useLocation();
  const base = `/pacts/${id}`;
  const links = [
    { href: base, label: t('pact.sectionOverview') },
    { href: `${base}/diff`, label: t('pact.sectionDiff') },
    { href: `${base}/duties`, label: t('pact.sectionDuties') },
    { href: `${base}/triggers`, label: t('pact.sectionTriggers') },
    ...(mayOpen(TRY_ACCESS, me) ? [{ href: `/pact/try`, label: t('pact.sectionTry') }] : []),
  ];
  return (
    <nav className="section-links" aria-label={t('pact.sections')}>
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
