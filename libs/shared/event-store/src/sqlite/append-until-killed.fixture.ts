// Child process for the durability test: appends one event at a time and prints each
// acknowledged event id, until it is killed.
import { randomUUID } from 'node:crypto';
import { SqliteEventStore } from './sqlite-event-store';

async function main(file: string): Promise<void> {
  const store = new SqliteEventStore(file);
  for (;;) {
    const id = randomUUID();
    await store.appendToStream('durability-1', [
      {
        id,
        type: 'Tick',
        data: {},
        metadata: {
          tenantId: 't',
          actor: 'system:durability-test',
          occurredAt: new Date().toISOString(),
          correlationId: id,
          causationId: id,
        },
      },
    ]);
    process.stdout.write(`${id}\n`);
  }
}

void main(process.argv[2]);
