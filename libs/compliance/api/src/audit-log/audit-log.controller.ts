import { Controller, Get, Inject, Logger, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { z } from 'zod';
import type { UserPrincipal } from '@keyward/identity/domain';
import { CurrentPrincipal, Public, Requires } from '@keyward/identity/api';
import { AuditLog } from '@keyward/compliance/audit-log';
import { writeBundle, type BundleInput } from '@keyward/compliance/bundle';
import type { EventStore } from '@keyward/shared/event-store';
import { EVENT_STORE, KEYWARD_VERSION } from '@keyward/shared/server';
import { exportPlan, leafIndex, parseQuery } from './export-plan';

/** Exports running at once on this node: each reads and writes for minutes at a million records. */
const MAX_CONCURRENT_EXPORTS = 2;

const CheckpointParams = z.object({ size: leafIndex.optional() }).strict();
/** `format=ocsf`: each record as its OCSF event (as a bundle's records.ocsf.ndjson holds them), for a SIEM to take in. */
const RangeParams = z.object({ from: leafIndex.optional(), to: leafIndex.optional(), format: z.enum(['ndjson', 'ocsf']).optional() }).strict();

/** The signed audit log (DESIGN §7, §8): public keys, checkpoints, and streamed exports. */
@Controller()
export class AuditLogController {
  private readonly logger = new Logger('AuditLogExports');
  private running = 0;

  constructor(
    private readonly auditLog: AuditLog,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  @Get('.well-known/keyward/audit-keys')
  @Public('Verifier keys are public by design: an auditor pins them to check signed checkpoints offline.')
  async keys(): Promise<{ keys: object[] }> {
    await this.auditLog.settled();
    for (const tenantId of this.auditLog.file.tenantIds()) this.auditLog.keys.signerFor(tenantId);
    return { keys: this.auditLog.keys.published() };
  }

  @Get('audit/checkpoint')
  @Requires('auditLog.export')
  async checkpoint(@CurrentPrincipal() principal: UserPrincipal, @Query() query: Record<string, unknown>, @Res() response: Response): Promise<void> {
    const { size } = parseQuery(CheckpointParams, query);
    const checkpoint = await this.auditLog.checkpoint(principal.tenantId, size);
    response.status(200).type('text/plain; charset=utf-8').setHeader('Cache-Control', 'no-store').send(checkpoint.note);
  }

  @Get('exports/audit-log')
  @Requires('auditLog.export')
  async auditLogRecords(@CurrentPrincipal() principal: UserPrincipal, @Query() query: Record<string, unknown>, @Res() response: Response): Promise<void> {
    const { format = 'ndjson' } = parseQuery(RangeParams, query);
    const { format: _format, ...range } = query;
    const plan = await exportPlan(this.auditLog, this.store, principal, { ...range, kind: 'audit-log' });
    const { from, to } = plan.range as { from: number; to: number };
    response
      .status(200)
      .attachment(`audit-log-${from}-${to}${format === 'ocsf' ? '.ocsf' : ''}.ndjson`)
      .type('application/x-ndjson')
      .setHeader('Cache-Control', 'no-store')
      .setHeader('X-Keyward-Records', String(to - from))
      .setHeader('X-Keyward-Checkpoint-Size', String(plan.checkpoint.size));
    await this.streamed(response, async () => {
      // Slices of lines made on the export workers, written as they come, in order; once the
      // socket has a slice's bytes, its memory goes back to be written over.
      const lines = this.auditLog.exportLines;
      for await (const text of lines.lines(principal.tenantId, from, to, format, KEYWARD_VERSION)) {
        const writable = response.write(text, (error) => {
          if (!error) lines.recycle(text);
        });
        if (!writable) await drained(response);
      }
      response.end();
    });
  }

  @Get('exports/bundle')
  @Requires('auditLog.export')
  async bundle(@CurrentPrincipal() principal: UserPrincipal, @Query() query: Record<string, unknown>, @Res() response: Response): Promise<void> {
    const plan = await exportPlan(this.auditLog, this.store, principal, query);
    const input: BundleInput = {
      manifest: {
        tenantId: principal.tenantId,
        origin: this.auditLog.origin(principal.tenantId),
        kind: plan.kind,
        range: plan.range,
        filter: plan.filter,
        generatedAt: new Date().toISOString(),
        software: { name: 'keyward', version: KEYWARD_VERSION },
        sinceSize: plan.sinceSize,
      },
      checkpointNote: plan.checkpoint.note,
      records: plan.records,
      proofs: plan.proofs,
    };
    response
      .status(200)
      .attachment(`keyward-${plan.kind}-${plan.checkpoint.size}.zip`)
      .type('application/zip')
      .setHeader('Cache-Control', 'no-store')
      .setHeader('X-Keyward-Checkpoint-Size', String(plan.checkpoint.size));
    if (plan.expectedRecords !== null) response.setHeader('X-Keyward-Records', String(plan.expectedRecords));
    await this.streamed(response, () => writeBundle(input, response));
  }

  /**
   * At most MAX_CONCURRENT_EXPORTS at once (429 with Retry-After beyond: one auditor's exports do
   * not starve everyone else). A failure before the first byte is an error answer; once bytes
   * are sent it can only cut the response short: it is logged, and the client sees a broken download.
   */
  private async streamed(response: Response, send: () => Promise<unknown>): Promise<void> {
    if (this.running >= MAX_CONCURRENT_EXPORTS) {
      response.status(429).setHeader('Retry-After', '30').removeHeader('Content-Disposition');
      response.type('application/json').send({ code: 'TOO_MANY_REQUESTS', message: `${MAX_CONCURRENT_EXPORTS} exports are running on this server; try again in a minute.` });
      return;
    }
    this.running += 1;
    try {
      await send();
    } catch (error) {
      if (!response.headersSent) {
        response.removeHeader('Content-Disposition');
        throw error;
      }
      this.logger.error({ msg: 'an export stopped part-way', error: String(error) });
      response.destroy();
    } finally {
      this.running -= 1;
    }
  }
}

/** Resolves when the response can take more; fails when the client has gone. */
function drained(response: Response): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const done = (error?: Error) => {
      response.off('drain', onDrain);
      response.off('close', onClose);
      if (error) reject(error);
      else resolve();
    };
    const onDrain = () => done();
    const onClose = () => done(new Error('the client closed the connection'));
    response.on('drain', onDrain);
    response.on('close', onClose);
  });
}

