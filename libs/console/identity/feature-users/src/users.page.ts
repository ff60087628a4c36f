import { ChangeDetectionStrategy, Component, inject, type OnInit, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { CursorPager, messageOf, SessionStore, type Role } from '@keyward/console/shared/data-access';
import { PageState, Pager } from '@keyward/console/shared/ui';
import { UsersApi, type UserRow } from '@keyward/console/identity/data-access';

const ROLES: Role[] = ['USER', 'GLOBAL_ADMIN', 'AUDITOR', 'INCIDENT_RESPONDER'];

/** The tenant's users, each a link to their page; whoever manages users adds new ones. */
@Component({
  selector: 'kw-users-page',
  imports: [FormsModule, RouterLink, PageState, Pager],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1>Users</h1>
    @if (session.can('users.manage')) {
      <form class="panel toolbar" (ngSubmit)="create()" aria-label="Add a user">
        <label class="grow">User principal name
          <input name="upn" type="email" required placeholder="alice@contoso.example" [(ngModel)]="draft.userPrincipalName" />
        </label>
        <label class="grow">Display name
          <input name="displayName" required [(ngModel)]="draft.displayName" />
        </label>
        <label>Role
          <select name="role" [(ngModel)]="draft.role">
            @for (role of roles; track role) { <option [value]="role">{{ role }}</option> }
          </select>
        </label>
        <label class="check"><input type="checkbox" name="mfa" [(ngModel)]="draft.mfaRegistered" /> MFA registered</label>
        <button type="submit" [disabled]="isCreating()">Add user</button>
      </form>
      @if (createError()) { <p class="error" role="alert">{{ createError() }}</p> }
    }
    <form class="toolbar" (ngSubmit)="users.first()" role="search" aria-label="Search users">
      <label class="grow">Search
        <input name="search" [(ngModel)]="search" placeholder="name or principal name" />
      </label>
      <button type="submit" class="secondary">Search</button>
    </form>
    <kw-page-state [isLoading]="users.isLoading()" [error]="users.error()" [isEmpty]="users.isEmpty()" emptyText="No users match." (retry)="users.reload()">
      <table aria-label="Users">
        <thead><tr><th scope="col">User principal name</th><th scope="col">Display name</th><th scope="col">Roles</th><th scope="col">MFA</th><th scope="col">Status</th></tr></thead>
        <tbody>
          @for (user of users.rows(); track user.id) {
            <tr>
              <td><a [routerLink]="['/users', user.id]">{{ user.userPrincipalName }}</a></td>
              <td>{{ user.displayName }}</td>
              <td>{{ user.roles.join(', ') }}</td>
              <td>{{ user.mfaRegistered ? 'registered' : 'none' }}</td>
              <td>{{ user.isEnabled ? 'enabled' : 'disabled' }}</td>
            </tr>
          }
        </tbody>
      </table>
    </kw-page-state>
    <kw-pager [totalCount]="users.totalCount()" [pageNumber]="users.pageNumber()" [hasNextPage]="users.hasNextPage()" [isLoading]="users.isLoading()"
      noun="users" (previous)="users.previous()" (next)="users.next()" />
  `,
})
export class UsersPage implements OnInit {
  protected readonly session = inject(SessionStore);
  private readonly api = inject(UsersApi);
  protected readonly roles = ROLES;
  protected readonly createError = signal('');
  protected readonly isCreating = signal(false);
  protected search = '';
  protected draft = { userPrincipalName: '', displayName: '', role: 'USER' as Role, mfaRegistered: true };
  protected readonly users = new CursorPager<UserRow>((after) => this.api.list(this.search, 50, after));

  ngOnInit(): void {
    void this.users.first();
  }

  protected async create(): Promise<void> {
    this.isCreating.set(true);
    this.createError.set('');
    try {
      const { role, ...user } = this.draft;
      await this.api.create({ ...user, roles: [role] });
      this.draft = { userPrincipalName: '', displayName: '', role: 'USER', mfaRegistered: true };
      await this.users.first();
    } catch (error) {
      this.createError.set(messageOf(error));
    } finally {
      this.isCreating.set(false);
    }
  }
}
