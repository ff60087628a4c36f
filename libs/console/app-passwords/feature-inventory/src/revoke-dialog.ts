import { ChangeDetectionStrategy, Component, ElementRef, inject, output, signal, viewChild } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { GraphQLClient, messageOf } from '@keyward/console/shared/data-access';
import { REVOKE, REVOKE_USER_APP_PASSWORDS, type AppPasswordRow } from '@keyward/console/app-passwords/data-access';

interface Revocation {
  title: string;
  description: string;
  confirm: string;
  send: (reason: string, incidentRef: string | null) => Promise<unknown>;
}

/** Revokes one app password, or all of one user's, with a reason and an optional incident reference. */
@Component({
  selector: 'kw-revoke-dialog',
  imports: [FormsModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <dialog #dialog aria-labelledby="revoke-title">
      <form (ngSubmit)="revoke()">
        <h2 id="revoke-title">{{ revocation()?.title }}</h2>
        <p class="muted">{{ revocation()?.description }}</p>
        <label>Reason
          <input name="reason" required maxlength="500" placeholder="Laptop lost" [(ngModel)]="reason" />
        </label>
        <label>Incident reference (optional)
          <input name="incidentRef" maxlength="100" [(ngModel)]="incidentRef" />
        </label>
        @if (error()) {
          <p class="error" role="alert">{{ error() }}</p>
        }
        <div class="actions">
          <button type="button" class="secondary" (click)="close()">Cancel</button>
          <button type="submit" class="danger" [disabled]="isBusy() || !reason.trim()">{{ revocation()?.confirm }}</button>
        </div>
      </form>
    </dialog>
  `,
})
export class RevokeDialog {
  /** Emits after the revocation was recorded. */
  readonly revoked = output<void>();
  private readonly graphql = inject(GraphQLClient);
  private readonly dialog = viewChild.required<ElementRef<HTMLDialogElement>>('dialog');
  protected readonly revocation = signal<Revocation | null>(null);
  protected readonly error = signal('');
  protected readonly isBusy = signal(false);
  protected reason = '';
  protected incidentRef = '';

  /** Asks for the reason to revoke one app password. */
  open(row: AppPasswordRow): void {
    this.show({
      title: `Revoke “${row.label}”`,
      description: `Of ${row.user.userPrincipalName}. Sign-ins with it fail from the moment you confirm.`,
      confirm: 'Revoke',
      send: (reason, incidentRef) => this.graphql.request(REVOKE, { input: { id: row.id, reason, incidentRef } }),
    });
  }

  /** Asks for the reason to revoke every active app password of a user. */
  openForUser(user: { id: string; userPrincipalName: string }): void {
    this.show({
      title: `Revoke all app passwords of ${user.userPrincipalName}`,
      description: 'Every active app password of this user stops working at once. Each revocation is recorded with your reason.',
      confirm: 'Revoke all',
      send: (reason, incidentRef) => this.graphql.request(REVOKE_USER_APP_PASSWORDS, { input: { userId: user.id, reason, incidentRef } }),
    });
  }

  close(): void {
    this.dialog().nativeElement.close();
  }

  private show(revocation: Revocation): void {
    this.revocation.set(revocation);
    this.reason = '';
    this.incidentRef = '';
    this.error.set('');
    this.dialog().nativeElement.showModal();
  }

  protected async revoke(): Promise<void> {
    const revocation = this.revocation();
    if (!revocation) return;
    this.isBusy.set(true);
    try {
      await revocation.send(this.reason, this.incidentRef || null);
      this.close();
      this.revoked.emit();
    } catch (error) {
      this.error.set(messageOf(error));
    } finally {
      this.isBusy.set(false);
    }
  }
}
