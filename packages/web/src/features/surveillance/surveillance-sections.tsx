import { useTranslation } from 'react-i18next';
import { SectionLinks } from '../../shared/components/section-links.tsx';

/** The surveillance pages as a second row of links under the heading. */
export const SurveillanceSections = () => {
  const { t } = useTranslation();
  const links = [
    { href: '/surveillance', label: t('surveillance.sectionSeries') },
    { href: '/surveillance/breakdown', label: t('surveillance.sectionBreakdown') },
    { href: '/surveillance/signals', label: t('surveillance.sectionSignals') },
  ];
  return <SectionLinks label={t('surveillance.sections')} links={links} />;
};
