import { ChangeDetectionStrategy, Component, inject, type OnInit, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { GraphQLClient, messageOf, SessionStore, type Role } from '@keyward/console/shared/data-access';

interface UserRow {
  id: string;
  userPrincipalName: string;
  displayName: string;
  roles: Role[];
  mfaRegistered: boolean;
  isEnabled: boolean;
}

const USERS = `query Users($filter: UserFilter, $first: Int) {
  users(filter: $filter, first: $first) { totalCount edges { node { id userPrincipalName displayName roles mfaRegistered isEnabled } } }
}`;
const CREATE_USER = `mutation CreateUser($input: CreateUserInput!) { createUser(input: $input) { id userPrincipalName } }`;
const ROLES: Role[] = ['USER', 'GLOBAL_ADMIN', 'AUDITOR', 'INCIDENT_RESPONDER'];

/** The tenant's users; global admins add new ones. */
@Component({
  selector: 'kw-users-page',
  imports: [FormsModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1>Users</h1>
    @if (session.isGlobalAdmin()) {
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
        <label><span><input type="checkbox" name="mfa" [(ngModel)]="draft.mfaRegistered" /> MFA registered</span></label>
        <button type="submit" [disabled]="isBusy()">Add user</button>
      </form>
    }
    @if (error()) {
      <p class="error" role="alert">{{ error() }}</p>
    }
    <form class="toolbar" (ngSubmit)="load()" role="search">
      <label class="grow">Search
        <input name="search" [(ngModel)]="search" placeholder="name or principal name" />
      </label>
      <button type="submit" class="secondary">Apply</button>
    </form>
    <table aria-label="Users">
      <thead><tr><th>User principal name</th><th>Display name</th><th>Roles</th><th>MFA</th><th>Status</th></tr></thead>
      <tbody>
        @for (user of users(); track user.id) {
          <tr>
            <td>{{ user.userPrincipalName }}</td>
            <td>{{ user.displayName }}</td>
            <td>{{ user.roles.join(', ') }}</td>
            <td>{{ user.mfaRegistered ? 'registered' : 'none' }}</td>
            <td>{{ user.isEnabled ? 'enabled' : 'disabled' }}</td>
          </tr>
        } @empty {
          <tr><td colspan="5" class="empty">{{ isBusy() ? 'Loading…' : 'No users match.' }}</td></tr>
        }
      </tbody>
    </table>
    <p class="muted">{{ totalCount() }} users</p>
  `,
})
export class UsersPage implements OnInit {
  protected readonly session = inject(SessionStore);
  private readonly graphql = inject(GraphQLClient);
  protected readonly roles = ROLES;
  protected readonly users = signal<UserRow[]>([]);
  protected readonly totalCount = signal(0);
  protected readonly error = signal('');
  protected readonly isBusy = signal(false);
  protected search = '';
  protected draft = { userPrincipalName: '', displayName: '', role: 'USER' as Role, mfaRegistered: true };

  ngOnInit(): void {
    void this.load();
  }

  protected async load(): Promise<void> {
    this.isBusy.set(true);
    try {
      const data = await this.graphql.request<{ users: { totalCount: number; edges: { node: UserRow }[] } }>(USERS, {
        filter: { search: this.search || null },
        first: 200,
      });
      this.users.set(data.users.edges.map((edge) => edge.node));
      this.totalCount.set(data.users.totalCount);
      this.error.set('');
    } catch (error) {
      this.error.set(messageOf(error));
    } finally {
      this.isBusy.set(false);
    }
  }

  protected async create(): Promise<void> {
    this.isBusy.set(true);
    try {
      const { role, ...input } = this.draft;
      await this.graphql.request(CREATE_USER, { input: { ...input, roles: [role] } });
      this.draft = { userPrincipalName: '', displayName: '', role: 'USER', mfaRegistered: true };
      this.error.set('');
      await this.load();
    } catch (error) {
      this.error.set(messageOf(error));
      this.isBusy.set(false);
    }
  }
}
