import type { Role } from '@concord/core';

/**
 * The authorisation matrix: who may call each route at the role layer (the
 * route's declared `config.access`, checked before the body is read). It is
 * written out by hand on purpose and never derived from the running app, so
 * that a change of access on either side, or a route nobody thought about,
 * fails test/security/access-matrix.int.test.ts until this table is
 * updated in the same change (docs/governance.md, "Authorisation matrix").
 *
 * `x` = allowed at the role layer, `.` = refused (403 ACCESS_ROLE_DENIED, or
 * 401 AUTH_REQUIRED for someone not signed in). Allowed here does not mean
 * every call succeeds: the services still apply jurisdiction scope and the
 * pact. Lines starting with `#` are section titles.
 *
 * Columns: anon = not signed in; hub = hub-coordinator; aud = auditor;
 * fin = finance-officer; proc = procurement-officer; neg = negotiator;
 * nfp = national-focal-point; fac = facility-staff; lab = lab-staff.
 */
export const ACCESS_MATRIX = `
route                                                     anon hub  aud  fin  proc neg  nfp  fac  lab

# Root: API reference, health, pact schema, federation inbox, the dashboard
GET    /docs                                              x    x    x    x    x    x    x    x    x
GET    /docs/static/index.html                            x    x    x    x    x    x    x    x    x
GET    /docs/static/swagger-initializer.js                x    x    x    x    x    x    x    x    x
GET    /docs/json                                         x    x    x    x    x    x    x    x    x
GET    /docs/yaml                                         x    x    x    x    x    x    x    x    x
GET    /docs/static/*                                     x    x    x    x    x    x    x    x    x
GET    /openapi.json                                      x    x    x    x    x    x    x    x    x
GET    /healthz                                           x    x    x    x    x    x    x    x    x
GET    /readyz                                            x    x    x    x    x    x    x    x    x
GET    /schemas/pact.json                                 x    x    x    x    x    x    x    x    x
POST   /federation/v1/messages                            x    x    x    x    x    x    x    x    x
GET    /*                                                 x    x    x    x    x    x    x    x    x

# Accounts: sign-in, users, API tokens
POST   /api/v1/auth/sign-in                               x    x    x    x    x    x    x    x    x
POST   /api/v1/auth/sign-out                              x    x    x    x    x    x    x    x    x
GET    /api/v1/me                                         .    x    x    x    x    x    x    x    x
GET    /api/v1/users                                      .    x    x    x    x    x    x    x    x
GET    /api/v1/users/:id                                  .    x    x    x    x    x    x    x    x
POST   /api/v1/users                                      .    x    .    .    .    .    x    .    .
GET    /api/v1/tokens                                     .    x    x    x    x    x    x    x    x
POST   /api/v1/tokens                                     .    x    x    x    x    x    x    x    x
DELETE /api/v1/tokens/:id                                 .    x    x    x    x    x    x    x    x

# Audit log
GET    /api/v1/audit                                      .    x    x    .    .    .    x    .    .
GET    /api/v1/audit/verify                               .    x    x    .    .    .    .    .    .

# Region
GET    /api/v1/region                                     x    x    x    x    x    x    x    x    x
GET    /api/v1/region/jurisdictions/:code                 x    x    x    x    x    x    x    x    x
GET    /api/v1/region/geo                                 x    x    x    x    x    x    x    x    x
GET    /api/v1/region/facilities                          .    x    x    x    x    x    x    x    x

# Pact and decisions
GET    /api/v1/pacts                                      .    x    x    x    x    x    x    x    x
POST   /api/v1/pacts                                      .    x    .    .    .    x    .    .    .
GET    /api/v1/pacts/:id                                  .    x    x    x    x    x    x    x    x
POST   /api/v1/pacts/:id/versions                         .    x    .    .    .    x    .    .    .
GET    /api/v1/pacts/:id/versions/:version                .    x    x    x    x    x    x    x    x
GET    /api/v1/pacts/:id/versions/:version/clauses        .    x    x    x    x    x    x    x    x
POST   /api/v1/pacts/:id/versions/:version/signatures     .    x    .    .    .    x    x    .    .
POST   /api/v1/pacts/:id/suspend                          .    x    .    .    .    x    .    .    .
POST   /api/v1/pacts/:id/resume                           .    x    .    .    .    x    .    .    .
POST   /api/v1/pacts/:id/renew                            .    x    .    .    .    x    .    .    .
GET    /api/v1/pacts/:id/diff                             .    x    x    x    x    x    x    x    x
GET    /api/v1/pacts/:id/duties                           .    x    x    x    x    x    x    x    x
GET    /api/v1/pacts/:id/triggers                         .    x    x    x    x    x    x    x    x
GET    /api/v1/pacts/:id/odrl                             .    x    x    x    x    x    x    x    x
POST   /api/v1/decisions/dry-run                          .    x    x    x    x    x    x    x    x
GET    /api/v1/decisions                                  .    x    x    .    .    .    x    .    .

# Governance: access report, breaches, consents, retention, keys
GET    /api/v1/governance/access-report                   .    x    x    .    .    .    x    .    .
GET    /api/v1/breaches                                   .    x    x    .    .    .    x    .    .
POST   /api/v1/breaches                                   .    x    x    x    x    x    x    x    x
GET    /api/v1/breaches/alerts                            .    x    x    .    .    .    x    .    .
POST   /api/v1/breaches/alerts/:id/acknowledge            .    x    .    .    .    .    x    .    .
GET    /api/v1/breaches/:id                               .    x    x    .    .    .    x    .    .
POST   /api/v1/breaches/:id/assess                        .    x    x    .    .    .    x    .    .
POST   /api/v1/breaches/:id/contain                       .    x    x    .    .    .    x    .    .
POST   /api/v1/breaches/:id/notify                        .    x    x    .    .    .    x    .    .
POST   /api/v1/breaches/:id/notify-subjects               .    x    x    .    .    .    x    .    .
POST   /api/v1/breaches/:id/remedies                      .    x    x    .    .    .    x    .    .
POST   /api/v1/breaches/:id/remedies/:index/done          .    x    x    .    .    .    x    .    .
POST   /api/v1/breaches/:id/close                         .    x    x    .    .    .    x    .    .
POST   /api/v1/consents                                   .    .    .    .    .    .    x    x    x
GET    /api/v1/consents                                   .    x    x    .    .    .    x    x    x
POST   /api/v1/consents/:id/revoke                        .    .    .    .    .    .    x    x    x
GET    /api/v1/governance/retention                       .    x    x    .    .    .    .    .    .
POST   /api/v1/governance/retention/run                   .    x    .    .    .    .    .    .    .
POST   /api/v1/governance/keys/rotate                     .    x    .    .    .    .    .    .    .
GET    /api/v1/governance/keys                            .    x    x    .    .    .    .    .    .
GET    /api/v1/governance/keys/rotations/:id              .    x    x    .    .    .    .    .    .

# Surveillance
POST   /api/v1/surveillance/cases                         .    .    .    .    .    .    x    x    x
POST   /api/v1/surveillance/cases/batch                   .    .    .    .    .    .    x    x    x
POST   /api/v1/surveillance/cases/csv                     .    .    .    .    .    .    x    x    x
POST   /api/v1/surveillance/aggregates                    .    .    .    .    .    .    x    x    x
GET    /api/v1/surveillance/dhis2/mapping                 .    .    .    .    .    .    x    x    x
PUT    /api/v1/surveillance/dhis2/mapping                 .    .    .    .    .    .    x    .    .
POST   /api/v1/surveillance/dhis2/dataValueSets           .    .    .    .    .    .    x    x    x
POST   /api/v1/surveillance/fhir/MeasureReport            .    .    .    .    .    .    x    x    x
GET    /api/v1/surveillance/cases                         .    x    x    x    x    x    x    x    x
GET    /api/v1/surveillance/aggregates                    .    x    x    x    x    x    x    x    x
GET    /api/v1/surveillance/series                        .    x    x    x    x    x    x    x    x
GET    /api/v1/surveillance/signals                       .    x    x    x    x    x    x    x    x
POST   /api/v1/surveillance/signals/:id/dismiss           .    .    .    .    .    .    x    .    .
POST   /api/v1/surveillance/detection/run                 .    x    .    .    .    .    x    .    .
GET    /api/v1/surveillance/indicators                    .    x    x    x    x    x    x    x    x
GET    /api/v1/public/cases                               x    x    x    x    x    x    x    x    x

# Events and notifications
GET    /api/v1/events                                     .    x    x    x    x    x    x    x    x
POST   /api/v1/events                                     .    .    .    .    .    .    x    .    .
GET    /api/v1/events/alerts                              .    x    x    x    x    x    x    x    x
GET    /api/v1/events/seven-one-seven                     .    x    x    x    x    x    x    x    x
GET    /api/v1/public/response-times                      x    x    x    x    x    x    x    x    x
GET    /api/v1/events/:id                                 .    x    x    x    x    x    x    x    x
PATCH  /api/v1/events/:id                                 .    .    .    .    .    .    x    .    .
POST   /api/v1/events/:id/verify                          .    .    .    .    .    .    x    .    .
POST   /api/v1/events/:id/risk-assessments                .    .    .    .    .    .    x    .    .
POST   /api/v1/events/:id/ihr-assessments                 .    .    .    .    .    .    x    .    .
POST   /api/v1/events/:id/close                           .    .    .    .    .    .    x    .    .
GET    /api/v1/notifications                              .    x    x    x    x    x    x    x    x
POST   /api/v1/notifications/:id/acknowledge              .    x    x    x    x    x    x    x    x

# Stock, cold chain, sharing, allocation
GET    /api/v1/stock/stores                               .    x    x    x    x    x    x    x    x
POST   /api/v1/stock/stores/:store/receipts               .    x    .    .    x    .    x    x    .
POST   /api/v1/stock/stores/:store/issues                 .    x    .    .    x    .    x    x    .
POST   /api/v1/stock/transfers                            .    x    .    .    x    .    x    x    .
POST   /api/v1/stock/stores/:store/adjustments            .    x    .    .    x    .    x    x    .
POST   /api/v1/stock/stores/:store/losses                 .    x    .    .    x    .    x    x    .
GET    /api/v1/stock/stores/:store/lots                   .    x    x    x    x    x    x    x    x
GET    /api/v1/stock/stores/:store/entries                .    x    x    x    x    x    x    x    x
GET    /api/v1/stock/ledger/verify                        .    x    x    .    .    .    .    .    .
POST   /api/v1/stock/cold-chain/devices                   .    x    .    .    x    .    x    x    .
GET    /api/v1/stock/cold-chain/devices                   .    x    x    x    x    x    x    x    x
GET    /api/v1/stock/cold-chain/devices/:device/readings  .    x    x    x    x    x    x    x    x
POST   /api/v1/stock/cold-chain/readings                  .    x    .    .    x    .    x    x    .
POST   /api/v1/stock/cold-chain/readings/csv              .    x    .    .    x    .    x    x    .
GET    /api/v1/stock/cold-chain/alarms                    .    x    x    x    x    x    x    x    x
GET    /api/v1/stock/quarantines                          .    x    x    x    x    x    x    x    x
POST   /api/v1/stock/quarantines/:id/decision             .    x    .    .    x    .    x    x    .
POST   /api/v1/stock/requests                             .    x    .    .    .    .    x    .    .
GET    /api/v1/stock/requests                             .    x    x    x    x    x    x    x    x
GET    /api/v1/stock/requests/:id                         .    x    x    x    x    x    x    x    x
POST   /api/v1/stock/requests/:id/decision                .    x    .    .    .    .    x    .    .
POST   /api/v1/stock/requests/:id/shipment                .    x    .    .    x    .    x    x    .
POST   /api/v1/stock/requests/:id/receipt                 .    x    .    .    x    .    x    x    .
POST   /api/v1/stock/requests/:id/repayments              .    x    .    .    x    .    x    x    .
POST   /api/v1/stock/allocations                          .    x    .    .    .    .    .    .    .
GET    /api/v1/stock/levels                               .    x    x    x    x    x    x    x    x
GET    /api/v1/stock/expiring                             .    x    x    x    x    x    x    x    x
GET    /api/v1/stock/reserves                             .    x    x    x    x    x    x    x    x
GET    /api/v1/public/stock-levels                        x    x    x    x    x    x    x    x    x
GET    /api/v1/stock/products                             x    x    x    x    x    x    x    x    x

# Federation (API side)
POST   /api/v1/federation/alerts                          .    x    .    .    .    .    x    .    .
POST   /api/v1/federation/outbox                          .    x    .    .    .    .    x    .    .
GET    /api/v1/federation/outbox                          .    x    .    .    .    .    x    .    .
GET    /api/v1/federation/outbox/:id                      .    x    .    .    .    .    x    .    .
GET    /api/v1/federation/inbox                           .    x    .    .    .    .    x    .    .
GET    /api/v1/federation/refusals                        .    x    .    .    .    .    x    .    .
GET    /api/v1/federation/peers                           .    x    .    .    .    .    x    .    .
GET    /api/v1/federation/received/alerts                 .    x    .    .    .    .    x    .    .
GET    /api/v1/federation/received/aggregates             .    x    .    .    .    .    x    .    .
GET    /api/v1/federation/received/records                .    x    .    .    .    .    x    .    .
`;

