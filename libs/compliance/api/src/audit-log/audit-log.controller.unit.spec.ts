import { EventEmitter } from 'node:events';
import type { Response } from 'express';
import type { AuditLog } from '@keyward/compliance/audit-log';
import type { EventStore } from '@keyward/shared/event-store';
import type { UserPrincipal } from '@keyward/identity/domain';
import { AuditLogController } from './audit-log.controller';

/** A response that records what the controller answered (a test double of express's). */
class RecordedResponse extends EventEmitter {
  statusCode = 200;
  headers: Record<string, string> = {};
  body: unknown = null;
  written = '';
  headersSent = false;
  status(code: number) {
    this.statusCode = code;
    return this;
  }
  setHeader(name: string, value: string) {
    this.headers[name.toLowerCase()] = value;
    return this;
  }
  removeHeader(name: string) {
    delete this.headers[name.toLowerCase()];
  }
  type(value: string) {
    return this.setHeader('content-type', value);
  }
  attachment(name: string) {
    return this.setHeader('content-disposition', `attachment; filename="${name}"`);
  }
  send(body: unknown) {
    this.body = body;
    return this;
  }
  write(chunk: Buffer) {
    this.headersSent = true;
    this.written += chunk.toString();
    return true;
  }
  end(chunk?: Buffer) {
    if (chunk) this.write(chunk);
    this.emit('finish');
  }
  destroy() {}
}

const auditor: UserPrincipal = { kind: 'user', userId: 'u1', tenantId: 't1', userPrincipalName: 'audrey@contoso.example', roles: ['AUDITOR'] };

describe('the audit-log export controller', () => {
  it('given two exports still streaming, when a third is asked for, then it answers 429 with Retry-After, and once one ends the next is served', async () => {
    const releases: (() => void)[] = [];
    // A log of ten leaves whose reading waits until the test releases it (a stub of the AuditLog service).
    const auditLog = {
      checkpoint: async () => ({ tenantId: 't1', size: 10, rootHash: Buffer.alloc(32), note: 'note', verifierKey: 'k', signedAt: '' }),
      tree: () => ({}),
      // The plan's records are for bundles; this route streams the export lines.
      leaves: () => ({ range: () => undefined }),
      exportLines: {
        async *lines(): AsyncGenerator<Buffer> {
          await new Promise<void>((resolve) => releases.push(resolve));
          yield Buffer.from('{}\n');
        },
        recycle: () => undefined,
      },
    } as unknown as AuditLog;
    const controller = new AuditLogController(auditLog, {} as EventStore);
    const responses = [new RecordedResponse(), new RecordedResponse(), new RecordedResponse(), new RecordedResponse()];
    const first = controller.auditLogRecords(auditor, {}, responses[0] as unknown as Response);
    const second = controller.auditLogRecords(auditor, {}, responses[1] as unknown as Response);
    await new Promise((resolve) => setImmediate(resolve));
    await controller.auditLogRecords(auditor, {}, responses[2] as unknown as Response);
    expect(responses[2].statusCode).toBe(429);
    expect(responses[2].headers['retry-after']).toBe('30');
    expect(responses[2].headers['content-disposition']).toBeUndefined();
    releases.shift()?.();
    await first;
    expect(responses[0].written).toBe('{}\n');
    const fourth = controller.auditLogRecords(auditor, {}, responses[3] as unknown as Response);
    await new Promise((resolve) => setImmediate(resolve));
    releases.forEach((release) => release());
    await Promise.all([second, fourth]);
    expect(responses[3].statusCode).toBe(200);
    expect(responses[3].written).toBe('{}\n');
  });
});
