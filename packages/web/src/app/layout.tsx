import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import { LANGUAGES, isLanguage } from '../shared/i18n/language.ts';
import { switchLanguage } from '../shared/i18n/i18n.ts';
import { useAuth } from './auth.tsx';
import { navigationFor } from './nav.ts';
import { PAGES } from './pages.ts';

/**
 * The frame around every page: a skip link, the brand, the navigation built
 * from the page declarations, the language switch, who is signed in, and
 * the sources in the footer. On a phone the navigation folds behind a button.
 */
export const Layout = ({ children }: { children: ReactNode }) => {
  const { t } = useTranslation();
  const { me, status } = useAuth();
  const [location] = useLocation();
  const [menuOpen, setMenuOpen] = useState(false);
  const entries = navigationFor(PAGES, me);
  const current = currentEntry(location, entries.map((entry) => entry.href));

  return (
    <>
      <a className="skip-link" href="#main">
        {t('layout.skipToContent')}
      </a>
      <header className="site-header">
        <Link href="/" className="brand">
          Concord
        </Link>
        <button
          type="button"
          className="menu-button"
          aria-expanded={menuOpen}
          aria-controls="site-nav"
          onClick={() => setMenuOpen((open) => !open)}
        >
          {t('layout.menu')}
        </button>
        <nav id="site-nav" className={menuOpen ? 'site-nav open' : 'site-nav'} aria-label={t('layout.navigation')}>
          <ul>
            {entries.map((entry) => (
              <li key={entry.href}>
                <Link
                  href={entry.href}
                  aria-current={entry.href === current ? 'page' : undefined}
                  onClick={() => setMenuOpen(false)}
                >
                  {t(entry.labelKey)}
                </Link>
              </li>
            ))}
          </ul>
          <div className="header-tools">
            <LanguageSwitch />
            {status === 'signed-in' && me ? <SignedIn name={me.displayName} /> : null}
            {status === 'anonymous' ? (
              <Link href="/sign-in" className="button button-secondary">
                {t('accounts.signIn')}
              </Link>
            ) : null}
          </div>
        </nav>
      </header>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
      <footer className="site-footer">
        <p>
          {t('layout.sourcesShapes')}{' '}
          <a href="https://www.naturalearthdata.com/">Natural Earth</a> ({t('layout.publicDomain')}),{' '}
          {t('layout.via')} <a href="https://github.com/topojson/world-atlas">world-atlas</a>.{' '}
          {t('layout.sourcesPopulation')} <a href="https://data.worldbank.org/indicator/SP.POP.TOTL">World Bank WDI SP.POP.TOTL</a>.
        </p>
        <p>{t('layout.synthetic')}</p>
      </footer>
    </>
  );
};

const isCurrent = (location: string, href: string) => location === href || (href !== '/' && location.startsWith(`${href}/`));

/** The entry for where the reader is: the longest that matches, so /surveillance/signals is not also /surveillance. */
const currentEntry = (location: string, hrefs: readonly string[]) =>
  hrefs.filter((href) => isCurrent(location, href)).sort((a, b) => b.length - a.length)[0];

const LanguageSwitch = () => {
  const { t, i18n } = useTranslation();
  return (
    <label className="language-switch">
      <span>{t('layout.language')}</span>
      <select
        value={i18n.language}
        onChange={(event) => {
          if (isLanguage(event.target.value)) void switchLanguage(event.target.value);
        }}
      >
        {LANGUAGES.map((language) => (
          <option key={language} value={language} lang={language}>
            {t(`languages.${language}`, { lng: language })}
          </option>
        ))}
      </select>
    </label>
  );
};

const SignedIn = ({ name }: { name: string }) => {
  const { t } = useTranslation();
  const { signOut } = useAuth();
  const [, navigate] = useLocation();
  return (
    <div className="signed-in">
      <span className="user-name">{name}</span>
      <button
        type="button"
        className="button button-secondary"
        onClick={() => {
          void signOut().finally(() => navigate('/public'));
        }}
      >
        {t('accounts.signOut')}
      </button>
    </div>
  );
};