export type Caller = 'anonymous' | Role;

/** The table's columns, in order. */
export const CALLERS: readonly Caller[] = [
  'anonymous',
  'hub-coordinator',
  'auditor',
  'finance-officer',
  'procurement-officer',
  'negotiator',
  'national-focal-point',
  'facility-staff',
  'lab-staff',
];

/** Parses the table into "METHOD /url" → the callers allowed; a malformed line throws, naming it. */
export const parseAccessMatrix = (text: string = ACCESS_MATRIX): Map<string, Set<Caller>> => {
  const rows = new Map<string, Set<Caller>>();
  const lines = text.split('\n').map((line) => line.trim());
  for (const line of lines.filter((l) => l !== '' && !l.startsWith('#') && !l.startsWith('route '))) {
    const [method, url, ...cells] = line.split(/\s+/);
    if (!method || !url || cells.length !== CALLERS.length || cells.some((c) => c !== 'x' && c !== '.')) {
      throw new Error(`access matrix: malformed line "${line}" (want METHOD /url and ${CALLERS.length} cells of x or .)`);
    }
    const key = `${method} ${url}`;
    if (rows.has(key)) throw new Error(`access matrix: ${key} appears twice`);
    rows.set(key, new Set(CALLERS.filter((_, i) => cells[i] === 'x')));
  }
  return rows;
};
