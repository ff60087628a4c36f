import { ChangeDetectionStrategy, Component, ElementRef, inject, output, signal, viewChild } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { GraphQLClient, messageOf, SessionStore } from '@keyward/console/shared/data-access';
import { SecretReveal } from '@keyward/console/shared/ui';
import { ALLOWED_SCOPES, GENERATE, SCOPES, USERS_FOR_PICKER, type Scope } from '@keyward/console/app-passwords/data-access';

interface UserOption {
  id: string;
  userPrincipalName: string;
}

/**
 * Generates an app password and shows its secret once. Whoever may generate across the tenant
 * picks the owner; everyone else generates for themselves. Closing the dialog forgets the secret.
 */
@Component({
  selector: 'kw-generate-dialog',
  imports: [FormsModule, SecretReveal],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <dialog #dialog aria-labelledby="generate-title" (close)="forget()">
      @if (secret(); as shown) {
        <h2 id="generate-title">Your new app password</h2>
        <kw-secret-reveal [secret]="shown" />
        <div class="actions"><button type="button" (click)="close()">Done</button></div>
      } @else {
        <form (ngSubmit)="generate()">
          <h2 id="generate-title">Generate an app password</h2>
          @if (isForOthers()) {
            <label>For user
              <input name="owner" required list="generate-users" autocomplete="off" placeholder="alice@contoso.example"
                [(ngModel)]="owner" (ngModelChange)="findUsers($event)" />
              <datalist id="generate-users">
                @for (user of users(); track user.id) { <option [value]="user.userPrincipalName"></option> }
              </datalist>
            </label>
          }
          <label>Label
            <input name="label" required maxlength="100" placeholder="Thunderbird on laptop" [(ngModel)]="label" />
          </label>
          <fieldset>
            <legend>May be used for</legend>
            @for (scope of allowedScopes(); track scope) {
              <label><input type="checkbox" [name]="scope" [(ngModel)]="chosen[scope]" /> {{ scope }}</label>
            }
          </fieldset>
          <label>Expires after (days; empty for the policy's maximum of {{ maxLifetimeDays() }})
            <input name="expiresInDays" type="number" min="1" [max]="maxLifetimeDays()" [(ngModel)]="expiresInDays" />
          </label>
          @if (error()) {
            <p class="error" role="alert">{{ error() }}</p>
          }
          <div class="actions">
            <button type="button" class="secondary" (click)="close()">Cancel</button>
            <button type="submit" [disabled]="isBusy()">Generate</button>
          </div>
        </form>
      }
    </dialog>
  `,
})
export class GenerateDialog {
  /** Emits after an app password was generated. */
  readonly generated = output<void>();
  private readonly session = inject(SessionStore);
  private readonly graphql = inject(GraphQLClient);
  private readonly dialog = viewChild.required<ElementRef<HTMLDialogElement>>('dialog');
  protected readonly users = signal<UserOption[]>([]);
  protected readonly allowedScopes = signal<Scope[]>([...SCOPES]);
  protected readonly maxLifetimeDays = signal(365);
  protected readonly secret = signal<string | null>(null);
  protected readonly error = signal('');
  protected readonly isBusy = signal(false);
  protected readonly isForOthers = signal(false);
  private fixedUserId: string | null = null;
  protected owner = '';
  protected label = '';
  protected expiresInDays: number | null = null;
  protected chosen: Record<string, boolean> = {};

  /** Opens the form: for `userId` when given, for the caller when they may generate only their own. */
  async open(userId: string | null = null): Promise<void> {
    this.label = '';
    this.owner = '';
    this.expiresInDays = null;
    this.error.set('');
    this.fixedUserId = userId ?? (this.session.can('appPasswords.generate') ? null : (this.session.me()?.id ?? null));
    this.isForOthers.set(this.fixedUserId === null);
    this.dialog().nativeElement.showModal();
    try {
      const { tenantPolicy } = await this.graphql.request<{ tenantPolicy: { allowedScopes: Scope[]; maxLifetimeDays: number } }>(ALLOWED_SCOPES);
      this.allowedScopes.set(tenantPolicy.allowedScopes);
      this.maxLifetimeDays.set(tenantPolicy.maxLifetimeDays);
      this.chosen = Object.fromEntries(tenantPolicy.allowedScopes.map((scope) => [scope, true]));
    } catch (error) {
      this.error.set(messageOf(error));
    }
  }

  close(): void {
    this.dialog().nativeElement.close();
  }

  private searchNumber = 0;

  protected async findUsers(text: string): Promise<void> {
    if (text.length < 2) return;
    const search = ++this.searchNumber;
    const data = await this.graphql.request<{ users: { edges: { node: UserOption }[] } }>(USERS_FOR_PICKER, { filter: { search: text }, first: 20 });
    // Typing fires a search per key; only the latest answer may fill the list.
    if (search === this.searchNumber) this.users.set(data.users.edges.map((edge) => edge.node));
  }

  protected async generate(): Promise<void> {
    this.isBusy.set(true);
    this.error.set('');
    try {
      const userId = this.fixedUserId ?? (await this.ownerId());
      const scopes = this.allowedScopes().filter((scope) => this.chosen[scope]);
      const data = await this.graphql.request<{ generateAppPassword: { secret: string } }>(GENERATE, {
        input: { userId, label: this.label, scopes, expiresInDays: this.expiresInDays || null },
      });
      this.secret.set(data.generateAppPassword.secret);
      this.generated.emit();
    } catch (error) {
      this.error.set(messageOf(error));
    } finally {
      this.isBusy.set(false);
    }
  }

  private async ownerId(): Promise<string> {
    const name = this.owner.trim().toLowerCase();
    await this.findUsers(name);
    const match = this.users().find((user) => user.userPrincipalName === name);
    if (!match) throw new Error(`No user ${name} in this tenant.`);
    return match.id;
  }

  protected forget(): void {
    this.secret.set(null);
  }
}
