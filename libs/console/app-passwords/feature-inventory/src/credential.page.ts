import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, input, type OnInit, signal, viewChild } from '@angular/core';
import { RouterLink } from '@angular/router';
import { CursorPager, emptyPage, GraphQLClient, RequestState, SessionStore, type ConnectionPage } from '@keyward/console/shared/data-access';
import { ChartView, PageState } from '@keyward/console/shared/ui';
import {
  APP_PASSWORD,
  SIGN_INS_OF_APP_PASSWORD,
  type AppPasswordRow,
  type SignInAttempt,
} from '@keyward/console/app-passwords/data-access';
import { RevokeDialog } from './revoke-dialog';
import { SignInHistory } from './sign-in-history';

interface CredentialDetail extends AppPasswordRow {
  usage: {
    addresses: { sourceIp: string; firstSeen: string; lastSeen: string; uses: number; rejections: number }[];
    perDay: { day: string; uses: number; rejections: number }[];
  };
}

interface LifecycleEvent {
  id: string;
  type: string;
  occurredAt: string;
  actorName: string;
  data: { label?: string; reason?: string; incidentRef?: string | null; expiresAt?: string | null };
}

const LIFECYCLE = `query Lifecycle($streamId: String!) {
  auditEvents(filter: { streamId: $streamId }, first: 200) { edges { node { id type occurredAt actorName data } } }
}`;
const DAYS = 30;

/** One app password: what it is, its lifecycle, its use over time and where it was used from. */
@Component({
  selector: 'kw-credential-page',
  imports: [DatePipe, RouterLink, ChartView, PageState, RevokeDialog, SignInHistory],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './credential.page.html',
})
export class CredentialPage implements OnInit {
  /** The app password's id, from the route. */
  readonly id = input.required<string>();
  protected readonly session = inject(SessionStore);
  private readonly graphql = inject(GraphQLClient);
  protected readonly revokeDialog = viewChild.required(RevokeDialog);
  protected readonly credential = signal<CredentialDetail | null>(null);
  protected readonly lifecycle = signal<LifecycleEvent[]>([]);
  protected readonly request = new RequestState(true);
  protected readonly signIns = new CursorPager<SignInAttempt>(async (after) => {
    const data = await this.graphql.request<{ appPassword: { signIns: ConnectionPage<SignInAttempt> } | null }>(SIGN_INS_OF_APP_PASSWORD, { id: this.id(), first: 25, after });
    return data.appPassword?.signIns ?? emptyPage();
  });
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
    if (!credential || credential.status !== 'ACTIVE') return false;
    return this.session.can('appPasswords.revoke', credential.user.id);
  });

  ngOnInit(): void {
    void this.load();
  }

  protected load(): Promise<void> {
    return this.request.run(async () => {
      const data = await this.graphql.request<{ appPassword: CredentialDetail | null }>(APP_PASSWORD, { id: this.id(), days: DAYS });
      this.credential.set(data.appPassword);
      if (!data.appPassword) throw new Error('No such app password, or it is not yours to see.');
      await Promise.all([this.loadLifecycle(), this.signIns.first()]);
    });
  }

  /** Readers of the audit trail see the events themselves; others see what the credential's row records. */
  private async loadLifecycle(): Promise<void> {
    if (!this.session.can('auditTrail.read')) return;
    const data = await this.graphql.request<{ auditEvents: { edges: { node: LifecycleEvent }[] } }>(LIFECYCLE, { streamId: `appPassword-${this.id()}` });
    this.lifecycle.set(data.auditEvents.edges.map((edge) => edge.node));
  }
}
