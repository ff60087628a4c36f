import { ChangeDetectionStrategy, Component, computed, inject, type OnInit, signal } from '@angular/core';
import { DatePipe } from '@angular/common';
import { FormsModule } from '@angular/forms';
import { CursorPager, messageOf, SessionStore, type Role } from '@keyward/console/shared/data-access';
import { PageState, Pager } from '@keyward/console/shared/ui';
import { ApiTokensApi, type ApiTokenRow } from '@keyward/console/identity/data-access';

/**
 * API tokens for scripts (`Authorization: Bearer`): create one with one of your roles and an
 * expiry, copy it (it is shown once), see when each was last used, and revoke it. A global admin
 * sees and revokes the tenant's; everyone else their own.
 */
@Component({
  selector: 'kw-api-tokens-page',
  imports: [DatePipe, FormsModule, PageState, Pager],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1>API tokens</h1>
    <p class="muted">A token lets a script call Keyward's API as you, with one of your roles: send it as <code>Authorization: Bearer …</code>. docs/api.md shows how.</p>
    @if (canCreate()) {
      <form class="panel toolbar" (ngSubmit)="create()" aria-label="Create an API token">
        <label class="grow">Name
          <input name="name" required maxlength="100" placeholder="Nightly SIEM export" [(ngModel)]="draft.name" />
        </label>
        <label>Role
          <select name="role" [(ngModel)]="draft.role">
            @for (role of roles(); track role) { <option [value]="role">{{ role }}</option> }
          </select>
        </label>
        <label>Expires in (days)
          <input name="days" type="number" min="1" max="365" required [(ngModel)]="draft.expiresInDays" />
        </label>
        <button type="submit" [disabled]="isCreating()">Create token</button>
      </form>
      @if (createError()) { <p class="error" role="alert">{{ createError() }}</p> }
    }
    @if (created(); as token) {
      <section class="panel" aria-label="The new API token">
        <p class="warning" role="alert"><strong>Copy it now.</strong> It will not be shown again: Keyward keeps only a hash of it.</p>
        <p class="secret" data-testid="api-token">{{ token }}</p>
        <button type="button" class="secondary" (click)="copy(token)">{{ isCopied() ? 'Copied' : 'Copy to clipboard' }}</button>
        <button type="button" class="secondary" (click)="created.set(null)">Done</button>
      </section>
    }
    <kw-page-state [isLoading]="tokens.isLoading()" [error]="tokens.error()" [isEmpty]="tokens.isEmpty()" emptyText="No API tokens yet." (retry)="tokens.reload()">
      <table aria-label="API tokens">
        <thead><tr><th scope="col">Name</th><th scope="col">Role</th><th scope="col">Status</th><th scope="col">Created</th><th scope="col">Expires</th><th scope="col">Last used</th><th scope="col"><span class="visually-hidden">Actions</span></th></tr></thead>
        <tbody>
          @for (token of tokens.rows(); track token.id) {
            <tr>
              <td>{{ token.name }}</td>
              <td>{{ token.role }}</td>
              <td>{{ token.status }}</td>
              <td>{{ token.createdAt | date: 'medium' : 'UTC' }}</td>
              <td>{{ token.expiresAt | date: 'medium' : 'UTC' }}</td>
              <td>{{ token.lastUsedAt ? (token.lastUsedAt | date: 'medium' : 'UTC') : 'never' }}</td>
              <td>
                @if (token.status === 'ACTIVE') {
                  <button type="button" class="danger" [attr.aria-label]="'Revoke ' + token.name" [disabled]="revoking() === token.id" (click)="revoke(token)">Revoke</button>
                }
              </td>
            </tr>
          }
        </tbody>
      </table>
    </kw-page-state>
    @if (revokeError()) { <p class="error" role="alert">{{ revokeError() }}</p> }
    <kw-pager [totalCount]="tokens.totalCount()" [pageNumber]="tokens.pageNumber()" [hasNextPage]="tokens.hasNextPage()" [isLoading]="tokens.isLoading()"
      noun="tokens" (previous)="tokens.previous()" (next)="tokens.next()" />
  `,
})
export class ApiTokensPage implements OnInit {
  protected readonly session = inject(SessionStore);
  private readonly api = inject(ApiTokensApi);
  /** The roles a token may have: the user's own. */
  protected readonly roles = computed<Role[]>(() => this.session.me()?.roles ?? []);
  /** Tokens are made for oneself (an OWN grant). */
  protected readonly canCreate = computed(() => this.session.can('apiTokens.create', this.session.me()?.id));
  protected readonly created = signal<string | null>(null);
  protected readonly isCopied = signal(false);
  protected readonly isCreating = signal(false);
  protected readonly createError = signal('');
  protected readonly revokeError = signal('');
  protected readonly revoking = signal<string | null>(null);
  protected draft = { name: '', role: 'USER' as Role, expiresInDays: 90 };
  protected readonly tokens = new CursorPager<ApiTokenRow>((after) => this.api.list(50, after));

  ngOnInit(): void {
    this.draft.role = this.roles()[0] ?? 'USER';
    void this.tokens.first();
  }

  protected async create(): Promise<void> {
    this.isCreating.set(true);
    this.createError.set('');
    this.isCopied.set(false);
    try {
      const { token } = await this.api.create({ name: this.draft.name, role: this.draft.role, expiresInDays: Number(this.draft.expiresInDays) });
      this.created.set(token);
      this.draft = { ...this.draft, name: '' };
      await this.tokens.first();
    } catch (error) {
      this.createError.set(messageOf(error));
    } finally {
      this.isCreating.set(false);
    }
  }

  protected async revoke(token: ApiTokenRow): Promise<void> {
    this.revoking.set(token.id);
    this.revokeError.set('');
    try {
      await this.api.revoke(token.id);
      await this.tokens.reload();
    } catch (error) {
      this.revokeError.set(messageOf(error));
    } finally {
      this.revoking.set(null);
    }
  }

  protected async copy(token: string): Promise<void> {
    await navigator.clipboard?.writeText(token).catch(() => undefined);
    this.isCopied.set(true);
  }
}
