import { ChangeDetectionStrategy, Component, inject, input, type OnInit, signal, viewChild } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { CursorPager, messageOf, RequestState, SessionStore } from '@keyward/console/shared/data-access';
import { PageState, Pager } from '@keyward/console/shared/ui';
import { AppPasswordsApi, GenerationStore, RevocationStore } from '@keyward/console/app-passwords/data-access';
import { AppPasswordTable, GenerateDialog, RevokeDialog, SignInTable } from '@keyward/console/app-passwords/ui';
import type { AppPasswordRow, GenerationRequest, RevocationReason, SignInAttempt } from '@keyward/console/app-passwords/util';
import { SecurityApi, UsersApi, type SecondFactorsFields, type UserRow } from '@keyward/console/identity/data-access';
import { ResetPasswordDialog } from './reset-password-dialog';

/** One user: who they are, their app passwords, their sign-ins, and the admin actions on them. */
@Component({
  selector: 'kw-user-page',
  imports: [FormsModule, RouterLink, PageState, Pager, AppPasswordTable, GenerateDialog, RevokeDialog, ResetPasswordDialog, SignInTable],
  providers: [RevocationStore, GenerationStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './user.page.html',
})
export class UserPage implements OnInit {
  /** The user's id, from the route. */
  readonly id = input.required<string>();
  protected readonly session = inject(SessionStore);
  protected readonly revocation = inject(RevocationStore);
  protected readonly generation = inject(GenerationStore);
  private readonly users = inject(UsersApi);
  private readonly appPasswordsApi = inject(AppPasswordsApi);
  protected readonly resetPasswordDialog = viewChild.required(ResetPasswordDialog);
  protected readonly user = signal<UserRow | null>(null);
  protected readonly request = new RequestState(true);
  protected readonly actionError = signal('');
  private readonly security = inject(SecurityApi);
  /** The user's console second factors; null until read. */
  protected readonly factors = signal<SecondFactorsFields | null>(null);
  protected resetReason = '';
  protected outcome: '' | 'USED' | 'REJECTED' = '';
  protected readonly isRevocable = (row: AppPasswordRow) => this.session.can('appPasswords.revoke', row.user.id);
  protected readonly appPasswords = new CursorPager<AppPasswordRow>((after) =>
    this.appPasswordsApi.list({ userId: this.id() }, { field: 'CREATED_AT', direction: 'DESC' }, 25, after),
  );
  protected readonly signIns = new CursorPager<SignInAttempt>((after) => this.appPasswordsApi.signInsOfUser(this.id(), this.outcome || null, 25, after));

  ngOnInit(): void {
    void this.load();
  }

  protected load(): Promise<void> {
    return this.request.run(async () => {
      const user = await this.users.one(this.id());
      this.user.set(user);
      if (!user) throw new Error('No such user in your tenant.');
      await Promise.all([this.appPasswords.first(), this.signIns.first(), this.security.ofUser(this.id()).then((factors) => this.factors.set(factors))]);
    });
  }

  protected async generate(request: GenerationRequest): Promise<void> {
    if (await this.generation.generate(request)) await this.appPasswords.reload();
  }

  protected async revoke(reason: RevocationReason): Promise<void> {
    if (await this.revocation.confirm(reason)) await this.appPasswords.reload();
  }

  protected sourcesOf(sources: readonly string[]): string {
    const words: Record<string, string> = { ADMIN: 'stated by an admin', DIRECTORY: 'the directory says so', IDENTITY_PROVIDER: 'the identity provider said so', TOTP: 'authenticator app', PASSKEY: 'passkey' };
    return sources.map((source) => words[source] ?? source).join(', ');
  }

  protected consoleFactorOf(factors: SecondFactorsFields): string {
    const held = [factors.totp ? `authenticator app (${factors.recoveryCodesLeft} recovery codes left)` : '', ...factors.passkeys.map((passkey) => `passkey "${passkey.name}"`)].filter(Boolean);
    if (held.length) return held.join(', ');
    if (factors.status === 'GRACE') return `none yet; required by ${factors.deadline?.slice(0, 10)}`;
    return factors.status === 'ENROLMENT_REQUIRED' ? 'none; required, and the grace period is over' : 'none (not required for their roles)';
  }

  /** Removes the user's second factors with the reason; their sessions end and they enrol again. */
  protected async resetFactors(): Promise<void> {
    this.actionError.set('');
    try {
      await this.security.reset(this.id(), this.resetReason.trim());
      this.resetReason = '';
      this.factors.set(await this.security.ofUser(this.id()));
    } catch (error) {
      this.actionError.set(messageOf(error));
    }
  }

  protected async setEnabled(isEnabled: boolean): Promise<void> {
    this.actionError.set('');
    try {
      await this.users.setEnabled(this.id(), isEnabled);
      await this.load();
      // The policy's revocation on disable follows the event within moments; show it when it has.
      if (!isEnabled) setTimeout(() => void this.appPasswords.reload(), 1000);
    } catch (error) {
      this.actionError.set(messageOf(error));
    }
  }
}
