import { describeEventStoreContract } from '../testing/event-store.contract';
import { EsdbEventStore } from './esdb-event-store';
import { EsdbProtocolFake } from './testing/esdb-protocol-fake';

// The same contract, against the EventStoreDB adapter talking gRPC to an in-process FAKE of the
// EventStoreDB protocol (no real server can run here). Passing here is not passing against
// EventStoreDB: set KEYWARD_EVENTSTORE_URL to run the real-server suite below.
describeEventStoreContract('EventStoreDB adapter against the in-process protocol FAKE (not a real EventStoreDB)', async () => {
  const fake = await new EsdbProtocolFake().start();
  const store = new EsdbEventStore(fake.connectionString);
  return {
    store,
    dispose: async () => {
      await store.close();
      await fake.stop();
    },
  };
});

const realServer = process.env['KEYWARD_EVENTSTORE_URL'];
const describeReal = realServer ? describe : describe.skip;
describeReal(`EventStoreDB adapter against a real server${realServer ? '' : ' — skipped: KEYWARD_EVENTSTORE_URL is not set'}`, () => {
  describeEventStoreContract('EventStoreDB adapter against a real server', async () => {
    const store = new EsdbEventStore(realServer ?? '');
    return { store, dispose: () => store.close() };
  });
});
