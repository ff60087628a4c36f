import { afterRenderEffect, ChangeDetectionStrategy, Component, computed, ElementRef, input, linkedSignal, output, viewChild } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { SecretReveal } from '@keyward/console/shared/ui';
import { setupGuides, type GenerationRequest, type GenerationState, type Scope } from '@keyward/console/app-passwords/util';

/**
 * The form to generate an app password (owner when it asks for one, label, scopes the policy
 * allows, lifetime), then its secret, shown once. Open while `state.isOpen`; the page's generation
 * store does the generating and forgets the secret when the dialog closes.
 */
@Component({
  selector: 'kw-generate-dialog',
  imports: [FormsModule, SecretReveal],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <dialog #dialog aria-labelledby="generate-title" (close)="closeByUser()">
      @if (state().secret; as shown) {
        <h2 id="generate-title">Your new app password</h2>
        <kw-secret-reveal [secret]="shown" />
        <section aria-labelledby="set-up-title">
          <h3 id="set-up-title">Set up your app</h3>
          @if (state().appleProfileUrl; as profile) {
            <p><a [href]="profile" data-testid="apple-profile">Set up Mail on this iPhone, iPad or Mac</a>: a profile with the servers and this app password. The link works once, within 10 minutes.</p>
          }
          @for (guide of guides(); track guide.app) {
            <details>
              <summary>{{ guide.app }}</summary>
              <ol>
                @for (step of guide.steps; track $index) { <li>{{ step }}</li> }
              </ol>
            </details>
          } @empty {
            <p>In the app's account settings, enter your full address as the user name and this app password where it asks for the password. Your administrator has not told Keyward the mail servers.</p>
          }
        </section>
        <div class="actions"><button type="button" (click)="dialog.close()">Done</button></div>
      } @else {
        <form (ngSubmit)="generateWithForm()">
          <h2 id="generate-title">Generate an app password</h2>
          @if (state().isForOthers) {
            <label>For user
              <input name="owner" required list="generate-users" autocomplete="off" placeholder="alice@contoso.example"
                [ngModel]="owner()" (ngModelChange)="owner.set($event); searchUsers.emit($event)" />
              <datalist id="generate-users">
                @for (user of state().userOptions; track user.id) { <option [value]="user.userPrincipalName"></option> }
              </datalist>
            </label>
          }
          <label>Label
            <input name="label" required maxlength="100" placeholder="Thunderbird on laptop" [ngModel]="label()" (ngModelChange)="label.set($event)" />
          </label>
          <fieldset>
            <legend>May be used for</legend>
            @for (scope of state().allowedScopes; track scope) {
              <label><input type="checkbox" [name]="scope" [ngModel]="chosen().has(scope)" (ngModelChange)="choose(scope, $event)" /> {{ scope }}</label>
            }
          </fieldset>
          <label>Expires after (days; empty for the policy's maximum of {{ state().maxLifetimeDays }})
            <input name="expiresInDays" type="number" min="1" [max]="state().maxLifetimeDays" [ngModel]="expiresInDays()" (ngModelChange)="expiresInDays.set($event)" />
          </label>
          @if (state().error) {
            <p class="error" role="alert">{{ state().error }}</p>
          }
          <div class="actions">
            <button type="button" class="secondary" (click)="dialog.close()">Cancel</button>
            <button type="submit" [disabled]="state().isBusy">Generate</button>
          </div>
        </form>
      }
    </dialog>
  `,
})
export class GenerateDialog {
  /** Whether it is open, what the policy allows, the owner's candidates, the secret, the last failure. */
  readonly state = input.required<GenerationState>();
  /** Emits the form when the user asks to generate. */
  readonly generate = output<GenerationRequest>();
  /** Emits what was typed as the owner, to find matching users. */
  readonly searchUsers = output<string>();
  /** Emits when the dialog closes (Done, Cancel, Escape): time to forget the secret. */
  readonly closed = output<void>();
  private readonly dialog = viewChild.required<ElementRef<HTMLDialogElement>>('dialog');
  /** Where each value goes in each mail app, once the app password is there. */
  protected readonly guides = computed(() => {
    const { mailServers, ownerUserPrincipalName } = this.state();
    return mailServers && ownerUserPrincipalName ? setupGuides(mailServers, ownerUserPrincipalName) : [];
  });
  // Each opening starts with an empty form; each answer of the policy, with every allowed scope chosen.
  protected readonly owner = linkedSignal({ source: () => this.state().isOpen, computation: () => '' });
  protected readonly label = linkedSignal({ source: () => this.state().isOpen, computation: () => '' });
  protected readonly expiresInDays = linkedSignal<boolean, number | null>({ source: () => this.state().isOpen, computation: () => null });
  protected readonly chosen = linkedSignal<Scope[], ReadonlySet<Scope>>({ source: () => this.state().allowedScopes, computation: (scopes) => new Set(scopes) });

  constructor() {
    afterRenderEffect(() => {
      const dialog = this.dialog().nativeElement;
      if (this.state().isOpen && !dialog.open) dialog.showModal();
      if (!this.state().isOpen && dialog.open) dialog.close();
    });
  }

  protected choose(scope: Scope, isChosen: boolean): void {
    const chosen = new Set(this.chosen());
    if (isChosen) chosen.add(scope);
    else chosen.delete(scope);
    this.chosen.set(chosen);
  }

  protected generateWithForm(): void {
    this.generate.emit({
      owner: this.state().isForOthers ? this.owner() : null,
      label: this.label(),
      scopes: this.state().allowedScopes.filter((scope) => this.chosen().has(scope)),
      expiresInDays: this.expiresInDays() || null,
    });
  }

  protected closeByUser(): void {
    if (this.state().isOpen) this.closed.emit();
  }
}
