import { useEffect, type ReactNode } from 'react';

/** The page's one h1, which also names the browser tab (the first thing a screen reader hears). */
export const PageHeading = ({ title, children }: { title: string; children?: ReactNode }) => {
  useEffect(() => {
    document.title = `${title} · Concord`;
  }, [title]);
  return (
    <div className="page-heading">
      <h1>{title}</h1>
      {children}
    </div>
  );
};
