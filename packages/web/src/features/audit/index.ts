import type { PageDefinition } from '../../app/page.ts';
import { AuditPage } from './audit-page.tsx';

export const auditPages: PageDefinition[] = [
  {
    path: '/audit',
    component: AuditPage,
    access: { roles: ['auditor', 'hub-coordinator', 'national-focal-point'] },
    nav: { labelKey: 'nav.audit', order: 30 },
  },
];
