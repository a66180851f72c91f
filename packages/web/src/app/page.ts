import type { ComponentType } from 'react';
import type { Me, Role } from '../shared/api/types.ts';

/**
 * A page of the dashboard, declared by its feature (features/<context>/index.ts)
 * and collected in app/pages.ts. The router, the access check and the
 * navigation all read these declarations; no page is wired anywhere else.
 */
export type PageAccess = 'public' | 'signed-in' | { roles: readonly Role[] };

export interface PageDefinition {
  /** A wouter pattern, e.g. "/region/:code". */
  path: string;
  component: ComponentType;
  access: PageAccess;
  /** Shown in the navigation (to those who may open it) under this label, in this order. */
  nav?: {
    labelKey: string;
    order: number;
    /** Where the entry points when it depends on who reads (e.g. their own country). */
    href?: (me: Me | null) => string;
    /** Narrower than access: whom the entry is useful to. */
    visible?: (me: Me | null) => boolean;
  };
}

export const mayOpen = (access: PageAccess, me: Me | null): boolean => {
  if (access === 'public') return true;
  if (!me) return false;
  if (access === 'signed-in') return true;
  return access.roles.some((role) => me.roles.includes(role));
};
