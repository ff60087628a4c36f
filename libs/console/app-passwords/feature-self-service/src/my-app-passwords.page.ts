import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, type OnInit, viewChild } from '@angular/core';
import { RouterLink } from '@angular/router';
import { CursorPager, emptyPage, GraphQLClient, SessionStore, type ConnectionPage } from '@keyward/console/shared/data-access';
import { PageState, Pager, PlainReasonPipe } from '@keyward/console/shared/ui';
import { APP_PASSWORDS, SIGN_INS_OF_USER, type AppPasswordRow, type SignInAttempt } from '@keyward/console/app-passwords/data-access';
import { AppPasswordTable, GenerateDialog, RevokeDialog } from '@keyward/console/app-passwords/feature-inventory';

/**
 * Self-service: generate, list and revoke one's own app passwords (as far as one's grants allow), see why a
 * client's sign-in failed, and what usually fixes it.
 */
@Component({
  selector: 'kw-my-app-passwords-page',
  imports: [DatePipe, RouterLink, AppPasswordTable, GenerateDialog, RevokeDialog, PageState, Pager, PlainReasonPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './my-app-passwords.page.html',
})
export class MyAppPasswordsPage implements OnInit {
  protected readonly session = inject(SessionStore);
  private readonly graphql = inject(GraphQLClient);
  protected readonly isRevocable = (row: AppPasswordRow) => this.session.can('appPasswords.revoke', row.user.id);
  protected readonly generateDialog = viewChild.required(GenerateDialog);
  protected readonly revokeDialog = viewChild.required(RevokeDialog);
  protected readonly mine = new CursorPager<AppPasswordRow>(async (after) => {
    const data = await this.graphql.request<{ appPasswords: ConnectionPage<AppPasswordRow> }>(APP_PASSWORDS, {
      filter: { userId: this.myId() },
      sort: { field: 'CREATED_AT', direction: 'DESC' },
      first: 25,
      after,
    });
    return data.appPasswords;
  });
  protected readonly failures = new CursorPager<SignInAttempt>(async (after) => {
    const data = await this.graphql.request<{ user: { signIns: ConnectionPage<SignInAttempt> } | null }>(SIGN_INS_OF_USER, {
      id: this.myId(),
      outcome: 'REJECTED',
      first: 10,
      after,
    });
    return data.user?.signIns ?? emptyPage();
  });

  ngOnInit(): void {
    void this.reload();
  }

  protected reload(): Promise<unknown> {
    return Promise.all([this.mine.reload(), this.failures.first()]);
  }

  /** The label of one of the user's app passwords on this page, or its key id. */
  protected labelOf(appPasswordId: string): string {
    return this.mine.rows().find((row) => row.id === appPasswordId)?.label ?? appPasswordId;
  }

  private myId(): string {
    return this.session.me()?.id ?? '';
  }
}
