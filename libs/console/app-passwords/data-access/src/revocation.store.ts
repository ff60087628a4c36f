import { computed, inject, Injectable, signal } from '@angular/core';
import { messageOf } from '@keyward/console/shared/data-access';
import type { RevocationReason, RevocationState, RevocationTarget } from '@keyward/console/app-passwords/util';
import { AppPasswordsApi } from './app-passwords.api';

/**
 * One revocation at a time: of one app password, or of every active one of a user. A page
 * provides it, asks about a target, and the revoke dialog shows its state and confirms.
 */
@Injectable()
export class RevocationStore {
  private readonly api = inject(AppPasswordsApi);
  private readonly target = signal<RevocationTarget | null>(null);
  private readonly isBusy = signal(false);
  private readonly error = signal('');

  /** What the dialog shows: the target (null: closed), whether it is on its way, the last failure. */
  readonly state = computed<RevocationState>(() => ({ target: this.target(), isBusy: this.isBusy(), error: this.error() }));

  /** Asks for the reason to revoke this (the dialog opens). */
  ask(target: RevocationTarget): void {
    this.error.set('');
    this.target.set(target);
  }

  /** Drops the question (the dialog closes). */
  cancel(): void {
    if (!this.isBusy()) this.target.set(null);
  }

  /** Revokes the target with this reason; true when it was recorded (the dialog then closes). */
  async confirm(reason: RevocationReason): Promise<boolean> {
    const target = this.target();
    if (!target || this.isBusy()) return false;
    this.isBusy.set(true);
    this.error.set('');
    try {
      if (target.kind === 'appPassword') await this.api.revoke(target.appPassword.id, reason);
      else await this.api.revokeAllOf(target.user.id, reason);
      this.target.set(null);
      return true;
    } catch (error) {
      this.error.set(messageOf(error));
      return false;
    } finally {
      this.isBusy.set(false);
    }
  }
}
