// Copies every event between stores and checks the copy. Usage:
//   npm run copy-events -- --from <sqlite data dir | esdb://…> --to <sqlite data dir | esdb://…> [--checkpoint FILE]
// A store is a data directory (the embedded store's events.sqlite in it) or an esdb:// connection
// string. With --checkpoint, progress is saved after every batch and a new run resumes there.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { openEventStore, type Position } from '@keyward/shared/event-store';
import { compareStores, copyEvents } from './copy-events';

function argument(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

function open(location: string) {
  return /^(esdb|kurrentdb)(\+discover)?:\/\//.test(location) ? openEventStore({ dataDir: '.', eventStoreUrl: location }) : openEventStore({ dataDir: location });
}

async function main(): Promise<void> {
  const from = argument('from');
  const to = argument('to');
  const checkpoint = argument('checkpoint');
  if (!from || !to) throw new Error('Usage: --from <store> --to <store> [--checkpoint FILE]');
  const source = open(from);
  const target = open(to);
  try {
    const after = checkpoint && existsSync(checkpoint) ? (readFileSync(checkpoint, 'utf8').trim() as Position) : undefined;
    const copied = await copyEvents(source, target, {
      after,
      onProgress: (position, count) => {
        if (checkpoint) writeFileSync(checkpoint, position);
        process.stdout.write(`\rcopied ${count} events`);
      },
    });
    console.log(`\ncopied ${copied} events; comparing every stream …`);
    const differing = await compareStores(source, target);
    if (differing.length > 0) throw new Error(`${differing.length} streams differ: ${differing.slice(0, 10).join(', ')}`);
    console.log('every stream has the same events, in the same order, with the same content');
  } finally {
    await source.close();
    await target.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
