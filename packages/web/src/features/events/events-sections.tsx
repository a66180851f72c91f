import { useTranslation } from 'react-i18next';
import { SectionLinks } from '../../shared/components/section-links.tsx';

/** The events pages as a second row of links under the heading. */
export const EventsSections = () => {
  const { t } = useTranslation();
  const links = [
    { href: '/events', label: t('events.sectionList') },
    { href: '/events/seven-one-seven', label: t('events.sectionSevenOneSeven') },
  ];
  return <SectionLinks label={t('events.sections')} links={links} />;
};
