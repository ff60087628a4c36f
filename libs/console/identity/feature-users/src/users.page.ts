import { ChangeDetectionStrategy, Component, inject, type OnInit, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { CursorPager, GraphQLClient, messageOf, SessionStore, type ConnectionPage, type Role } from '@keyward/console/shared/data-access';
import { PageState, Pager } from '@keyward/console/shared/ui';

export interface UserRow {
  id: string;
  userPrincipalName: string;
  displayName: string;
  roles: Role[];
  mfaRegistered: boolean;
  isEnabled: boolean;
}

const USERS = `query Users($filter: UserFilter, $first: Int, $after: String) {
  users(filter: $filter, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } edges { node { id userPrincipalName displayName roles mfaRegistered isEnabled } }
  }
}`;
const CREATE_USER = `mutation CreateUser($input: CreateUserInput!) { createUser(input: $input) { id userPrincipalName } }`;
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
  private readonly graphql = inject(GraphQLClient);
  protected readonly roles = ROLES;
  protected readonly createError = signal('');
  protected readonly isCreating = signal(false);
  protected search = '';
  protected draft = { userPrincipalName: '', displayName: '', role: 'USER' as Role, mfaRegistered: true };
  protected readonly users = new CursorPager<UserRow>(async (after) => {
    const data = await this.graphql.request<{ users: ConnectionPage<UserRow> }>(USERS, { filter: { search: this.search || null }, first: 50, after });
    return data.users;
  });

  ngOnInit(): void {
    void this.users.first();
  }

  protected async create(): Promise<void> {
    this.isCreating.set(true);
    this.createError.set('');
    try {
      const { role, ...input } = this.draft;
      await this.graphql.request(CREATE_USER, { input: { ...input, roles: [role] } });
      this.draft = { userPrincipalName: '', displayName: '', role: 'USER', mfaRegistered: true };
      await this.users.first();
    } catch (error) {
      this.createError.set(messageOf(error));
    } finally {
      this.isCreating.set(false);
    }
  }
}
