import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { Router, RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { SessionStore } from '@keyward/console/shared/data-access';

/** The shell: a skip link, navigation shaped by the user's roles, and the current page. */
@Component({
  selector: 'kw-root',
  imports: [RouterOutlet, RouterLink, RouterLinkActive],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <a class="skip-link" href="#content" (click)="skipToContent($event)">Skip to content</a>
    @if (session.me(); as me) {
      <header class="shell-header">
        <a class="brand" routerLink="/">Keyward</a>
        <nav aria-label="Main">
          @if (session.hasTenantWideRead()) {
            <a routerLink="/dashboard" routerLinkActive="active" ariaCurrentWhenActive="page">Dashboard</a>
            <a routerLink="/app-passwords" routerLinkActive="active" [routerLinkActiveOptions]="{ exact: true }" ariaCurrentWhenActive="page">App passwords</a>
            <a routerLink="/users" routerLinkActive="active" ariaCurrentWhenActive="page">Users</a>
            <a routerLink="/audit" routerLinkActive="active" ariaCurrentWhenActive="page">Audit trail</a>
            <a routerLink="/policy" routerLinkActive="active" ariaCurrentWhenActive="page">Policy</a>
          }
          @if (session.hasSelfService()) {
            <a routerLink="/me/app-passwords" routerLinkActive="active" ariaCurrentWhenActive="page">My app passwords</a>
          }
        </nav>
        <span class="who">{{ me.userPrincipalName }} <span class="roles">{{ me.roles.join(', ') }}</span></span>
        <button type="button" class="on-dark" (click)="signOut()">Sign out</button>
      </header>
    }
    <main id="content" tabindex="-1">
      <router-outlet />
    </main>
  `,
})
export class App {
  protected readonly session = inject(SessionStore);
  private readonly router = inject(Router);

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
