import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, input, type OnInit, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { CursorPager, RequestState, SessionStore } from '@keyward/console/shared/data-access';
import { ChartView, PageState, Pager } from '@keyward/console/shared/ui';
import { AppPasswordsApi, RevocationStore, type AppPasswordDetail, type LifecycleEvent } from '@keyward/console/app-passwords/data-access';
import { RevokeDialog, SignInTable } from '@keyward/console/app-passwords/ui';
import type { RevocationReason, SignInAttempt } from '@keyward/console/app-passwords/util';

const DAYS = 30;

/** One app password: what it is, its lifecycle, its use over time and where it was used from. */
@Component({
  selector: 'kw-credential-page',
  imports: [DatePipe, RouterLink, ChartView, PageState, Pager, RevokeDialog, SignInTable],
  providers: [RevocationStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './credential.page.html',
})
export class CredentialPage implements OnInit {
  /** The app password's id, from the route. */
  readonly id = input.required<string>();
  protected readonly session = inject(SessionStore);
  protected readonly revocation = inject(RevocationStore);
  private readonly api = inject(AppPasswordsApi);
  protected readonly credential = signal<AppPasswordDetail | null>(null);
  protected readonly lifecycle = signal<LifecycleEvent[]>([]);
  protected readonly request = new RequestState(true);
  protected readonly signIns = new CursorPager<SignInAttempt>((after) => this.api.signInsOf(this.id(), 25, after));
  protected readonly days = computed(() => this.credential()?.usage.perDay.map((d) => d.day.slice(5)) ?? []);
  protected readonly perDay = computed(() => {
    const perDay = this.credential()?.usage.perDay ?? [];
    return [
      { name: 'Uses', values: perDay.map((d) => d.uses) },
      { name: 'Rejections', values: perDay.map((d) => d.rejections) },
    ];
  });
  protected readonly canRevoke = computed(() => {
    const credential = this.credential();
    return credential?.status === 'ACTIVE' && this.session.can('appPasswords.revoke', credential.user.id);
  });

  ngOnInit(): void {
    void this.load();
  }

  protected load(): Promise<void> {
    return this.request.run(async () => {
      const credential = await this.api.one(this.id(), DAYS);
      this.credential.set(credential);
      if (!credential) throw new Error('No such app password, or it is not yours to see.');
      await Promise.all([this.loadLifecycle(), this.signIns.first()]);
    });
  }

  protected async revoke(reason: RevocationReason): Promise<void> {
    if (await this.revocation.confirm(reason)) await this.load();
  }

  /** Readers of the audit trail see the events themselves; others see what the credential's row records. */
  private async loadLifecycle(): Promise<void> {
    if (this.session.can('auditTrail.read')) this.lifecycle.set(await this.api.lifecycleOf(this.id()));
  }
}
