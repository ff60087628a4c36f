import { randomUUID } from 'node:crypto';
import type { EventStore, RecordedEvent } from '@keyward/shared/event-store';

const START = Date.parse('2026-12-01T09:00:00.000Z');

/**
 * Appends `count` events of the kinds a tenant's audit trail holds (sign-ins that pass and fail,
 * lifecycle changes, alerts), numbered from `from`, and returns them as the store recorded them.
 * Some carry what a SIEM must never get (an argon2 hash) and text that needs escaping; `extra`
 * is added to each event's data.
 */
export async function appendAuditEvents(store: EventStore, count: number, from = 0, extra: Record<string, unknown> = {}): Promise<RecordedEvent[]> {
  const appended: RecordedEvent[] = [];
  for (let n = from; n < from + count; n++) {
    const { streamId, type, data } = eventNumber(n);
    const metadata = {
      tenantId: n % 5 === 4 ? 'tenant-"two"]' : 't-1',
      actor: type === 'AppPasswordUsed' || type === 'AppPasswordRejected' ? ('gateway:nginx' as const) : ('user:u-1' as const),
      occurredAt: new Date(START + n * 1_250).toISOString(),
      correlationId: `c-${n}`,
      causationId: `c-${n}`,
    };
    await store.appendToStream(streamId, [{ id: randomUUID(), type, data: { ...data, ...extra }, metadata }]);
    const [recorded] = await store.readStream(streamId, { direction: 'backwards', maxCount: 1 });
    appended.push(recorded);
  }
  return appended;
}

function eventNumber(n: number): { streamId: string; type: string; data: Record<string, unknown> } {
  switch (n % 5) {
    case 0:
      return { streamId: `appPassword-k${n}`, type: 'AppPasswordGenerated', data: { keyId: `k${n}`, label: `Thunderbird "home" [${n}]`, secretHash: '$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA' } };
    case 1:
      return { streamId: `appPasswordUsage-k${n - 1}`, type: 'AppPasswordUsed', data: { keyId: `k${n - 1}`, sourceIp: '203.0.113.7', protocol: 'imap' } };
    case 2:
      return { streamId: `appPasswordUsage-k${n - 2}`, type: 'AppPasswordRejected', data: { keyId: `k${n - 2}`, reason: 'WRONG_SECRET', sourceIp: '198.51.100.9' } };
    case 3:
      return { streamId: `user-u${n}`, type: 'UserCreated', data: { userPrincipalName: `zoë.${n}@contoso.example`, displayName: 'Zoë Ångström \\ ] "quoted"' } };
    default:
      return { streamId: `appPassword-k${n - 4}`, type: 'AppPasswordRevoked', data: { keyId: `k${n - 4}`, reason: 'left the company' } };
  }
}
