import type { INestApplication } from '@nestjs/common';
import { Logger } from 'nestjs-pino';
import { randomBytes } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import type { EventStore } from '@keyward/shared/event-store';
import { hashSecret } from '@keyward/shared/security';
import { EVENT_STORE } from '@keyward/shared/server';
import { userIdFor } from '@keyward/identity/domain';
import { demoHistory } from '@keyward/tools/seed';

/**
 * Fills a freshly bootstrapped tenant with the demo history. All appends are issued in one turn
 * of the event loop, so the store commits them together, in order.
 */
export async function seedDemoData(
  app: INestApplication,
  tenant: { tenantId: string; domain: string; adminUserId: string; adminPasswordHash: string },
): Promise<void> {
  const store = app.get<EventStore>(EVENT_STORE);
  const secretHash = await hashSecret(randomBytes(24).toString('base64url'));
  const history = demoHistory({ ...tenant, now: new Date(), secretHash, userPasswordHash: tenant.adminPasswordHash, userId: userIdFor });
  await Promise.all(
    history.map(({ streamId, event, at, actor, sourceIp, protocol, client }) => {
      const correlationId = uuidv7();
      return store.appendToStream(streamId, [
        {
          id: uuidv7(),
          type: event.type,
          data: event.data,
          metadata: {
            tenantId: tenant.tenantId,
            actor,
            occurredAt: at.toISOString(),
            correlationId,
            causationId: correlationId,
            ...(sourceIp ? { sourceIp, protocol, client } : {}),
          },
        },
      ]);
    }),
  );
  app.get(Logger).log(`Demo data: ${history.length} events for ${tenant.domain}`);
  // The people with a console password (the admin's): the ones who can sign in to see each role.
  const people = history
    .filter((entry) => entry.event.type === 'UserCreated' && (entry.event.data as { passwordHash: string | null }).passwordHash !== null)
    .map((entry) => {
      const { userPrincipalName, roles } = entry.event.data as { userPrincipalName: string; roles: string[] };
      return `${userPrincipalName} (${roles.join(', ')})`;
    })
    .sort();
  app.get(Logger).log(`Demo: ${people.join(', ')} sign in with the admin's password, to see each role's console`);
}
