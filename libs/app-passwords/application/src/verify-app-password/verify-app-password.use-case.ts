import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import type { CommandContext, DomainEvent } from '@keyward/shared/domain';
import { Aggregates } from '@keyward/shared/event-sourcing';
import { FailureThrottle, HashingGate, SHED, verifyAgainstNothing, verifySecret, type HashingLane } from '@keyward/shared/security';
import { CLOCK, ID_GENERATOR, KEYWARD_CONFIG, VERIFICATIONS, VERIFY_DURATION, type Clock, type IdGenerator, type KeywardConfig } from '@keyward/shared/server';
import {
  actorOf,
  authorize,
  parseUserPrincipalName,
  userIdFor,
  type AppPasswordScope,
  type GatewayPrincipal,
  type User,
  type UserPrincipalName,
} from '@keyward/identity/domain';
import { Directory } from '@keyward/identity/application';
import { GetTenantIdForDomainQuery } from '@keyward/identity/read-models';
import {
  appPasswordUsageStreamId,
  decideVerification,
  parseAppPassword,
  signInFailuresStreamId,
  type AppPassword,
  type AppPasswordUsageEvent,
  type ExistingAppPassword,
  type SignInDetails,
  type SignInFailed,
  type SignInFailuresSummarized,
  type SignInFailureReason,
} from '@keyward/app-passwords/domain';
import { Credentials } from '../credentials/credentials.repository';
import { UnknownUserFailures } from './unknown-user-failures';
import { VerifiedSecrets } from './verified-secrets';

/** How often ended windows of unknown-name failures are written as summaries. */
const SUMMARY_INTERVAL_MS = 5_000;

export interface VerificationAttempt {
  readonly userPrincipalName: string;
  readonly password: string;
  readonly protocol: AppPasswordScope;
  readonly sourceIp: string | null;
  readonly client: string | null;
  /** Who asked. */
  readonly gateway: GatewayPrincipal;
  readonly correlationId: string;
}

export type VerificationResult =
  | { readonly result: 'accepted'; readonly userId: string; readonly appPasswordId: string; readonly userPrincipalName: string }
  /** `reason` is for this node's metrics and logs only: a gateway is never told why. */
  | { readonly result: 'rejected'; readonly reason: string }
  | { readonly result: 'throttled'; readonly retryAfterSeconds: number }
  /** Too much argon2 work waiting: this attempt was not checked (the gateway answers a temporary failure). */
  | { readonly result: 'overloaded'; readonly retryAfterSeconds: number };

const rejected = (reason: string): VerificationResult => ({ result: 'rejected', reason });
const OVERLOADED: VerificationResult = { result: 'overloaded', retryAfterSeconds: 1 };

/** Thrown inside `decide` when the hashing gate sheds the attempt; answered OVERLOADED, nothing recorded. */
class Shed extends Error {}
/** One instance, thrown again and again: a flood sheds thousands a second, and each new Error would capture a stack. */
const SHED_ATTEMPT = new Shed('shed');

/**
 * Answers a gateway: may this user sign in with this app password? State is read from the
 * user's and the credential's own streams at every attempt (a revocation is seen as soon as it is
 * acknowledged, on every node), every answer is recorded as an event, and the secret costs one
 * argon2 check (the key id in the password names the credential) — none when the same secret
 * passed argon2 moments ago (VerifiedSecrets).
 */
