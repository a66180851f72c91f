import type { PageDefinition } from '../../app/page.ts';
import { SignInPage } from './sign-in-page.tsx';
import { UsersPage } from './users-page.tsx';

export { accountsApi } from './accounts.api.ts';

export const accountsPages: PageDefinition[] = [
  { path: '/sign-in', component: SignInPage, access: 'public' },
  {
    path: '/users',
    component: UsersPage,
    access: { roles: ['hub-coordinator', 'national-focal-point', 'auditor'] },
    nav: { labelKey: 'nav.users', order: 20 },
  },
];
