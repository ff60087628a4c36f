import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { Router, RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { SessionStore } from '@keyward/console/shared/data-access';

/** The shell: navigation for the signed-in user, and the current page. */
@Component({
  selector: 'kw-root',
  imports: [RouterOutlet, RouterLink, RouterLinkActive],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (session.me(); as me) {
      <header class="shell-header">
        <a class="brand" routerLink="/">Keyward</a>
        <nav aria-label="Main">
          <a routerLink="/app-passwords" routerLinkActive="active">App passwords</a>
          @if (canSeeTenant()) {
            <a routerLink="/users" routerLinkActive="active">Users</a>
            <a routerLink="/audit" routerLinkActive="active">Audit trail</a>
          }
        </nav>
        <span class="who">{{ me.userPrincipalName }}</span>
        <button type="button" class="secondary" (click)="signOut()">Sign out</button>
      </header>
    }
    <main>
      <router-outlet />
    </main>
  `,
})
export class App {
  protected readonly session = inject(SessionStore);
  private readonly router = inject(Router);
  protected readonly canSeeTenant = computed(() => this.session.hasTenantWideRead());

  protected async signOut(): Promise<void> {
    await this.session.signOut();
    await this.router.navigateByUrl('/sign-in');
  }
}