@Injectable()
export class VerifyAppPassword implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Verify');
  readonly throttle: FailureThrottle;
  readonly verifiedSecrets: VerifiedSecrets;
  /**
   * argon2 at most as many at once as libuv has threads; then checks of real credentials before
   * the dummy work of attempts that matched nothing, each lane's queue bounded (HashingGate).
   */
  readonly hashing = new HashingGate({ concurrent: Number(process.env['UV_THREADPOOL_SIZE'] ?? 4) || 4, queued: { known: 256, unknown: 64 } });
  /** Failures of made-up user names: the first of a minute recorded one by one, the rest summarized. */
  readonly unknownUsers: UnknownUserFailures;
  private summaryTimer?: NodeJS.Timeout;
  private summarizing: Promise<void> | null = null;

  constructor(
    private readonly aggregates: Aggregates,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(KEYWARD_CONFIG) config: KeywardConfig,
    private readonly directory: Directory,
    private readonly credentials: Credentials,
    private readonly queries: QueryBus,
    @Inject(ID_GENERATOR) private readonly ids: IdGenerator,
  ) {
    this.throttle = new FailureThrottle({
      accountFailuresBeforeDelay: config.verifyFailuresBeforeDelay,
      addressFailures: 500,
      addressWindowSeconds: 900,
    });
    this.verifiedSecrets = new VerifiedSecrets(config.verifyCache.ttlMs, config.verifyCache.maxEntries, () => clock.now().getTime());
    this.unknownUsers = new UnknownUserFailures({ recordedPerWindow: config.unknownUserEventsPerMinute, windowMs: 60_000, maxListed: 1_000 });
  }

  onApplicationBootstrap(): void {
    this.summaryTimer = setInterval(() => void this.writeSummaries(), SUMMARY_INTERVAL_MS);
    this.summaryTimer.unref();
  }

  /** The open windows' summaries are written before the store closes. */
  async beforeApplicationShutdown(): Promise<void> {
    if (this.summaryTimer) clearInterval(this.summaryTimer);
    await this.summarizing;
    await this.writeSummaries(true);
  }

  /**
   * Writes the summaries of unknown-name failures whose minute has ended (all of them with `all`);
   * one that cannot be written now (a full disk) is kept for the next round. Never two rounds at once.
   */
  writeSummaries(all = false): Promise<void> {
    this.summarizing ??= (async () => {
      const now = this.clock.now();
      for (const summary of this.unknownUsers.take(now.getTime(), all)) {
        const event: SignInFailuresSummarized = { type: 'SignInFailuresSummarized', data: summary.data };
        const context: CommandContext = { actor: summary.actor, tenantId: summary.tenantId, now, correlationId: this.ids.newId() };
        try {
          await this.aggregates.record(signInFailuresStreamId(summary.tenantId), [event], context);
          this.logger.log({ msg: 'failures of unknown user names summarized', tenantId: summary.tenantId, attempts: summary.data.attempts });
        } catch (error) {
          this.unknownUsers.putBack(summary);
          this.logger.warn({ msg: 'failures of unknown user names could not be summarized yet', error: String(error) });
        }
      }
    })().finally(() => (this.summarizing = null));
    return this.summarizing;
  }

  async verify(attempt: VerificationAttempt): Promise<VerificationResult> {
    const end = VERIFY_DURATION.startTimer();
    const result = await this.answer(attempt);
    end({ outcome: result.result });
    VERIFICATIONS.inc({ outcome: result.result, reason: result.result === 'rejected' ? result.reason : '', protocol: attempt.protocol });
    return result;
  }

  private async answer(attempt: VerificationAttempt): Promise<VerificationResult> {
    authorize(attempt.gateway, 'appPasswords.verify');
    const upn = parseUserPrincipalName(attempt.userPrincipalName);
    const account = upn?.value ?? null;
    // Reserved before the check, so that a burst of parallel guesses gets only the budget checked.
    const ticket = this.throttle.begin(account, attempt.sourceIp);
    if (ticket.waitSeconds > 0) {
      this.logger.warn({ msg: 'verification throttled', account, sourceIp: attempt.sourceIp, retryAfter: ticket.waitSeconds });
      return { result: 'throttled', retryAfterSeconds: ticket.waitSeconds };
    }
    try {
      const parsed = parseAppPassword(attempt.password);
      const [user, credential] = await Promise.all([
        upn ? this.directory.user(userIdFor(upn.value)) : ({ status: 'none' } as User),
        parsed.kind === 'parsed' ? this.credentials.load(parsed.keyId) : ({ status: 'none' } as AppPassword),
      ]);
      const result = await this.decide(attempt, upn, user, credential);
      // Every name counts alike, an account or not: how the throttle answers must not tell which exist.
      if (result.result === 'accepted') ticket.succeeded();
      else ticket.failed();
      return result;
    } catch (error) {
      if (!(error instanceof Shed)) throw error;
      this.noteShed();
      return OVERLOADED;
    } finally {
      ticket.abandoned();
    }
  }

  /**
   * Every path spends one argon2 check, against the credential's hash or a dummy one, so that the
   * answer's timing tells nothing about which user names and key ids exist (the warm path skips it
   * only for a secret that passed moments ago, which a guesser does not have).
   */
  private async decide(attempt: VerificationAttempt, upn: UserPrincipalName | null, user: User, credential: AppPassword): Promise<VerificationResult> {
    if (!upn) {
      await this.hash('unknown', () => verifyAgainstNothing(attempt.password));
      return this.unattributable(attempt, 'malformed user name', 'MALFORMED_USER_NAME');
    }
    if (user.status === 'none') {
      await this.hash('unknown', () => verifyAgainstNothing(attempt.password));
      const tenantId: string | null = await this.queries.execute(new GetTenantIdForDomainQuery(upn.domain));
      if (!tenantId) return this.unattributable(attempt, 'unknown tenant', 'UNKNOWN_TENANT');
      const { protocol, sourceIp, client } = attempt;
      const failure = { tenantId, actor: actorOf(attempt.gateway), userPrincipalName: upn.value, protocol, sourceIp, client, at: this.clock.now() };
      if (this.unknownUsers.admit(failure)) return this.recordFailure(tenantId, upn.value, 'UNKNOWN_USER', attempt);
      return rejected('UNKNOWN_USER');
    }
    const parsed = parseAppPassword(attempt.password);
    if (parsed.kind === 'malformed') {
      // Not an app password: perhaps the user's own password, typed where the app password goes.
      // One argon2 check either way (as for any failure), and only the reason is recorded: nothing
      // about the password itself reaches the usage stream.
      const primaryHash = user.passwordHash;
      const isPrimary =
        primaryHash !== null && attempt.password.length <= 1024
          ? await this.hash('unknown', () => verifySecret(primaryHash, attempt.password))
          : await this.hash('unknown', () => verifyAgainstNothing(attempt.password));
      return this.recordFailure(user.tenantId, upn.value, isPrimary ? 'PRIMARY_PASSWORD_USED' : 'MALFORMED_PASSWORD', attempt);
    }
    if (credential.status === 'none') {
      await this.hash('unknown', () => verifyAgainstNothing(parsed.secret));
      return this.recordFailure(user.tenantId, upn.value, 'UNKNOWN_CREDENTIAL', attempt);
    }
    const isSecretValid = parsed.isChecksumValid
      ? await this.checkSecret(credential, parsed.keyId, parsed.secret)
      : await this.hash('unknown', () => verifyAgainstNothing(parsed.secret));
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
    // A credential's history holds the attempts that named its owner or knew its secret. Someone
    // else's name with a wrong secret is a miss of the name tried, not a probe to write into the
    // victim credential's history (as a TYPO it would be).
    if (decision.outcome === 'rejected' && user.userId !== credential.userId && (decision.reason === 'TYPO' || decision.reason === 'WRONG_SECRET')) {
      return this.recordFailure(user.tenantId, upn.value, 'UNKNOWN_CREDENTIAL', attempt);
    }
    const details = detailsOf(attempt);
    const event: AppPasswordUsageEvent =
      decision.outcome === 'accepted'
        ? { type: 'AppPasswordUsed', data: { appPasswordId: credential.appPasswordId, userId: credential.userId, ...details } }
        : { type: 'AppPasswordRejected', data: { appPasswordId: credential.appPasswordId, userId: credential.userId, reason: decision.reason, ...details } };
    await this.record(appPasswordUsageStreamId(credential.appPasswordId), event, credential.tenantId, attempt, now);
    if (decision.outcome === 'rejected') {
      this.logger.log({ msg: 'verification rejected', appPasswordId: credential.appPasswordId, reason: decision.reason, sourceIp: attempt.sourceIp });
      return rejected(decision.reason);
    }
    return { result: 'accepted', userId: user.userId, appPasswordId: credential.appPasswordId, userPrincipalName: user.userPrincipalName };
  }

  /** The secret against the credential's hash: from the warm cache if it passed argon2 moments ago, else argon2. */
  private async checkSecret(credential: ExistingAppPassword, keyId: string, secret: string): Promise<boolean> {
    if (this.verifiedSecrets.has(keyId, secret)) return true;
    const isValid = await this.hash('known', () => verifySecret(credential.secretHash, secret));
    if (isValid) this.verifiedSecrets.remember(keyId, secret);
    return isValid;
  }

  private shedSince = 0;
  private shedLoggedAt = 0;

  /** A shed attempt is counted, and the count logged at most every ten seconds: a flood must not become a flood of log lines. */
  private noteShed(): void {
    this.shedSince++;
    const now = Date.now();
    if (now - this.shedLoggedAt < 10_000) return;
    this.logger.warn({ msg: 'verifications shed: too much argon2 work waiting', shed: this.shedSince, load: this.hashing.load });
    this.shedSince = 0;
    this.shedLoggedAt = now;
  }

  /** argon2 work through the gate; a shed attempt throws Shed, which `verify` answers OVERLOADED. */
  private async hash<T>(lane: HashingLane, work: () => Promise<T>): Promise<T> {
    const outcome = await this.hashing.run(lane, work);
    if (outcome === SHED) throw SHED_ATTEMPT;
    return outcome;
  }

  private async recordFailure(tenantId: string, userPrincipalName: string, reason: SignInFailureReason, attempt: VerificationAttempt): Promise<VerificationResult> {
    const event: SignInFailed = { type: 'SignInFailed', data: { userPrincipalName, reason, ...detailsOf(attempt) } };
    await this.record(signInFailuresStreamId(tenantId), event, tenantId, attempt, this.clock.now());
    this.logger.log({ msg: 'verification failed', reason, sourceIp: attempt.sourceIp });
    return rejected(reason);
  }

  /** An attempt no tenant can be charged with: logged, not recorded as an event. */
  private unattributable(attempt: VerificationAttempt, why: string, reason: string): VerificationResult {
    this.logger.log({ msg: `verification failed: ${why}`, sourceIp: attempt.sourceIp });
    return rejected(reason);
  }

  private async record(streamId: string, event: DomainEvent, tenantId: string, attempt: VerificationAttempt, now: Date): Promise<void> {
    const context: CommandContext = { actor: actorOf(attempt.gateway), tenantId, now, correlationId: attempt.correlationId };
    const { protocol, sourceIp, client } = detailsOf(attempt);
    await this.aggregates.record(streamId, [event], context, { protocol, ...(sourceIp ? { sourceIp } : {}), ...(client ? { client } : {}) });
  }
}

function detailsOf(attempt: VerificationAttempt): SignInDetails {
  return { protocol: attempt.protocol, sourceIp: attempt.sourceIp, client: attempt.client };
}
