import { Inject, Injectable } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { CLOCK, readModelsSettled, SubscriberHost, type Clock } from '@keyward/shared/server';
import type { UserPrincipal } from '@keyward/identity/domain';
import { statusAt, type ExistingAppPassword } from '@keyward/app-passwords/domain';
import { GetAppPasswordQuery, type AppPasswordListItem } from '@keyward/app-passwords/read-models';
import type { LeakScanResult } from '@keyward/incidents/application';

/** A scan as the console shows it: each match with its credential's inventory row (owner, status, last use). */
export interface LeakScanView {
  id: string;
  scannedAt: string;
  candidates: number;
  matches: { appPassword: AppPasswordListItem; isProven: boolean }[];
  provenActiveIds: string[];
}

/** Turns a scan's result into its view, for GraphQL and for the upload's JSON answer alike. */
@Injectable()
export class LeakScanViews {
  constructor(
    private readonly queries: QueryBus,
    private readonly subscribers: SubscriberHost,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async viewOf(principal: UserPrincipal, result: LeakScanResult): Promise<LeakScanView> {
    await readModelsSettled(this.subscribers);
    const now = this.clock.now();
    const matches = await Promise.all(
      result.matches.map(async ({ credential, isProven }) => {
        const row: AppPasswordListItem | null = await this.queries.execute(new GetAppPasswordQuery(principal, credential.appPasswordId));
        return { appPassword: { ...(row ?? fromState(credential, result.scannedAt)), status: statusAt(credential, now) }, isProven };
      }),
    );
    const provenActiveIds = matches.filter((match) => match.isProven && match.appPassword.status === 'ACTIVE').map((match) => match.appPassword.id);
    return { id: result.scanId, scannedAt: result.scannedAt, candidates: result.candidates, matches, provenActiveIds };
  }
}

/**
 * A credential the inventory does not hold yet (it lags by more than readModelsSettled waits):
 * what its stream says; the creation time, which only the inventory keeps, is the scan's.
 */
function fromState(credential: ExistingAppPassword, scannedAt: string): AppPasswordListItem {
  return {
    id: credential.appPasswordId,
    tenantId: credential.tenantId,
    userId: credential.userId,
    userPrincipalName: '',
    label: credential.label,
    scopes: credential.scopes,
    status: credential.status,
    createdAt: scannedAt,
    createdBy: '',
    expiresAt: credential.expiresAt,
    revokedAt: null,
    revokedBy: null,
    revokeReason: credential.revokeReason ?? null,
    lastUsedAt: null,
    lastUsedIp: null,
    lastUsedProtocol: null,
    lastUsedClient: null,
    useCount: 0,
  };
}

/** The upload's JSON answer: the LeakScan type's fields, with each credential's owner. */
export function leakScanJson(view: LeakScanView) {
  return {
    id: view.id,
    scannedAt: view.scannedAt,
    candidates: view.candidates,
    matches: view.matches.map(({ appPassword, isProven }) => ({
      appPassword: {
        id: appPassword.id,
        label: appPassword.label,
        status: appPassword.status,
        createdAt: appPassword.createdAt,
        lastUsedAt: appPassword.lastUsedAt,
        lastUsedIp: appPassword.lastUsedIp,
        useCount: appPassword.useCount,
        user: { id: appPassword.userId, userPrincipalName: appPassword.userPrincipalName },
      },
      proven: isProven,
    })),
    provenActiveIds: view.provenActiveIds,
  };
}
