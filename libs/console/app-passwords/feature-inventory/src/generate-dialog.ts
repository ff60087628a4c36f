import { ChangeDetectionStrategy, Component, ElementRef, inject, output, signal, viewChild } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { GraphQLClient, messageOf, SessionStore } from '@keyward/console/shared/data-access';
import { GENERATE, SCOPES, USERS } from './app-password.operations';

interface UserOption {
  id: string;
  userPrincipalName: string;
}

/**
 * Generates an app password and shows its secret once: grouped in fours, with a copy button
 * and a plain warning. Closing the dialog forgets the secret.
 */
@Component({
  selector: 'kw-generate-dialog',
  imports: [FormsModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <dialog #dialog aria-labelledby="generate-title" (close)="forget()">
      @if (secret(); as shown) {
        <h2 id="generate-title">Your new app password</h2>
        <p class="warning" role="alert"><strong>Copy it now.</strong> It will not be shown again: Keyward keeps only a hash of it.</p>
        <p class="secret" data-testid="secret">{{ shown }}</p>
        <p class="muted">Type it into the app's password field. Spaces and capital letters do not matter.</p>
        <div class="actions">
          <button type="button" class="secondary" (click)="copy(shown)">{{ isCopied() ? 'Copied' : 'Copy' }}</button>
          <button type="button" (click)="close()">Done</button>
        </div>
      } @else {
        <form (ngSubmit)="generate()">
          <h2 id="generate-title">Generate an app password</h2>
          @if (session.isGlobalAdmin()) {
            <label>For user
              <select name="userId" required [(ngModel)]="userId">
                @for (user of users(); track user.id) {
                  <option [value]="user.id">{{ user.userPrincipalName }}</option>
                }
              </select>
            </label>
          }
          <label>Label
            <input name="label" required maxlength="100" placeholder="Thunderbird on laptop" [(ngModel)]="label" />
          </label>
          <fieldset>
            <legend>May be used for</legend>
            @for (scope of scopes; track scope) {
              <label><input type="checkbox" [name]="scope" [(ngModel)]="chosen[scope]" /> {{ scope }}</label>
            }
          </fieldset>
          <label>Expires after (days, empty for the policy's maximum)
            <input name="expiresInDays" type="number" min="1" [(ngModel)]="expiresInDays" />
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
  protected readonly session = inject(SessionStore);
  private readonly graphql = inject(GraphQLClient);
  private readonly dialog = viewChild.required<ElementRef<HTMLDialogElement>>('dialog');
  protected readonly scopes = SCOPES;
  protected readonly users = signal<UserOption[]>([]);
  protected readonly secret = signal<string | null>(null);
  protected readonly error = signal('');
  protected readonly isBusy = signal(false);
  protected readonly isCopied = signal(false);
  protected userId = '';
  protected label = '';
  protected expiresInDays: number | null = null;
  protected chosen: Record<string, boolean> = {};

  async open(): Promise<void> {
    this.label = '';
    this.expiresInDays = null;
    this.chosen = Object.fromEntries(SCOPES.map((scope) => [scope, true]));
    this.error.set('');
    this.userId = this.session.me()?.id ?? '';
    this.dialog().nativeElement.showModal();
    if (this.session.isGlobalAdmin()) {
      const data = await this.graphql.request<{ users: { edges: { node: UserOption }[] } }>(USERS, { first: 200 });
      this.users.set(data.users.edges.map((edge) => edge.node));
    }
  }

  close(): void {
    this.dialog().nativeElement.close();
  }

  protected async generate(): Promise<void> {
    this.isBusy.set(true);
    this.error.set('');
    try {
      const scopes = SCOPES.filter((scope) => this.chosen[scope]);
      const data = await this.graphql.request<{ generateAppPassword: { secret: string } }>(GENERATE, {
        input: { userId: this.userId, label: this.label, scopes, expiresInDays: this.expiresInDays || null },
      });
      this.secret.set(data.generateAppPassword.secret);
      this.generated.emit();
    } catch (error) {
      this.error.set(messageOf(error));
    } finally {
      this.isBusy.set(false);
    }
  }

  protected async copy(secret: string): Promise<void> {
    await navigator.clipboard?.writeText(secret).catch(() => undefined);
    this.isCopied.set(true);
  }

  protected forget(): void {
    this.secret.set(null);
    this.isCopied.set(false);
  }
}
