import type { Routes } from '@angular/router';
import { enrolFirst, holds, home, requires, signedIn } from '@keyward/console/shared/data-access';

/**
 * Each feature library is loaded when its page is first opened. The tenant pages open to whoever
 * reads the tenant's dashboard (their home), each page also needing its own permission over the
 * whole tenant; "My app passwords" is open to every signed-in user and shows what their grants allow,
 * and so are the access reviews, each user seeing those their grant (TENANT or OWN) reaches.
 * The Incidents section is open to whoever reads incidents; anyone else gets a "not allowed" page
 * at the same URL. Its child routes with `data.sectionLink` are listed in the section's navigation.
 */
export const routes: Routes = [
  { path: 'sign-in', title: 'Sign in · Keyward', loadComponent: () => import('@keyward/console/identity/feature-sign-in').then((m) => m.SignInPage) },
  {
    path: '',
    canActivate: [signedIn],
    canActivateChild: [enrolFirst],
    children: [
      { path: '', pathMatch: 'full', canActivate: [home], children: [] },
      {
        path: 'me/api-tokens',
        title: 'API tokens · Keyward',
        loadComponent: () => import('@keyward/console/identity/feature-api-tokens').then((m) => m.ApiTokensPage),
      },
      { path: 'signed-in-again', title: 'Signed in again · Keyward', loadComponent: () => import('./signed-in-again.page').then((m) => m.SignedInAgainPage) },
      {
        path: 'me/security',
        title: 'Security · Keyward',
        loadComponent: () => import('@keyward/console/identity/feature-security').then((m) => m.SecurityPage),
      },
      {
        path: 'me/app-passwords',
        title: 'My app passwords · Keyward',
        loadComponent: () => import('@keyward/console/app-passwords/feature-self-service').then((m) => m.MyAppPasswordsPage),
      },
      {
        path: 'incidents',
        canMatch: [holds('incidents.read')],
        loadComponent: () => import('@keyward/console/incidents/feature-incidents').then((m) => m.IncidentsSection),
        children: [
          {
            path: '',
            pathMatch: 'full',
            canMatch: [holds('incidents.respond')],
            title: 'Respond · Keyward',
            data: { sectionLink: { title: 'Revoke by query', permission: 'incidents.respond' } },
            loadComponent: () => import('@keyward/console/incidents/feature-incidents').then((m) => m.RespondPage),
          },
          // Whoever reads cases but may not act on them starts at the case list.
          { path: '', pathMatch: 'full', redirectTo: 'cases' },
          {
            path: 'leaks',
            canMatch: [holds('leaks.scan')],
            title: 'Leak intake · Keyward',
            data: { sectionLink: { title: 'Leak intake', permission: 'leaks.scan' } },
            loadComponent: () => import('@keyward/console/incidents/feature-leaks').then((m) => m.LeakIntakePage),
          },
          // Whoever reads incidents but may not scan (an auditor) is told so inside the section.
          {
            path: 'leaks',
            title: 'Not allowed · Keyward',
            data: { what: 'leak intake', who: 'Scanning text for leaked app passwords is for incident responders and global admins.' },
            loadComponent: () => import('@keyward/console/shared/ui').then((m) => m.NotAllowedPage),
          },
          {
            path: 'cases',
            title: 'Revocation cases · Keyward',
            data: { sectionLink: { title: 'Cases', permission: 'incidents.read' } },
            loadComponent: () => import('@keyward/console/incidents/feature-incidents').then((m) => m.CasesPage),
          },
          { path: 'cases/:id', title: 'Revocation case · Keyward', loadComponent: () => import('@keyward/console/incidents/feature-incidents').then((m) => m.CasePage) },
          {
            path: 'alerts',
            title: 'Alerts · Keyward',
            data: { sectionLink: { title: 'Alerts', permission: 'incidents.read' } },
            loadComponent: () => import('@keyward/console/incidents/feature-alerts').then((m) => m.AlertsPage),
          },
        ],
      },
      {
        path: 'incidents',
        title: 'Not allowed · Keyward',
        data: { what: 'incident response', who: 'Revocation cases and alerts are for global admins, incident responders and auditors. Ask a global admin if you need them.' },
        children: [{ path: '**', loadComponent: () => import('@keyward/console/shared/ui').then((m) => m.NotAllowedPage) }],
      },
      // Every role reads access reviews: a global admin or an auditor the tenant's, anyone else those they review or hold an app password in.
      { path: 'reviews', title: 'Access reviews · Keyward', canActivate: [requires('accessReviews.read', 'OWN')], loadComponent: () => import('@keyward/console/compliance/feature-reviews').then((m) => m.ReviewsPage) },
      { path: 'reviews/:id', title: 'Access review · Keyward', canActivate: [requires('accessReviews.read', 'OWN')], loadComponent: () => import('@keyward/console/compliance/feature-reviews').then((m) => m.ReviewPage) },
      { path: 'app-passwords/:id', title: 'App password · Keyward', loadComponent: () => import('@keyward/console/app-passwords/feature-inventory').then((m) => m.CredentialPage) },
      {
        path: '',
        canActivate: [requires('dashboard.read')],
        children: [
          { path: 'dashboard', title: 'Dashboard · Keyward', loadComponent: () => import('@keyward/console/app-passwords/feature-dashboard').then((m) => m.DashboardPage) },
          {
            path: 'app-passwords',
            title: 'App passwords · Keyward',
            canActivate: [requires('appPasswords.read')],
            loadComponent: () => import('@keyward/console/app-passwords/feature-inventory').then((m) => m.InventoryPage),
          },
          { path: 'users', title: 'Users · Keyward', canActivate: [requires('users.read')], loadComponent: () => import('@keyward/console/identity/feature-users').then((m) => m.UsersPage) },
          { path: 'users/:id', title: 'User · Keyward', canActivate: [requires('users.read')], loadComponent: () => import('@keyward/console/identity/feature-users').then((m) => m.UserPage) },
          { path: 'audit', title: 'Audit trail · Keyward', canActivate: [requires('auditTrail.read')], loadComponent: () => import('@keyward/console/compliance/feature-audit-trail').then((m) => m.AuditTrailPage) },
          {
            path: 'exports',
            title: 'Exports · Keyward',
            canActivate: [requires('auditLog.export')],
            loadComponent: () => import('@keyward/console/compliance/feature-exports').then((m) => m.ExportsPage),
          },
          { path: 'reports', title: 'Reports · Keyward', canActivate: [requires('reports.read')], loadComponent: () => import('@keyward/console/compliance/feature-reports').then((m) => m.ReportsPage) },
          { path: 'policy', title: 'Policy · Keyward', canActivate: [requires('policy.read')], loadComponent: () => import('@keyward/console/identity/feature-policy').then((m) => m.PolicyPage) },
        ],
      },
    ],
  },
  { path: '**', redirectTo: '' },
];
