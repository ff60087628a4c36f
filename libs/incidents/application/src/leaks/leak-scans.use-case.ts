import { Inject, Injectable, Logger } from '@nestjs/common';
import type { CommandContext } from '@keyward/shared/domain';
import { Aggregates } from '@keyward/shared/event-sourcing';
import { ID_GENERATOR, type IdGenerator } from '@keyward/shared/server';
import { actorOf, authorizeTenantWide, type UserPrincipal } from '@keyward/identity/domain';
import { CandidateStream, leakScanDecider, leakScanStreamId, type LeakScanSource } from '@keyward/incidents/domain';
import { ProvenLeaks, type ProvenCandidate } from './proven-leaks';

/** What a scan found: the tenant's credentials among the candidates, each proven or not. */
export interface LeakScanResult {
  readonly scanId: string;
  readonly scannedAt: string;
  readonly candidates: number;
  readonly matches: readonly ProvenCandidate[];
}

/**
 * Scans text a responder pasted or uploaded for leaked app passwords of their tenant and records
 * the scan (leakScan-<id>). The text arrives whole or in pieces; when it is read to the end, each
 * candidate naming one of the tenant's credentials is proven with one argon2 check. Other
 * tenants' credentials count as candidates only. Neither the text nor a secret is kept or logged.
 */
@Injectable()
export class LeakScans {
  private readonly logger = new Logger('LeakScans');

  constructor(
    private readonly aggregates: Aggregates,
    private readonly proofs: ProvenLeaks,
    @Inject(ID_GENERATOR) private readonly ids: IdGenerator,
  ) {}

  /** Scans `text` (a string, or its pieces as they arrive); a piece source that throws records nothing. */
  async scan(principal: UserPrincipal, text: string | AsyncIterable<string>, source: LeakScanSource, context: CommandContext): Promise<LeakScanResult> {
    authorizeTenantWide(principal, 'leaks.scan');
    const stream = new CandidateStream();
    if (typeof text === 'string') stream.push(text);
    else for await (const piece of text) stream.push(piece);
    const candidates = stream.end();
    const matches = await this.proofs.prove(candidates, (credential) => credential.tenantId === principal.tenantId);
    const scanId = this.ids.newId();
    const findings = matches.map(({ credential, isProven }) => ({ appPasswordId: credential.appPasswordId, isProven }));
    const command = { type: 'RecordLeakScan' as const, data: { scanId, tenantId: principal.tenantId, scannedBy: actorOf(principal), source, now: context.now, candidates: candidates.length, findings } };
    await this.aggregates.handle(leakScanStreamId(scanId), leakScanDecider, command, context);
    this.logger.log({ msg: 'leak scan', scanId, source, candidates: candidates.length, matched: matches.length, proven: findings.filter((finding) => finding.isProven).length });
    return { scanId, scannedAt: context.now.toISOString(), candidates: candidates.length, matches };
  }
}
