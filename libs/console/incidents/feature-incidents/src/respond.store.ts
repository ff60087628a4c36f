import { computed, inject, Injectable, signal } from '@angular/core';
import { AppPasswordsApi } from '@keyward/console/app-passwords/data-access';
import { IncidentsApi, incidentErrorMessage, isMatchConflict, type CaseRequest } from '@keyward/console/incidents/data-access';
import type { CaseAction, RespondPrefill, RevocationCase } from '@keyward/console/incidents/util';
import { draftProblems, filterOf, formInstantOf, principalNamesOf, type CaseQueryDraft } from './case-query';

/**
 * Revoking or suspending by query: the draft query, a preview (a recorded dry run), and the
 * confirmation by typing the count the preview showed, sent as `expectedMatched`. Any change to
 * the query or the action after a preview makes it stale: the confirmation waits for a new one.
 */
@Injectable()
export class RespondStore {
  private readonly incidents = inject(IncidentsApi);
  private readonly appPasswords = inject(AppPasswordsApi);
  private previewed: CaseRequest | null = null;

  /** The query as the form edits it (ngModel); a select shows its "Any" option only for ''. */
  draft: CaseQueryDraft = { survivedPasswordReset: '', protocol: '', neverUsed: '' };
  /** Only these app passwords (a link's selection, such as an alert's credential); the form has no field for them. */
  readonly ids = signal<string[]>([]);
  readonly action = signal<CaseAction>('REVOKE');
  readonly reason = signal('');
  readonly incidentRef = signal('');
  /** The count the responder typed to confirm. */
  readonly typedCount = signal('');
  readonly preview = signal<RevocationCase | null>(null);
  /** Whether the query or the action changed since the preview. */
  readonly isStale = signal(false);
  readonly isBusy = signal(false);
  readonly error = signal('');
  readonly canConfirm = computed(() => {
    const preview = this.preview();
    return (
      !!preview && preview.matched > 0 && !this.isStale() && !this.isBusy() && this.typedCount().trim() === String(preview.matched) && !!this.reason().trim() && !!this.incidentRef().trim()
    );
  });

  /** Fills the form from a link (an alert's "Revoke as a case…"); nothing is previewed or revoked. */
  prefill({ ids, users, usedFromAddress, usedAfter, reason, incidentRef }: RespondPrefill): void {
    if (usedFromAddress) this.draft.usedFromAddress = usedFromAddress;
    if (usedAfter) this.draft.usedAfter = formInstantOf(usedAfter);
    if (users) this.draft.users = users.join(', ');
    this.ids.set(ids ?? []);
    if (reason) this.reason.set(reason);
    if (incidentRef) this.incidentRef.set(incidentRef);
  }

  /** Drops the link's selection from the query. */
  clearIds(): void {
    this.ids.set([]);
    this.queryEdited();
  }

  /** The query or the action was edited: a preview no longer says what a confirmation would do. */
  queryEdited(): void {
    if (this.preview()) this.isStale.set(true);
  }

  async runPreview(): Promise<void> {
    const problems = draftProblems(this.draft);
    if (problems.length) {
      this.error.set(problems.join(' '));
      return;
    }
    await this.busy(async () => {
      const request = await this.request();
      const preview = await this.incidents.preview(request);
      this.previewed = request;
      this.preview.set(preview);
      this.isStale.set(false);
      this.typedCount.set('');
    });
  }

  /** Starts the previewed case for the confirmed count; the case, or null (the error says why). */
  async confirm(): Promise<RevocationCase | null> {
    const preview = this.preview();
    if (!this.canConfirm() || !preview || !this.previewed) return null;
    let started: RevocationCase | null = null;
    await this.busy(async () => {
      try {
        started = await this.incidents.start({ ...this.previewed!, reason: this.reason().trim(), incidentRef: this.incidentRef().trim() }, preview.matched);
      } catch (error) {
        // The match moved since the preview: it no longer says what would happen.
        if (isMatchConflict(error)) this.isStale.set(true);
        throw error;
      }
    });
    return started;
  }

  private async request(): Promise<CaseRequest> {
    const ids = this.ids();
    const filter = { ...filterOf(this.draft, await this.userIds()), ...(ids.length ? { ids } : {}) };
    return { action: this.action(), filter, reason: this.reason().trim(), incidentRef: this.incidentRef().trim() };
  }

  /** The ids of the users the draft names; a name that is not a user of the tenant is an error. */
  private async userIds(): Promise<string[]> {
    return Promise.all(
      principalNamesOf(this.draft).map(async (name) => {
        const match = (await this.appPasswords.findUsers(name)).find((user) => user.userPrincipalName.toLowerCase() === name);
        if (!match) throw new Error(`No user ${name} in this tenant. Check the principal name.`);
        return match.id;
      }),
    );
  }

  private async busy(work: () => Promise<void>): Promise<void> {
    this.isBusy.set(true);
    this.error.set('');
    try {
      await work();
    } catch (error) {
      this.error.set(incidentErrorMessage(error));
    } finally {
      this.isBusy.set(false);
    }
  }
}
