import { computed, DestroyRef, inject, Injectable, InjectionToken, signal } from '@angular/core';
import { CursorPager } from '@keyward/console/shared/data-access';
import { isInMotion, progressOf, type CaseOutcome, type OutcomeKind, type RevocationCase } from '@keyward/console/incidents/util';
import { incidentErrorMessage, isMatchConflict } from './incident-errors';
import { IncidentsApi, type CaseRequest } from './incidents.api';
import { outcomesCsvUrl } from './incidents.operations';

/** How often a case is read again while it runs (about once a second). */
export const CASE_POLL_MS = new InjectionToken<number>('CASE_POLL_MS', { factory: () => 1000 });
export const OUTCOMES_PAGE_SIZE = 25;

/**
 * One revocation case, followed live: started here or opened by id, read again every
 * CASE_POLL_MS while it runs (or reinstates), its outcome table paged and filtered by kind,
 * cancelled or reinstated. A page or dialog provides it; polling stops when that goes.
 */
@Injectable()
export class RevocationCaseStore {
  private readonly api = inject(IncidentsApi);
  private readonly pollMs = inject(CASE_POLL_MS);
  private timer: ReturnType<typeof setTimeout> | null = null;
  private followed: string | null = null;
  /** Counts stops, so a poll answer that arrives after a newer read (a cancel's, say) is dropped. */
  private generation = 0;

  /** The case as last read; null before the first answer, or when not found. */
  readonly current = signal<RevocationCase | null>(null);
  readonly isLoading = signal(false);
  /** Why the case could not be read, or ''. */
  readonly error = signal('');
  /** Why the last start, cancel or reinstatement failed, or ''. */
  readonly actionError = signal('');
  /** When the last start was refused because the query now matches another count: that count. */
  readonly conflictMatched = signal<number | null>(null);
  readonly isActing = signal(false);
  /** Only outcomes of this kind; null for all. */
  readonly outcomeFilter = signal<OutcomeKind | null>(null);
  readonly outcomes = new CursorPager<CaseOutcome>((after) =>
    this.followed ? this.api.outcomes(this.followed, this.outcomeFilter(), OUTCOMES_PAGE_SIZE, after) : Promise.resolve({ totalCount: 0, pageInfo: { hasNextPage: false, endCursor: null }, edges: [] }),
  );
  readonly progress = computed(() => {
    const found = this.current();
    return found ? progressOf(found) : null;
  });
  readonly csvUrl = computed(() => (this.current() ? outcomesCsvUrl(this.current()!.id) : ''));

  constructor() {
    inject(DestroyRef).onDestroy(() => this.stopPolling());
  }

  /** Opens the case with this id and follows it while it runs. */
  async follow(id: string): Promise<void> {
    this.stopPolling();
    this.followed = id;
    this.current.set(null);
    this.error.set('');
    this.actionError.set('');
    this.isLoading.set(true);
    try {
      const found = await this.api.one(id);
      if (this.followed !== id) return;
      this.current.set(found);
      if (!found) this.error.set('No such revocation case in your tenant. It may have been mistyped in the address.');
    } catch (error) {
      this.error.set(incidentErrorMessage(error));
    } finally {
      this.isLoading.set(false);
    }
    if (this.current()) await this.showCase();
  }

  /**
   * Opens a real case for the confirmed count and follows it; the case, or null when the server
   * refused it (`actionError` says why: a CONFLICT names the count the query matches now).
   */
  async start(request: CaseRequest, expectedMatched: number): Promise<RevocationCase | null> {
    this.conflictMatched.set(null);
    const started = await this.act(() => this.api.start(request, expectedMatched));
    if (!started) return null;
    this.stopPolling();
    this.followed = started.id;
    this.error.set('');
    this.current.set(started);
    await this.showCase();
    return started;
  }

  /** Stops the running case; what was done stays done. */
  async cancel(): Promise<boolean> {
    const found = this.current();
    if (!found) return false;
    return this.changed(await this.act(() => this.api.cancel(found.id)));
  }

  /** Makes what the suspension case suspended active again; true when the server took the request. */
  async reinstate(reason: string): Promise<boolean> {
    const found = this.current();
    if (!found) return false;
    return this.changed(await this.act(() => this.api.reinstate(found.id, reason)));
  }

  /** Shows only outcomes of this kind (null: all), from the first page. */
  filterOutcomes(kind: OutcomeKind | null): Promise<void> {
    this.outcomeFilter.set(kind);
    return this.outcomes.first();
  }

  /** Forgets the case (a dialog opened again starts blank). */
  clear(): void {
    this.stopPolling();
    this.followed = null;
    this.current.set(null);
    this.error.set('');
    this.actionError.set('');
    this.conflictMatched.set(null);
  }

  stopPolling(): void {
    this.generation++;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private async showCase(): Promise<void> {
    this.schedule();
    await this.outcomes.first();
  }

  private async changed(found: RevocationCase | null): Promise<boolean> {
    if (!found || found.id !== this.followed) return false;
    this.current.set(found);
    this.schedule();
    await this.outcomes.reload();
    return true;
  }

  private async act(request: () => Promise<RevocationCase>): Promise<RevocationCase | null> {
    this.isActing.set(true);
    this.actionError.set('');
    try {
      return await request();
    } catch (error) {
      this.actionError.set(incidentErrorMessage(error));
      if (isMatchConflict(error)) this.conflictMatched.set(error.details['matched'] as number);
      return null;
    } finally {
      this.isActing.set(false);
    }
  }

  /** Reads the case again in a while if it may still change; one timer at a time, never overlapping requests. */
  private schedule(): void {
    this.stopPolling();
    const found = this.current();
    if (!found || !isInMotion(found)) return;
    const generation = this.generation;
    this.timer = setTimeout(() => void this.tick(found.id, generation), this.pollMs);
  }

  private async tick(id: string, generation: number): Promise<void> {
    this.timer = null;
    const before = this.current();
    try {
      const found = await this.api.one(id);
      if (generation !== this.generation || !found) return;
      this.current.set(found);
      // The outcome table follows whenever more credentials are done, and once more at the end.
      const hasMoved = !before || progressOf(found).done !== progressOf(before).done || !isInMotion(found);
      if (hasMoved) void this.outcomes.reload();
    } catch {
      // A failed poll keeps what was shown; the next one tries again.
    }
    if (generation === this.generation) this.schedule();
  }
}
