import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { CLOCK, ID_GENERATOR, type Clock, type IdGenerator } from '@keyward/shared/server';
import { actorOf, systemPrincipal } from '@keyward/identity/domain';
import { statusAt, type ExistingAppPassword } from '@keyward/app-passwords/domain';
import { CountRecentlyUsedQuery } from '@keyward/app-passwords/read-models';
import { findAppPasswordCandidates, MAX_REPORTED, type AppPasswordCandidate } from '@keyward/incidents/domain';
import { RevocationCases } from '../revocation-cases/revocation-cases.use-case';
import { ProvenLeaks } from './proven-leaks';

/** Where a report came from: for the log line and the case's correlation. */
export interface ReportOrigin {
  readonly sourceIp: string | null;
  readonly correlationId: string;
}

interface QueuedReport extends ReportOrigin {
  readonly reportId: string;
  /** What the reporter sent. Held in memory until checked, then dropped; never logged or stored. */
  readonly entries: readonly string[];
}

/** Entries waiting to be checked, across reports: twenty full reports. Beyond, a report is turned away. */
export const MAX_QUEUED_ENTRIES = 20 * MAX_REPORTED;
export const LEAK_REPORT_REASON = 'Reported as leaked through POST /leaks';
const LEAK_REPORT = 'leak-report';
const DAY_MS = 86_400_000;

/**
 * Leak reports (`POST /leaks`), checked after they are answered: the answer never depends on what
 * a report holds. Each report's entries are searched for app passwords; every one naming an
 * ACTIVE credential whose secret verifies (one argon2 check) is revoked, by `system:leak-report`
 * in one revocation case per tenant. Reports wait in a bounded queue in memory, one checked at a
 * time; what is still queued when the process stops is not checked (the reporter may send again).
 */
@Injectable()
export class LeakReports implements OnApplicationShutdown {
  private readonly logger = new Logger('LeakReports');
  private readonly queue: QueuedReport[] = [];
  private queuedEntries = 0;
  private draining: Promise<void> | null = null;
  private isStopping = false;

  constructor(
    private readonly proofs: ProvenLeaks,
    private readonly cases: RevocationCases,
    private readonly queries: QueryBus,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ID_GENERATOR) private readonly ids: IdGenerator,
  ) {}

  /** Takes a report to check once the caller has answered; false when the queue is full. Looks at nothing in it. */
  submit(entries: readonly string[], origin: ReportOrigin): boolean {
    if (this.isStopping || this.queuedEntries + entries.length > MAX_QUEUED_ENTRIES) return false;
    this.queue.push({ ...origin, reportId: this.ids.newId(), entries });
    this.queuedEntries += entries.length;
    // setImmediate: the check starts after the answer has gone out.
    this.draining ??= new Promise((resolve) => setImmediate(resolve)).then(() => this.drain()).finally(() => (this.draining = null));
    return true;
  }

  async onApplicationShutdown(): Promise<void> {
    this.isStopping = true;
    await this.draining;
  }

  private async drain(): Promise<void> {
    for (let report = this.queue.shift(); report && !this.isStopping; report = this.queue.shift()) {
      this.queuedEntries -= report.entries.length;
      await this.check(report).catch((error: unknown) => this.logger.error({ msg: 'leak report not checked', reportId: report?.reportId, error: error instanceof Error ? error.message : String(error) }));
    }
  }

  private async check(report: QueuedReport): Promise<void> {
    const now = this.clock.now();
    const candidates = candidatesIn(report.entries);
    const matches = await this.proofs.prove(candidates, (credential) => statusAt(credential, now) === 'ACTIVE');
    const proven = matches.filter((match) => match.isProven).map((match) => match.credential);
    const byTenant = byTenantOf(proven);
    for (const [tenantId, credentials] of byTenant) await this.openCase(report, tenantId, credentials, now);
    this.logger.log({ msg: 'leak report checked', reportId: report.reportId, sourceIp: report.sourceIp, entries: report.entries.length, candidates: candidates.length, proven: proven.length, tenants: byTenant.size });
  }

  private async openCase(report: QueuedReport, tenantId: string, credentials: readonly ExistingAppPassword[], now: Date): Promise<void> {
    const ids = credentials.map((credential) => credential.appPasswordId);
    const recentlyUsed: number = await this.queries.execute(new CountRecentlyUsedQuery(tenantId, ids, new Date(now.getTime() - DAY_MS).toISOString()));
    const principal = systemPrincipal(LEAK_REPORT, tenantId);
    const request = { action: 'REVOKE' as const, filter: { ids }, reason: LEAK_REPORT_REASON, incidentRef: `leak-report-${report.reportId}`, isDryRun: false };
    const match = { ids, recentlyUsed, usersAffected: new Set(credentials.map((credential) => credential.userId)).size };
    await this.cases.openFor(principal, request, match, { actor: actorOf(principal), tenantId, now, correlationId: report.correlationId });
  }
}

/** The app passwords in a report's entries, each counted once, however each entry is written. */
function candidatesIn(entries: readonly string[]): AppPasswordCandidate[] {
  const found = new Map<string, AppPasswordCandidate>();
  for (const entry of entries) for (const candidate of findAppPasswordCandidates(entry)) found.set(candidate.password, candidate);
  return [...found.values()];
}

function byTenantOf(credentials: readonly ExistingAppPassword[]): Map<string, ExistingAppPassword[]> {
  const byTenant = new Map<string, ExistingAppPassword[]>();
  for (const credential of credentials) byTenant.set(credential.tenantId, [...(byTenant.get(credential.tenantId) ?? []), credential]);
  return byTenant;
}
