import { ApiError, type ConnectionPage } from '@keyward/console/shared/data-access';
import type { CaseOutcome, OutcomeKind, RevocationCase } from '@keyward/console/incidents/util';
import type { CaseRequest, CaseSummary } from '../incidents.api';

/** A case with every field, these ones as given. */
export function caseOf(fields: Partial<RevocationCase> = {}): RevocationCase {
  return {
    id: 'case-1',
    action: 'REVOKE',
    status: 'RUNNING',
    reason: 'Botnet sign-ins',
    incidentRef: 'INC-7',
    requestedBy: 'user:rita',
    requestedAt: '2026-12-01T10:00:00.000Z',
    matched: 3,
    revoked: 0,
    alreadyRevoked: 0,
    failed: 0,
    recentlyUsed: 2,
    usersAffected: 2,
    finishedAt: null,
    cancelledBy: null,
    reinstatement: null,
    sample: [],
    ...fields,
  };
}

export function outcomeOf(appPasswordId: string, outcome: OutcomeKind, label = appPasswordId, userPrincipalName = 'alice@contoso.example'): CaseOutcome {
  return { appPasswordId, outcome, detail: outcome === 'FAILED' ? 'Store unavailable' : null, recordedAt: '2026-12-01T10:00:01.000Z', appPassword: { id: appPasswordId, label, status: 'REVOKED', user: { userPrincipalName } } };
}

/**
 * A test double for the incident API: no server runs in a component test. `matched` is what the
 * query matches "now"; `one()` answers the states of `script` in turn, repeating the last, as a
 * running case moves on; every request is recorded in `sent`.
 */
export class IncidentsApiDouble {
  matched = 3;
  script: RevocationCase[] = [caseOf()];
  outcomeRows: CaseOutcome[] = [];
  cases: CaseSummary[] = [];
  readonly sent: { call: string; request?: CaseRequest; expectedMatched?: number; id?: string; reason?: string }[] = [];
  reads = 0;

  async preview(request: CaseRequest): Promise<RevocationCase> {
    this.sent.push({ call: 'preview', request });
    return caseOf({ id: 'dry-1', status: 'DRY_RUN', action: request.action, matched: this.matched, recentlyUsed: Math.min(2, this.matched), usersAffected: Math.min(2, this.matched) });
  }

  async start(request: CaseRequest, expectedMatched: number): Promise<RevocationCase> {
    this.sent.push({ call: 'start', request, expectedMatched });
    if (expectedMatched !== this.matched) {
      throw new ApiError('CONFLICT', `The filter now matches ${this.matched} active app passwords, not the ${expectedMatched} expected: preview it again.`, {
        matched: this.matched,
        expectedMatched,
      });
    }
    return this.script[0];
  }

  async one(id: string): Promise<RevocationCase | null> {
    this.reads++;
    const found = this.script.length > 1 ? this.script.shift()! : this.script[0];
    return found && found.id === id ? found : null;
  }

  async list(first: number): Promise<ConnectionPage<CaseSummary>> {
    return { totalCount: this.cases.length, pageInfo: { hasNextPage: this.cases.length > first, endCursor: null }, edges: this.cases.slice(0, first).map((node) => ({ node })) };
  }

  async outcomes(_caseId: string, outcome: OutcomeKind | null): Promise<ConnectionPage<CaseOutcome>> {
    const rows = this.outcomeRows.filter((row) => !outcome || row.outcome === outcome);
    return { totalCount: rows.length, pageInfo: { hasNextPage: false, endCursor: null }, edges: rows.map((node) => ({ node })) };
  }

  async cancel(id: string): Promise<RevocationCase> {
    this.sent.push({ call: 'cancel', id });
    const cancelled = { ...this.script.at(-1)!, status: 'CANCELLED' as const, finishedAt: '2026-12-01T10:00:05.000Z', cancelledBy: 'user:rita' };
    this.script = [cancelled];
    return cancelled;
  }

  async reinstate(caseId: string, reason: string): Promise<RevocationCase> {
    this.sent.push({ call: 'reinstate', id: caseId, reason });
    const reinstated = { ...this.script.at(-1)!, reinstatement: { status: 'DONE' as const, reinstated: this.script.at(-1)!.revoked } };
    this.script = [reinstated];
    return reinstated;
  }

  async actorNames(actors: string[]): Promise<Map<string, string>> {
    return new Map(actors.map((actor) => [actor, actor === 'user:rita' ? 'rita@contoso.example' : actor]));
  }
}
