import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { Router, RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { SessionStore, type Permission, type PermissionScope } from '@keyward/console/shared/data-access';
import { DatePipe } from '@angular/common';
import { DeadLetterBanner } from '@keyward/console/operations/feature-dead-letters';
import { StepUpDialog } from './step-up-dialog';

/**
 * The tenant pages, in the order of the navigation, each with the permission its route requires
 * (app.routes.ts). The pages behind the dashboard also need dashboard.read; a section with its own
 * guard (Incidents, whose pages its own navigation lists) does not. A page whose route opens to an
 * OWN grant (`scope: 'OWN'`: the access reviews, where each user sees their own share) is listed
 * for whoever holds the permission at all, dashboard or not.
 */
const TENANT_LINKS: { path: string; title: string; permission: Permission; scope?: PermissionScope; isExact?: boolean; isSection?: boolean }[] = [
  { path: '/dashboard', title: 'Dashboard', permission: 'dashboard.read' },
  // Not active on one app password's page, which a user without this page opens too.
  { path: '/app-passwords', title: 'App passwords', permission: 'appPasswords.read', isExact: true },
  { path: '/users', title: 'Users', permission: 'users.read' },
  { path: '/incidents', title: 'Incidents', permission: 'incidents.read', isSection: true },
  { path: '/reviews', title: 'Reviews', permission: 'accessReviews.read', scope: 'OWN' },
  { path: '/audit', title: 'Audit trail', permission: 'auditTrail.read' },
  { path: '/exports', title: 'Exports', permission: 'auditLog.export' },
  { path: '/reports', title: 'Reports', permission: 'reports.read' },
  { path: '/policy', title: 'Policy', permission: 'policy.read' },
];

/**
 * The shell: a skip link, navigation shaped by the user's permissions (the roles are only shown),
 * the dead-letter banner for whoever reads this node's operations, and the current page.
 */
@Component({
  selector: 'kw-root',
  imports: [RouterOutlet, RouterLink, RouterLinkActive, DeadLetterBanner, StepUpDialog, DatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  // With every tenant page listed, the links wrap onto a second row rather than push the header past 1024 px.
  styles: `
    .shell-header nav { flex-wrap: wrap; min-width: 0; }
    .shell-header nav a, .shell-header > a, .shell-header > button { white-space: nowrap; }
    .shell-header > a, .shell-header > button { flex-shrink: 0; }
  `,
  template: `
    <a class="skip-link" href="#content" (click)="skipToContent($event)">Skip to content</a>
    @if (session.me(); as me) {
      <header class="shell-header">
        <a class="brand" routerLink="/">Keyward</a>
        <nav aria-label="Main">
          @for (link of tenantLinks(); track link.path) {
            <a [routerLink]="link.path" routerLinkActive="active" [routerLinkActiveOptions]="{ exact: link.isExact ?? false }" ariaCurrentWhenActive="page">{{ link.title }}</a>
          }
          @if (hasSelfService()) {
            <a routerLink="/me/app-passwords" routerLinkActive="active" ariaCurrentWhenActive="page">My app passwords</a>
          }
        </nav>
        <span class="who"><span>{{ localPartOf(me.userPrincipalName) }}<wbr />{{ domainPartOf(me.userPrincipalName) }}</span> <span class="roles">{{ me.roles.join(', ') }}</span></span>
        @if (session.scopeOf('apiTokens.read')) {
          <a routerLink="/me/api-tokens" routerLinkActive="active" ariaCurrentWhenActive="page">API tokens</a>
        }
        @if (session.scopeOf('account.secure')) {
          <a routerLink="/me/security" routerLinkActive="active" ariaCurrentWhenActive="page">Security</a>
        }
        <button type="button" class="on-dark" (click)="signOut()">Sign out</button>
      </header>
      @if (session.can('operations.read')) {
        <kw-dead-letter-banner />
      }
      @if (me.secondFactors.status === 'GRACE') {
        <p class="warning banner" role="status">
          Your role needs a second factor for the console. Register one by {{ me.secondFactors.deadline | date: 'mediumDate' }}:
          <a routerLink="/me/security">set up an authenticator app or a passkey</a>.
        </p>
      } @else if (me.secondFactors.status === 'ENROLMENT_REQUIRED') {
        <p class="error banner" role="alert">Your role needs a second factor for the console: register one to go on.</p>
      }
      <kw-step-up-dialog />
    }
    <main id="content" tabindex="-1">
      <router-outlet />
    </main>
  `,
})
export class App {
  protected readonly session = inject(SessionStore);
  private readonly router = inject(Router);
  /** The tenant pages the user may open, as the routes guard them. */
  protected readonly tenantLinks = computed(() =>
    TENANT_LINKS.filter((link) =>
      link.scope === 'OWN'
        ? this.session.scopeOf(link.permission) !== null
        : this.session.can(link.permission) && (link.isSection || this.session.can('dashboard.read')),
    ),
  );
  /** "My app passwords" is for whoever may generate app passwords only for themselves. */
  protected readonly hasSelfService = computed(() => this.session.scopeOf('appPasswords.generate') === 'OWN');

  protected localPartOf(userPrincipalName: string): string {
    return userPrincipalName.slice(0, Math.max(userPrincipalName.lastIndexOf('@'), 0));
  }

  protected domainPartOf(userPrincipalName: string): string {
    return userPrincipalName.slice(Math.max(userPrincipalName.lastIndexOf('@'), 0));
  }

  // A plain "#content" link would resolve against <base href="/"> and leave the page.
  protected skipToContent(event: Event): void {
    event.preventDefault();
    document.getElementById('content')?.focus();
  }

  protected async signOut(): Promise<void> {
    await this.session.signOut();
    await this.router.navigateByUrl('/sign-in');
  }
}
