/**
 * The roles of PRODUCT.md's user table. A user holds one or more roles within
 * one jurisdiction; a role held in the hub's jurisdiction reaches the whole
 * region, a role held in a party's jurisdiction reaches that party only.
 */
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

export const isRole = (value: string): value is Role => (ROLES as readonly string[]).includes(value);

export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  'hub-coordinator': 'Regional hub: one picture of alerts, stock, referrals, money and milestones',
  'national-focal-point': 'Ministry of health (IHR focal point): report, verify, notify, request help',
  'facility-staff': 'Hospital or clinic: refer patients, record stock, report cases',
  'lab-staff': 'Laboratory: record specimens and results',
  'procurement-officer': 'Pooled tenders, awards and quality control',
  auditor: 'Read-only oversight, joint audits, audit-log verification',
  'finance-officer': 'Envelopes, reserves, trigger status and disbursements',
  negotiator: 'Draft and amend the pact, follow milestones and compliance',
};
