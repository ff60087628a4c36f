import { Inject, Injectable, Logger } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import type { Actor, CommandContext, DomainEvent } from '@keyward/shared/domain';
import { Aggregates, CLOCK, FailureThrottle, KEYWARD_CONFIG, verifyAgainstNothing, verifySecret, type Clock, type KeywardConfig } from '@keyward/shared/server';
import { parseUserPrincipalName, userIdFor, type AppPasswordScope, type User, type UserPrincipalName } from '@keyward/identity/domain';
import { Directory } from '@keyward/identity/application';
import { GetTenantIdForDomainQuery } from '@keyward/identity/read-models';
import {
  appPasswordUsageStreamId,
  decideVerification,
  parseAppPassword,
  signInFailuresStreamId,
  type AppPasswordUsageEvent,
  type SignInDetails,
  type SignInFailed,
  type SignInFailureReason,
} from '@keyward/app-passwords/domain';
import { Credentials } from '../credentials/credentials';

export interface VerificationAttempt {
  readonly userPrincipalName: string;
  readonly password: string;
  readonly protocol: AppPasswordScope;
  readonly sourceIp: string | null;
  readonly client: string | null;
  /** `gateway:<name>`: who asked. */
  readonly gateway: Actor;
  readonly correlationId: string;
}

export type VerificationResult =
  | { readonly result: 'accepted'; readonly userId: string; readonly appPasswordId: string; readonly userPrincipalName: string }
  | { readonly result: 'rejected' }
  | { readonly result: 'throttled'; readonly retryAfterSeconds: number };

const REJECTED: VerificationResult = { result: 'rejected' };

/**
 * Answers a gateway: may this user sign in with this app password? One argon2 check per attempt
 * (the key id in the password names the credential), state read from the credential's own
 * stream (a revocation is seen as soon as it is acknowledged), every answer recorded as an event.
 */
@Injectable()
export class VerifyAppPassword {
  private readonly logger = new Logger('Verify');
  readonly throttle: FailureThrottle;

  constructor(
    private readonly aggregates: Aggregates,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(KEYWARD_CONFIG) config: KeywardConfig,
    private readonly directory: Directory,
    private readonly credentials: Credentials,
    private readonly queries: QueryBus,
  ) {
    this.throttle = new FailureThrottle({
      accountFailuresBeforeDelay: config.verifyFailuresBeforeDelay,
      addressFailures: 500,
      addressWindowSeconds: 900,
    });
  }

  async verify(attempt: VerificationAttempt): Promise<VerificationResult> {
    const upn = parseUserPrincipalName(attempt.userPrincipalName);
    const account = upn?.value ?? null;
    const wait = await this.throttle.waitSeconds(account, attempt.sourceIp);
    if (wait > 0) {
      this.logger.warn({ msg: 'verification throttled', account, sourceIp: attempt.sourceIp, retryAfter: wait });
      return { result: 'throttled', retryAfterSeconds: wait };
    }
    const user: User = upn ? await this.directory.user(userIdFor(upn.value)) : { status: 'none' };
    const result = await this.decide(attempt, upn, user);
    if (result.result === 'accepted' && account) {
      await this.throttle.recordSuccess(account, attempt.sourceIp);
    } else {
      // Failures count against an account only if it exists: names made up by a sprayer must
      // not fill the throttle's memory (the address limit covers them).
      await this.throttle.recordFailure(user.status === 'none' ? null : account, attempt.sourceIp);
    }
    return result;
  }

  private async decide(attempt: VerificationAttempt, upn: UserPrincipalName | null, user: User): Promise<VerificationResult> {
    if (!upn) return this.unattributable(attempt, 'malformed user name');
    if (user.status === 'none') {
      await verifyAgainstNothing(attempt.password);
      const tenantId: string | null = await this.queries.execute(new GetTenantIdForDomainQuery(upn.domain));
      if (!tenantId) return this.unattributable(attempt, 'unknown tenant');
      return this.recordFailure(tenantId, upn.value, 'UNKNOWN_USER', attempt);
    }
    const parsed = parseAppPassword(attempt.password);
    if (parsed.kind === 'malformed') return this.recordFailure(user.tenantId, upn.value, 'MALFORMED_PASSWORD', attempt);
    const credential = await this.credentials.load(parsed.keyId);
    if (credential.status === 'none') {
      await verifyAgainstNothing(parsed.secret);
      return this.recordFailure(user.tenantId, upn.value, 'UNKNOWN_CREDENTIAL', attempt);
    }
    const isSecretValid = parsed.isChecksumValid && (await verifySecret(credential.secretHash, parsed.secret));
    const now = this.clock.now();
    const decision = decideVerification({
      credential,
      claimedUserId: user.userId,
      isOwnerEnabled: user.status === 'enabled',
      isChecksumValid: parsed.isChecksumValid,
      isSecretValid,
      protocol: attempt.protocol,
      now,
    });
    const details = detailsOf(attempt);
    const event: AppPasswordUsageEvent =
      decision.outcome === 'accepted'
        ? { type: 'AppPasswordUsed', data: { appPasswordId: credential.appPasswordId, userId: credential.userId, ...details } }
        : { type: 'AppPasswordRejected', data: { appPasswordId: credential.appPasswordId, userId: credential.userId, reason: decision.reason, ...details } };
    await this.append(appPasswordUsageStreamId(credential.appPasswordId), event, credential.tenantId, attempt, now);
    if (decision.outcome === 'rejected') {
      this.logger.log({ msg: 'verification rejected', appPasswordId: credential.appPasswordId, reason: decision.reason, sourceIp: attempt.sourceIp });
      return REJECTED;
    }
    return { result: 'accepted', userId: user.userId, appPasswordId: credential.appPasswordId, userPrincipalName: user.userPrincipalName };
  }

  private async recordFailure(tenantId: string, userPrincipalName: string, reason: SignInFailureReason, attempt: VerificationAttempt): Promise<VerificationResult> {
    const event: SignInFailed = { type: 'SignInFailed', data: { userPrincipalName, reason, ...detailsOf(attempt) } };
    await this.append(signInFailuresStreamId(tenantId), event, tenantId, attempt, this.clock.now());
    this.logger.log({ msg: 'verification failed', reason, sourceIp: attempt.sourceIp });
    return REJECTED;
  }

  /** An attempt no tenant can be charged with: logged, not recorded as an event. */
  private unattributable(attempt: VerificationAttempt, why: string): VerificationResult {
    this.logger.log({ msg: `verification failed: ${why}`, sourceIp: attempt.sourceIp });
    return REJECTED;
  }

  private async append(streamId: string, event: DomainEvent, tenantId: string, attempt: VerificationAttempt, now: Date): Promise<void> {
    const context: CommandContext = { actor: attempt.gateway, tenantId, now, correlationId: attempt.correlationId };
    const details = detailsOf(attempt);
    await this.aggregates.store.appendToStream(
      streamId,
      this.aggregates.newEvents([event], context, {
        protocol: details.protocol,
        ...(details.sourceIp ? { sourceIp: details.sourceIp } : {}),
        ...(details.client ? { client: details.client } : {}),
      }),
    );
  }
}

function detailsOf(attempt: VerificationAttempt): SignInDetails {
  return { protocol: attempt.protocol, sourceIp: attempt.sourceIp, client: attempt.client };
}
