/**
 * The shapes the node's API returns, as the dashboard reads them. They
 * mirror the zod schemas of packages/server/src/modules/<context>/*.routes.ts;
 * dates arrive as ISO 8601 strings.
 */

/** Mirrors ROLES in packages/core/src/roles.ts (a test keeps the two equal). */
export const ROLES = [
  'hub-coordinator',
  'national-focal-point',
  'facility-staff',
  'lab-staff',
  'procurement-officer',
  'auditor',
  'finance-officer',
  'negotiator',
] as const;
export type Role = (typeof ROLES)[number];

export type Locale = 'en' | 'fr';

export interface Me {
  id: string;
  email: string;
  displayName: string;
  jurisdiction: string;
  roles: Role[];
  regionWide: boolean;
  locale: Locale;
  via: 'session' | 'token';
}

export interface SignInResult {
  user: PublicUser;
  token: string;
  csrfToken: string;
  expiresAt: string;
}

export interface PublicUser {
  id: string;
  email: string;
  displayName: string;
  jurisdiction: string;
  roles: Role[];
  locale: Locale;
  locked: boolean;
  disabled: boolean;
  synthetic: boolean;
  createdAt: string;
}

export interface Jurisdiction {
  code: string;
  kind: 'party' | 'hub';
  nameEn: string;
  nameFr: string;
  iso3: string | null;
  isoNumeric: string | null;
  population: number | null;
  populationYear: number | null;
  populationSource: string | null;
  languages: string[];
}

export interface Region {
  hub: Jurisdiction | null;
  parties: Jurisdiction[];
}

export interface Area {
  code: string;
  jurisdiction: string;
  name: string;
  level: number;
  population: number | null;
  syntheticPopulation: boolean;
}

export interface JurisdictionDetail extends Jurisdiction {
  areas: Area[];
}

export interface Facility {
  id: string;
  jurisdiction: string;
  area: string | null;
  name: string;
  kind: 'hospital' | 'health-centre' | 'laboratory' | 'store' | 'point-of-entry';
  level: string | null;
  latitude: number | null;
  longitude: number | null;
  services: string[];
  beds: number | null;
  synthetic: boolean;
}

export interface AuditRow {
  seq: number;
  at: string;
  actor: string;
  action: string;
  entityType: string;
  entityId: string | null;
  jurisdiction: string | null;
  details: unknown;
  hash: string;
}

export interface AuditVerification {
  ok: boolean;
  checked: number;
  firstBroken: { seq: number; reason: string } | null;
}

/** The error body every refused request carries (docs/errors.md). */
export interface ErrorBody {
  code: string;
  message: string;
  params: Record<string, unknown>;
  requestId: string;
}
