import { Link, useLocation } from 'wouter';

export interface SectionLink {
  href: string;
  label: string;
}

/** A feature's own pages as a second row of links under the heading, the current one marked for screen readers. */
export const SectionLinks = ({ label, links }: { label: string; links: readonly SectionLink[] }) => {
  const [location] = useLocation();
  return (
    <nav className="section-links" aria-label={label}>
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
