import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Module, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { EventStore } from '@keyward/shared/event-store';
import type { ReadModelDatabase } from '@keyward/shared/read-models';
import { EVENT_STORE, KeywardCoreModule, loadConfig, READ_MODEL_DB, SubscriberHost } from '@keyward/shared/server';
import { ComplianceSiemModule } from './compliance-siem.module';
import { HecReceiverDouble } from './hec/hec-receiver.double';
import { appendAuditEvents } from './siem-events.fixture';

// The module as the API composes it: the core module's subscriber host finds the forwarders.
describe('the SIEM module', () => {
  let dir: string;
  let receiver: HecReceiverDouble;
  let app: INestApplicationContext;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'keyward-siem-module-'));
    receiver = await HecReceiverDouble.start();
  });
  afterEach(async () => {
    await app?.close();
    await receiver.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const start = async (env: Record<string, string>) => {
    const config = loadConfig({ KEYWARD_DATA_DIR: dir, ...env });
    @Module({ imports: [KeywardCoreModule.forRoot(config, []), ComplianceSiemModule] })
    class Root {}
    app = await NestFactory.createApplicationContext(Root, { logger: false });
    await app.init();
    return { store: app.get<EventStore>(EVENT_STORE), host: app.get(SubscriberHost) };
  };
  /** The forwarders that ran: those with a checkpoint in the read-model file. */
  const forwardersThatRan = () =>
    (app.get<ReadModelDatabase>(READ_MODEL_DB).prepare("SELECT subscriber FROM subscriber_checkpoints WHERE subscriber LIKE 'siem-%'").all() as { subscriber: string }[]).map((row) => row.subscriber);

  it('given an HEC URL and no syslog URL, when Keyward runs, then the HEC forwarder sends every event and the syslog forwarder does not run', async () => {
    const { store, host } = await start({ KEYWARD_HEC_URL: receiver.origin, KEYWARD_HEC_TOKEN: 'a-token' });
    const events = await appendAuditEvents(store, 6);
    await host.reactionsSettled();
    expect(receiver.events.map((event) => (event.event as { id: string }).id)).toEqual(events.map((event) => event.id));
    expect(host.health()).toEqual({ status: 'ok', deadLetters: 0, retrying: [] });
    expect(forwardersThatRan()).toEqual(['siem-hec']);
  });

  it('given no SIEM settings, when Keyward runs, then neither forwarder runs', async () => {
    const { store, host } = await start({});
    await appendAuditEvents(store, 2);
    await host.reactionsSettled();
    expect(forwardersThatRan()).toEqual([]);
    expect(receiver.requests).toEqual([]);
  });
});
