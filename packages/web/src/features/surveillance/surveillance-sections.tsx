import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';

/** The surveillance pages as a second row of links under the heading. */
export const SurveillanceSections = () => {
  const { t } = useTranslation();
  const [location] = useLocation();
  const links = [
    { href: '/surveillance', label: t('surveillance.sectionSeries') },
    { href: '/surveillance/breakdown', label: t('surveillance.sectionBreakdown') },
    { href: '/surveillance/signals', label: t('surveillance.sectionSignals') },
  ];
  return (
    <nav className="section-links" aria-label={t('surveillance.sections')}>
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
