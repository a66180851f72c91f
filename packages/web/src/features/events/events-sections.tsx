import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';

/** The events pages as a second row of links under the heading. */
export const EventsSections = () => {
  const { t } = useTranslation();
  const [location] = useLocation();
  const links = [
    { href: '/events', label: t('events.sectionList') },
    { href: '/events/seven-one-seven', label: t('events.sectionSevenOneSeven') },
  ];
  return (
    <nav className="section-links" aria-label={t('events.sections')}>
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
