import type { Me } from '../shared/api/types.ts';
import { mayOpen, type PageDefinition } from './page.ts';

export interface NavEntry {
  href: string;
  labelKey: string;
}

/** The navigation a reader sees: the pages they may open that asked for an entry, in order. */
export const navigationFor = (pages: readonly PageDefinition[], me: Me | null): NavEntry[] =>
  pages
    .filter((page) => page.nav && mayOpen(page.access, me) && (page.nav.visible?.(me) ?? true))
    .sort((a, b) => a.nav!.order - b.nav!.order)
    .map((page) => ({ href: page.nav!.href?.(me) ?? page.path, labelKey: page.nav!.labelKey }));
