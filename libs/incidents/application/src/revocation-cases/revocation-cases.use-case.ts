import { Inject, Injectable } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import type { Actor, CommandContext } from '@keyward/shared/domain';
import { Aggregates } from '@keyward/shared/event-sourcing';
import { ID_GENERATOR, type IdGenerator } from '@keyward/shared/server';
import { actorOf, authorizeFound, authorizeTenantWide, type Principal, type UserPrincipal } from '@keyward/identity/domain';
import { MatchAppPasswordsQuery, recordedFilter, type AppPasswordFilter } from '@keyward/app-passwords/read-models';
import {
  caseControlDecider,
  caseControlStreamId,
  revocationCaseDecider,
  revocationCaseStreamId,
  type CaseAction,
  type CaseMatch,
  type OpenCase,
  type RevocationCase,
  type RevocationCaseCommand,
} from '@keyward/incidents/domain';

/** How long a cancellation waits for the runner to confirm it, so the answer usually says CANCELLED. */
const CANCEL_WAIT_MS = 5000;

/** What a responder asks for: a filter, what to do with what it matches, and why. */
export interface CaseRequest {
  readonly action: CaseAction;
  readonly filter: AppPasswordFilter;
  readonly reason: string;
  readonly incidentRef: string;
  readonly isDryRun: boolean;
  readonly expectedMatched?: number | null;
}

/**
 * Opens, cancels and reinstates revocation cases. Opening one fixes the credential set: the
 * active app passwords the filter matches at that moment, in the same append as the request. The
 * runner (RevocationCaseRunner) then works through them.
 */
@Injectable()
export class RevocationCases {
  constructor(
    private readonly aggregates: Aggregates,
    private readonly queries: QueryBus,
    @Inject(ID_GENERATOR) private readonly ids: IdGenerator,
  ) {}

  /** A responder's request (or preview) by filter; resolves with the new case's id. */
  async request(principal: UserPrincipal, request: CaseRequest, context: CommandContext): Promise<string> {
    authorizeTenantWide(principal, 'incidents.respond');
    const match: CaseMatch = await this.queries.execute(new MatchAppPasswordsQuery(principal, request.filter));
    return this.open(principal, request, match, context);
  }

  /**
   * A case over credentials already known to be the tenant's (proven leaks): for a process such
   * as `system:leak-report`, which has no filter to run.
   */
  async openFor(principal: Principal, request: CaseRequest, match: CaseMatch, context: CommandContext): Promise<string> {
    authorizeTenantWide(principal, 'incidents.respond');
    return this.open(principal, request, match, context);
  }

  /**
   * Asks a running case to stop, through its control stream (the runner reads it between steps),
   * and waits a few seconds for the runner to say it stopped; resolves either way.
   */
  async cancel(principal: Principal, caseId: string, context: CommandContext): Promise<void> {
    const state = await this.aggregates.load(revocationCaseStreamId(caseId), revocationCaseDecider);
    authorizeFound(principal, 'incidents.respond', state.status === 'none' ? null : { tenantId: state.tenantId }, 'No such revocation case.');
    const command = { type: 'RequestCancellation' as const, data: { caseId, requestedBy: actorOf(principal), caseStatus: (state as OpenCase).status } };
    await this.aggregates.handle(caseControlStreamId(caseId), caseControlDecider, command, context);
    for (const deadline = Date.now() + CANCEL_WAIT_MS; Date.now() < deadline; ) {
      const last = await this.aggregates.lastEventType(revocationCaseStreamId(caseId));
      if (last === 'RevocationCaseCancelled' || last === 'RevocationCaseCompleted') return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  async reinstate(principal: Principal, caseId: string, reason: string, context: CommandContext): Promise<void> {
    await this.handle(principal, caseId, { type: 'RequestReinstatement', data: { reason, requestedBy: actorOf(principal) } }, context);
  }

  private async open(principal: Principal, request: CaseRequest, match: CaseMatch, context: CommandContext): Promise<string> {
    const caseId = this.ids.newId();
    const command: RevocationCaseCommand = {
      type: 'RequestRevocationCase',
      data: {
        caseId,
        tenantId: principal.kind === 'gateway' ? '' : principal.tenantId,
        action: request.action,
        isDryRun: request.isDryRun,
        reason: request.reason,
        incidentRef: request.incidentRef,
        requestedBy: actorOf(principal) satisfies Actor,
        now: context.now,
        filter: recordedFilter(request.filter),
        match,
        expectedMatched: request.expectedMatched,
      },
    };
    await this.aggregates.handle(revocationCaseStreamId(caseId), revocationCaseDecider, command, context);
    return caseId;
  }

  /** A command on a case of the principal's tenant; another tenant's case is NOT_FOUND. */
  private async handle(principal: Principal, caseId: string, command: RevocationCaseCommand, context: CommandContext): Promise<void> {
    const authorized = (state: RevocationCase): RevocationCaseCommand => {
      authorizeFound(principal, 'incidents.respond', state.status === 'none' ? null : { tenantId: state.tenantId }, 'No such revocation case.');
      return command;
    };
    await this.aggregates.handle(revocationCaseStreamId(caseId), revocationCaseDecider, authorized, context);
  }
}
