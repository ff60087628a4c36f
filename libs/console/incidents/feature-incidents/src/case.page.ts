import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject, signal, type OnInit } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { ActivatedRoute, RouterLink } from '@angular/router';
import { SessionStore } from '@keyward/console/shared/data-access';
import { PageState, Pager } from '@keyward/console/shared/ui';
import { IncidentsApi, RevocationCaseStore } from '@keyward/console/incidents/data-access';
import { CaseProgress, CaseSampleTable, OUTCOME_WORDS, OutcomeTable } from '@keyward/console/incidents/ui';
import { isReinstatable, OUTCOME_KINDS, type OutcomeKind } from '@keyward/console/incidents/util';

/**
 * One revocation case: what was asked and by whom, its progress live while it runs (with Cancel),
 * the outcome table paged and filtered by outcome, the CSV, and for a suspension, Reinstate.
 * Buttons that act show only to whoever holds incidents.respond.
 */
@Component({
  selector: 'kw-case-page',
  imports: [DatePipe, FormsModule, RouterLink, PageState, Pager, CaseProgress, CaseSampleTable, OutcomeTable],
  providers: [RevocationCaseStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './case.page.html',
})
export class CasePage implements OnInit {
  protected readonly store = inject(RevocationCaseStore);
  protected readonly session = inject(SessionStore);
  private readonly api = inject(IncidentsApi);
  protected readonly route = inject(ActivatedRoute);
  private readonly destroyRef = inject(DestroyRef);
  protected readonly outcomeKinds = OUTCOME_KINDS;
  protected readonly outcomeWords = OUTCOME_WORDS;
  protected readonly canRespond = computed(() => this.session.can('incidents.respond'));
  protected readonly canReinstate = computed(() => this.canRespond() && !!this.store.current() && isReinstatable(this.store.current()!));
  protected readonly names = signal<ReadonlyMap<string, string>>(new Map());
  protected readonly isReinstating = signal(false);
  protected reinstateReason = '';

  ngOnInit(): void {
    this.route.paramMap.pipe(takeUntilDestroyed(this.destroyRef)).subscribe((params) => void this.open(params.get('id') ?? ''));
  }

  protected nameOf(actor: string | null): string {
    return actor ? (this.names().get(actor) ?? actor) : '';
  }

  protected filterOutcomes(kind: string): void {
    void this.store.filterOutcomes(kind ? (kind as OutcomeKind) : null);
  }

  protected async reinstate(): Promise<void> {
    if (!this.reinstateReason.trim()) return;
    if (await this.store.reinstate(this.reinstateReason.trim())) {
      this.isReinstating.set(false);
      this.reinstateReason = '';
    }
  }

  private async open(id: string): Promise<void> {
    await this.store.follow(id);
    const found = this.store.current();
    if (found) this.names.set(await this.api.actorNames([found.requestedBy, ...(found.cancelledBy ? [found.cancelledBy] : [])]));
  }
}
