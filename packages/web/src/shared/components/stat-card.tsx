import type { ReactNode } from 'react';

/** One figure with its label and, where it matters, its source or caveat. */
export const StatCard = ({ label, value, note }: { label: string; value: ReactNode; note?: ReactNode }) => (
  <div className="stat-card">
    <dt>{label}</dt>
    <dd>
      <span className="stat-value">{value}</span>
      {note ? <span className="stat-note">{note}</span> : null}
    </dd>
  </div>
);

export const StatCards = ({ children, label }: { children: ReactNode; label?: string }) => (
  <dl className="stat-cards" aria-label={label}>
    {children}
  </dl>
);
