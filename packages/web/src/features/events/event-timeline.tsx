import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../shared/i18n/format.ts';
import type { TimelineEntry } from './events.types.ts';

/**
 * What happened to the event, oldest first: each step's kind in the
 * reader's language, who took it, and the node's own summary (English).
 */
export const EventTimeline = ({ entries }: { entries: readonly TimelineEntry[] }) => {
  const { t, i18n } = useTranslation();
  return (
    <section aria-labelledby="timeline-heading">
      <h2 id="timeline-heading">{t('events.timelineHeading')}</h2>
      {entries.length === 0 ? <p>{t('events.noTimeline')}</p> : null}
      <ol className="timeline" data-testid="event-timeline">
        {entries.map((entry) => (
          <li key={entry.id} data-kind={entry.kind}>
            <time dateTime={entry.at}>{formatDateTime(entry.at, i18n.language)}</time>
            <span className="timeline-kind">{t(`events.timelineKind.${entry.kind}`, { defaultValue: entry.kind })}</span>
            <span className="timeline-summary" lang="en">
              {entry.summary}
            </span>
            <span className="hint timeline-actor">{entry.actor}</span>
          </li>
        ))}
      </ol>
    </section>
  );
};
