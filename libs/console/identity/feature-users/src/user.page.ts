import { ChangeDetectionStrategy, Component, inject, input, type OnInit, signal, viewChild } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { CursorPager, emptyPage, GraphQLClient, messageOf, RequestState, SessionStore, type ConnectionPage } from '@keyward/console/shared/data-access';
import { PageState, Pager } from '@keyward/console/shared/ui';
import { APP_PASSWORDS, SIGN_INS_OF_USER, type AppPasswordRow, type SignInAttempt } from '@keyward/console/app-passwords/data-access';
import { AppPasswordTable, GenerateDialog, RevokeDialog, SignInHistory } from '@keyward/console/app-passwords/feature-inventory';
import { UsersApi, type UserRow } from '@keyward/console/identity/data-access';
import { ResetPasswordDialog } from './reset-password-dialog';

/** One user: who they are, their app passwords, their sign-ins, and the admin actions on them. */
@Component({
  selector: 'kw-user-page',
  imports: [FormsModule, RouterLink, PageState, Pager, AppPasswordTable, GenerateDialog, RevokeDialog, ResetPasswordDialog, SignInHistory],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './user.page.html',
})
export class UserPage implements OnInit {
  /** The user's id, from the route. */
  readonly id = input.required<string>();
  protected readonly session = inject(SessionStore);
  private readonly graphql = inject(GraphQLClient);
  private readonly users = inject(UsersApi);
  protected readonly generateDialog = viewChild.required(GenerateDialog);
  protected readonly revokeDialog = viewChild.required(RevokeDialog);
  protected readonly resetPasswordDialog = viewChild.required(ResetPasswordDialog);
  protected readonly user = signal<UserRow | null>(null);
  protected readonly request = new RequestState(true);
  protected readonly actionError = signal('');
  protected outcome: '' | 'USED' | 'REJECTED' = '';
  protected readonly isRevocable = (row: AppPasswordRow) => this.session.can('appPasswords.revoke', row.user.id);
  protected readonly appPasswords = new CursorPager<AppPasswordRow>(async (after) => {
    const data = await this.graphql.request<{ appPasswords: ConnectionPage<AppPasswordRow> }>(APP_PASSWORDS, { filter: { userId: this.id() }, first: 25, after });
    return data.appPasswords;
  });
  protected readonly signIns = new CursorPager<SignInAttempt>(async (after) => {
    const data = await this.graphql.request<{ user: { signIns: ConnectionPage<SignInAttempt> } | null }>(SIGN_INS_OF_USER, {
      id: this.id(),
      outcome: this.outcome || null,
      first: 25,
      after,
    });
    return data.user?.signIns ?? emptyPage();
  });

  ngOnInit(): void {
    void this.load();
  }

  protected load(): Promise<void> {
    return this.request.run(async () => {
      const user = await this.users.one(this.id());
      this.user.set(user);
      if (!user) throw new Error('No such user in your tenant.');
      await Promise.all([this.appPasswords.first(), this.signIns.first()]);
    });
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
