import type { Routes } from '@angular/router';
import { signedIn } from '@keyward/console/shared/data-access';

/** Each feature library is loaded when its page is first opened. */
export const routes: Routes = [
  { path: 'sign-in', loadComponent: () => import('@keyward/console/identity/feature-sign-in').then((m) => m.SignInPage) },
  {
    path: '',
    canActivate: [signedIn],
    children: [
      { path: '', pathMatch: 'full', redirectTo: 'app-passwords' },
      { path: 'app-passwords', loadComponent: () => import('@keyward/console/app-passwords/feature-inventory').then((m) => m.InventoryPage) },
      { path: 'users', loadComponent: () => import('@keyward/console/identity/feature-users').then((m) => m.UsersPage) },
      { path: 'audit', loadComponent: () => import('@keyward/console/compliance/feature-audit-trail').then((m) => m.AuditTrailPage) },
    ],
  },
  { path: '**', redirectTo: '' },
];
