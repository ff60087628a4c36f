import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, type OnInit } from '@angular/core';
import { RouterLink } from '@angular/router';
import { CursorPager, SessionStore } from '@keyward/console/shared/data-access';
import { PageState, Pager, PlainReasonPipe, SIGN_IN_REASONS } from '@keyward/console/shared/ui';
import { AppPasswordsApi, GenerationStore, RevocationStore } from '@keyward/console/app-passwords/data-access';
import { AppPasswordTable, GenerateDialog, RevokeDialog } from '@keyward/console/app-passwords/ui';
import type { AppPasswordRow, GenerationRequest, RevocationReason, SignInAttempt } from '@keyward/console/app-passwords/util';

/**
 * Self-service: one's own app passwords, generated and revoked as far as one's grants allow, why
 * a client's sign-in failed, and what usually fixes it.
 */
@Component({
  selector: 'kw-my-app-passwords-page',
  imports: [DatePipe, RouterLink, AppPasswordTable, GenerateDialog, RevokeDialog, PageState, Pager, PlainReasonPipe],
  providers: [RevocationStore, GenerationStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './my-app-passwords.page.html',
})
export class MyAppPasswordsPage implements OnInit {
  /** Every reason a sign-in can be refused for, with what it means: the help section lists them. */
  protected readonly reasons = SIGN_IN_REASONS;
  protected readonly session = inject(SessionStore);
  protected readonly revocation = inject(RevocationStore);
  protected readonly generation = inject(GenerationStore);
  private readonly api = inject(AppPasswordsApi);
  protected readonly canGenerate = computed(() => this.session.can('appPasswords.generate', this.myId()));
  protected readonly isRevocable = (row: AppPasswordRow) => this.session.can('appPasswords.revoke', row.user.id);
  protected readonly mine = new CursorPager<AppPasswordRow>((after) =>
    this.api.list({ userId: this.myId() }, { field: 'CREATED_AT', direction: 'DESC' }, 25, after),
  );
  protected readonly failures = new CursorPager<SignInAttempt>((after) => this.api.signInsOfUser(this.myId(), 'REJECTED', 10, after));

  ngOnInit(): void {
    void this.reload();
  }

  protected reload(): Promise<unknown> {
    return Promise.all([this.mine.reload(), this.failures.first()]);
  }

  protected async generate(request: GenerationRequest): Promise<void> {
    if (await this.generation.generate(request)) await this.reload();
  }

  protected async revoke(reason: RevocationReason): Promise<void> {
    if (await this.revocation.confirm(reason)) await this.reload();
  }

  /** The label of one of the user's app passwords on this page, or its key id. */
  protected labelOf(appPasswordId: string): string {
    return this.mine.rows().find((row) => row.id === appPasswordId)?.label ?? appPasswordId;
  }

  private myId(): string {
    return this.session.me()?.id ?? '';
  }
}
