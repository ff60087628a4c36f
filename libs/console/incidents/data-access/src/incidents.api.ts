import { inject, Injectable } from '@angular/core';
import { emptyPage, GraphQLClient, type ConnectionPage } from '@keyward/console/shared/data-access';
import { filterVariables, type AppPasswordFilter } from '@keyward/console/app-passwords/data-access';
import type { CaseAction, CaseOutcome, OutcomeKind, RevocationCase } from '@keyward/console/incidents/util';
import {
  ACTOR_NAME,
  CANCEL_REVOCATION_CASE,
  CASE_OUTCOMES,
  REINSTATE_APP_PASSWORDS,
  REVOCATION_CASE,
  REVOCATION_CASES,
  REVOKE_APP_PASSWORDS,
  SUSPEND_APP_PASSWORDS,
} from './incidents.operations';

/** What a case is asked for: the action, the query, and why. */
export interface CaseRequest {
  action: CaseAction;
  /** The API's filter (instants, not form days); only ACTIVE credentials match whatever it says about status. */
  filter: AppPasswordFilter;
  reason: string;
  incidentRef: string;
}

/** A case as the case list shows it (no sample). */
export type CaseSummary = Omit<RevocationCase, 'sample' | 'recentlyUsed' | 'usersAffected' | 'cancelledBy'>;

/** The incident-response operations of the API, typed: the one place the console's incident GraphQL is sent from. */
@Injectable({ providedIn: 'root' })
export class IncidentsApi {
  private readonly graphql = inject(GraphQLClient);

  /** Records a dry run: what the query matches now, what it would break, and a sample. Changes nothing. */
  preview(request: CaseRequest): Promise<RevocationCase> {
    return this.open(request, { dryRun: true });
  }

  /**
   * Opens a real case that then runs on the server. `expectedMatched` is the count the responder
   * confirmed: when the query now matches another number the answer is CONFLICT and nothing changes.
   */
  start(request: CaseRequest, expectedMatched: number): Promise<RevocationCase> {
    return this.open(request, { dryRun: false, expectedMatched });
  }

  /** One case; null when not found or not in the viewer's tenant. */
  async one(id: string): Promise<RevocationCase | null> {
    return (await this.graphql.request(REVOCATION_CASE, { id })).revocationCase;
  }

  /** The tenant's cases, newest first, dry runs included. */
  async list(first: number, after: string | null): Promise<ConnectionPage<CaseSummary>> {
    return (await this.graphql.request(REVOCATION_CASES, { first, after })).revocationCases;
  }

  /** A page of a case's outcomes in the order they were recorded; only one kind when given. */
  async outcomes(caseId: string, outcome: OutcomeKind | null, first: number, after: string | null): Promise<ConnectionPage<CaseOutcome>> {
    const data = await this.graphql.request(CASE_OUTCOMES, { id: caseId, outcome, first, after });
    return data.revocationCase?.outcomes ?? emptyPage();
  }

  /** Stops a running case; what was done stays done. */
  async cancel(id: string): Promise<RevocationCase> {
    return (await this.graphql.request(CANCEL_REVOCATION_CASE, { id })).cancelRevocationCase;
  }

  /** Makes a suspension case's suspended credentials active again (the server does it in the background). */
  async reinstate(caseId: string, reason: string): Promise<RevocationCase> {
    return (await this.graphql.request(REINSTATE_APP_PASSWORDS, { input: { caseId, reason } })).reinstateAppPasswords;
  }

  /**
   * Who each actor is, for people: `user:<id>` becomes the user's principal name where the viewer
   * may read users; anything else (`system:leak-report`) stays as it is.
   */
  async actorNames(actors: string[]): Promise<Map<string, string>> {
    const names = new Map(actors.map((actor) => [actor, actor]));
    const ids = [...new Set(actors.filter((actor) => actor.startsWith('user:')).map((actor) => actor.slice('user:'.length)))];
    if (ids.length === 0) return names;
    await Promise.all(
      ids.map(async (id) => {
        try {
          const { user } = await this.graphql.request(ACTOR_NAME, { id });
          if (user) names.set(`user:${id}`, user.userPrincipalName);
        } catch {
          // Without users.read the actors stay as ids: still true, only less friendly.
        }
      }),
    );
    return names;
  }

  private async open({ action, filter, reason, incidentRef }: CaseRequest, options: { dryRun: boolean; expectedMatched?: number }): Promise<RevocationCase> {
    const input = { filter: filterVariables(filter), reason, incidentRef, ...options };
    if (action === 'SUSPEND') return (await this.graphql.request(SUSPEND_APP_PASSWORDS, { input })).suspendAppPasswords;
    return (await this.graphql.request(REVOKE_APP_PASSWORDS, { input })).revokeAppPasswords;
  }
}
