import * as grpc from '@grpc/grpc-js';
import { EventEmitter } from 'node:events';
import { randomUUID } from 'node:crypto';
import * as streamsGrpc from '@eventstore/db-client/generated/streams_grpc_pb';
import * as streamsPb from '@eventstore/db-client/generated/streams_pb';
import * as sharedPb from '@eventstore/db-client/generated/shared_pb';
import * as featuresGrpc from '@eventstore/db-client/generated/serverfeatures_grpc_pb';
import * as featuresPb from '@eventstore/db-client/generated/serverfeatures_pb';

/**
 * A FAKE of the EventStoreDB gRPC protocol, in process, for tests only: no EventStoreDB server
 * can run on these machines. It serves the service definitions that ship inside
 * `@eventstore/db-client` — streams Append, Read (streams and $all, both directions, filters,
 * catch-up and live subscriptions with checkpoints), Delete and Tombstone, stream metadata (as
 * `$$` streams) and server features — from memory, with switches that inject faults. It is not EventStoreDB: whatever passes only against it is
 * marked so in the test output.
 */
export class EsdbProtocolFake {
  private readonly server = new grpc.Server();
  private readonly log: StoredEvent[] = [];
  private readonly streams = new Map<string, StoredEvent[]>();
  private readonly appended = new EventEmitter();
  /** Soft-deleted streams: reads find nothing; a new append continues the revisions. */
  private readonly hiddenBefore = new Map<string, number>();
  /** Tombstoned streams: gone for good; reads and appends fail. */
  private readonly tombstones = new Set<string>();
  private readonly liveSubscriptions = new Set<grpc.ServerWritableStream<streamsPb.ReadReq, streamsPb.ReadResp>>();
  port = 0;

  /**
   * Fault switches: every call fails UNAVAILABLE, or answers NOT_LEADER, or is slowed down by
   * `delayMs`; `latencyMs` adds a random delay between its bounds to each call, as a server a
   * network hop away would (the order calls arrive in then differs from the order they are answered).
   */
  readonly faults: { isUnavailable: boolean; isNotLeader: boolean; delayMs: number; latencyMs: { min: number; max: number } | null } = {
    isUnavailable: false,
    isNotLeader: false,
    delayMs: 0,
    latencyMs: null,
  };

  constructor() {
    this.appended.setMaxListeners(0);
    this.server.addService(streamsGrpc.StreamsService, {
      append: (call: grpc.ServerReadableStream<streamsPb.AppendReq, streamsPb.AppendResp>, callback: grpc.sendUnaryData<streamsPb.AppendResp>) =>
        this.append(call, callback),
      read: (call: grpc.ServerWritableStream<streamsPb.ReadReq, streamsPb.ReadResp>) => void this.read(call),
      delete: (call: grpc.ServerUnaryCall<streamsPb.DeleteReq, streamsPb.DeleteResp>, callback: grpc.sendUnaryData<streamsPb.DeleteResp>) =>
        this.remove(streamName(call.request.getOptions()?.getStreamIdentifier()), 'soft', callback),
      tombstone: (call: grpc.ServerUnaryCall<streamsPb.TombstoneReq, streamsPb.TombstoneResp>, callback: grpc.sendUnaryData<streamsPb.TombstoneResp>) =>
        this.remove(streamName(call.request.getOptions()?.getStreamIdentifier()), 'tombstone', callback),
      batchAppend: (call: grpc.ServerDuplexStream<unknown, unknown>) => call.destroy(Object.assign(new Error('not in the fake'), { code: grpc.status.UNIMPLEMENTED })),
    } as unknown as grpc.UntypedServiceImplementation);
    this.server.addService(featuresGrpc.ServerFeaturesService, {
      getSupportedMethods: (_call: unknown, callback: grpc.sendUnaryData<featuresPb.SupportedMethods>) => callback(null, supportedMethods()),
    } as unknown as grpc.UntypedServiceImplementation);
  }

  /** Starts on a free loopback port; the connection string is `esdb://127.0.0.1:<port>?tls=false`. */
  async start(): Promise<this> {
    this.port = await new Promise<number>((resolve, reject) =>
      this.server.bindAsync('127.0.0.1:0', grpc.ServerCredentials.createInsecure(), (error, port) => (error ? reject(error) : resolve(port))),
    );
    return this;
  }

  get connectionString(): string {
    return `esdb://127.0.0.1:${this.port}?tls=false`;
  }

  /** Ends every live subscription with UNAVAILABLE, as a server restart or a lost leader would. */
  dropSubscriptions(): void {
    // grpc-js ends a server stream with a status when the call emits 'error'.
    for (const call of this.liveSubscriptions) call.emit('error', { code: grpc.status.UNAVAILABLE, details: 'dropped by the fake' });
    this.liveSubscriptions.clear();
  }

  async stop(): Promise<void> {
    this.dropSubscriptions();
    this.server.forceShutdown();
  }

  private callDelay(): number {
    const latency = this.faults.latencyMs;
    return this.faults.delayMs + (latency ? latency.min + Math.random() * (latency.max - latency.min) : 0);
  }

  private fault(): grpc.ServiceError | null {
    if (this.faults.isUnavailable) return Object.assign(new Error('unavailable (fake)'), { code: grpc.status.UNAVAILABLE, details: 'unavailable (fake)', metadata: new grpc.Metadata() });
    if (this.faults.isNotLeader) {
      const metadata = new grpc.Metadata();
      metadata.set('exception', 'not-leader');
      metadata.set('leader-endpoint-host', '127.0.0.1');
      metadata.set('leader-endpoint-port', String(this.port));
      return Object.assign(new Error('not leader (fake)'), { code: grpc.status.NOT_FOUND, details: 'Leader info available', metadata });
    }
    return null;
  }

  private append(call: grpc.ServerReadableStream<streamsPb.AppendReq, streamsPb.AppendResp>, callback: grpc.sendUnaryData<streamsPb.AppendResp>): void {
    let options: streamsPb.AppendReq.Options | undefined;
    const proposed: streamsPb.AppendReq.ProposedMessage[] = [];
    call.on('data', (request: streamsPb.AppendReq) => {
      if (request.hasOptions()) options = request.getOptions();
      else if (request.hasProposedMessage()) proposed.push(request.getProposedMessage() as streamsPb.AppendReq.ProposedMessage);
    });
    call.on('end', async () => {
      await delay(this.callDelay());
      const fault = this.fault();
      if (fault) return callback(fault);
      if (!options) return callback({ code: grpc.status.INVALID_ARGUMENT, details: 'no options' });
      const name = streamName(options.getStreamIdentifier());
      if (this.tombstones.has(name)) return callback(streamDeleted(name));
      callback(null, this.decideAppend(name, options, proposed));
    });
  }

  private remove<Response extends streamsPb.DeleteResp | streamsPb.TombstoneResp>(
    name: string,
    how: 'soft' | 'tombstone',
    callback: grpc.sendUnaryData<Response>,
  ): void {
    const fault = this.fault() ?? (this.tombstones.has(name) ? streamDeleted(name) : null);
    if (fault) return callback(fault);
    if (how === 'tombstone') this.tombstones.add(name);
    else this.hiddenBefore.set(name, (this.streams.get(name) ?? []).length);
    const position = new streamsPb.DeleteResp.Position().setCommitPosition(String(this.log.length)).setPreparePosition(String(this.log.length));
    const response = how === 'soft' ? new streamsPb.DeleteResp().setPosition(position) : new streamsPb.TombstoneResp().setPosition(position);
    callback(null, response as Response);
  }

  /** A stream's readable events: none if tombstoned, only those after a soft delete. */
  private visible(name: string): StoredEvent[] | undefined {
    const events = this.streams.get(name);
    if (!events) return undefined;
    const visible = events.slice(this.hiddenBefore.get(name) ?? 0);
    return visible.length > 0 ? visible : undefined;
  }

  private decideAppend(name: string, options: streamsPb.AppendReq.Options, proposed: streamsPb.AppendReq.ProposedMessage[]): streamsPb.AppendResp {
    const events = this.streams.get(name) ?? [];
    const ids = proposed.map((message) => message.getId()?.getString() ?? randomUUID());
    const current = events.length - 1;
    const response = new streamsPb.AppendResp();
    // Idempotency as the server has it: the same ids, already written in this order, are a success.
    const earlier = events.findIndex((event) => event.id === ids[0]);
    if (earlier >= 0 && ids.every((id, i) => events[earlier + i]?.id === id)) {
      return response.setSuccess(success(earlier + ids.length - 1, events[earlier + ids.length - 1].position));
    }
    const isExpected = options.hasNoStream()
      ? events.length === 0
      : options.hasStreamExists()
        ? events.length > 0
        : options.hasRevision()
          ? BigInt(options.getRevision()) === BigInt(current)
          : true;
    const isReusingSomeIds = ids.some((id) => events.some((event) => event.id === id));
    if (!isExpected || isReusingSomeIds) return wrongExpectedVersion(options, current);
    for (const [index, message] of proposed.entries()) {
      const metadata = message.getMetadataMap();
      const event: StoredEvent = {
        id: ids[index],
        streamName: name,
        revision: events.length,
        position: this.log.length + 1,
        type: metadata.get('type') ?? '',
        contentType: metadata.get('content-type') ?? 'application/json',
        createdTicks: BigInt(Date.now()) * 10_000n + 621_355_968_000_000_000n,
        data: message.getData_asU8(),
        customMetadata: message.getCustomMetadata_asU8(),
      };
      events.push(event);
      this.log.push(event);
    }
    this.streams.set(name, events);
    this.appended.emit('appended');
    return response.setSuccess(success(events.length - 1, events[events.length - 1]?.position ?? 0));
  }

  private async read(call: grpc.ServerWritableStream<streamsPb.ReadReq, streamsPb.ReadResp>): Promise<void> {
    await delay(this.callDelay());
    const fault = this.fault();
    if (fault) return void call.emit('error', fault);
    const options = call.request.getOptions() as streamsPb.ReadReq.Options;
    const matches = matcher(options);
    if (options.hasSubscription()) return this.subscribe(call, options, matches);
    const isBackwards = options.getReadDirection() === streamsPb.ReadReq.Options.ReadDirection.BACKWARDS;
    const count = Number(options.getCount() || '0');
    let selected: StoredEvent[];
    if (options.hasStream()) {
      const stream = options.getStream() as streamsPb.ReadReq.Options.StreamOptions;
      const name = streamName(stream.getStreamIdentifier());
      if (this.tombstones.has(name)) return void call.emit('error', streamDeleted(name));
      const events = this.visible(name);
      if (!events) {
        const notFound = new streamsPb.ReadResp.StreamNotFound().setStreamIdentifier(stream.getStreamIdentifier());
        call.write(new streamsPb.ReadResp().setStreamNotFound(notFound));
        return void call.end();
      }
      const first = events[0].revision;
      const last = events[events.length - 1].revision;
      const from = stream.hasStart() ? first : stream.hasEnd() ? (isBackwards ? last : last + 1) : Number(stream.getRevision());
      selected = isBackwards ? events.filter((e) => e.revision <= from).reverse() : events.filter((e) => e.revision >= from);
    } else {
      const all = options.getAll() as streamsPb.ReadReq.Options.AllOptions;
      const from = all.hasStart() ? 0 : all.hasEnd() ? this.log.length : Number(all.getPosition()?.getCommitPosition() ?? 0);
      selected = isBackwards ? this.log.filter((e) => all.hasEnd() || e.position < from).reverse() : this.log.filter((e) => e.position >= from);
    }
    for (const event of selected.filter(matches).slice(0, count)) call.write(readEvent(event));
    call.end();
  }

  /** Catch-up from the position (exclusive), a checkpoint now and then, CaughtUp, then live. */
  private subscribe(
    call: grpc.ServerWritableStream<streamsPb.ReadReq, streamsPb.ReadResp>,
    options: streamsPb.ReadReq.Options,
    matches: (event: StoredEvent) => boolean,
  ): void {
    let after = 0;
    if (options.hasAll()) {
      const all = options.getAll() as streamsPb.ReadReq.Options.AllOptions;
      after = all.hasEnd() ? this.log.length : all.hasPosition() ? Number(all.getPosition()?.getCommitPosition()) : 0;
    }
    call.write(new streamsPb.ReadResp().setConfirmation(new streamsPb.ReadResp.SubscriptionConfirmation().setSubscriptionId(randomUUID())));
    this.liveSubscriptions.add(call);
    let isCaughtUp = false;
    const deliver = () => {
      for (const event of this.log.slice(after)) {
        if (matches(event)) call.write(readEvent(event));
        after = event.position;
      }
      if (options.hasFilter() && this.log.length > 0) {
        const checkpoint = new streamsPb.ReadResp.Checkpoint().setCommitPosition(String(after)).setPreparePosition(String(after));
        call.write(new streamsPb.ReadResp().setCheckpoint(checkpoint));
      }
      if (!isCaughtUp) {
        isCaughtUp = true;
        call.write(new streamsPb.ReadResp().setCaughtUp(new streamsPb.ReadResp.CaughtUp()));
      }
    };
    deliver();
    this.appended.on('appended', deliver);
    const end = () => {
      this.appended.off('appended', deliver);
      this.liveSubscriptions.delete(call);
    };
    call.on('cancelled', end);
    call.on('close', end);
    call.on('error', end);
  }
}

interface StoredEvent {
  id: string;
  streamName: string;
  revision: number;
  position: number;
  type: string;
  contentType: string;
  createdTicks: bigint;
  data: Uint8Array;
  customMetadata: Uint8Array;
}

function streamDeleted(name: string): grpc.ServiceError {
  const metadata = new grpc.Metadata();
  metadata.set('exception', 'stream-deleted');
  metadata.set('stream-name', name);
  return Object.assign(new Error(`stream ${name} is deleted (fake)`), { code: grpc.status.FAILED_PRECONDITION, details: 'stream deleted', metadata });
}

function supportedMethods(): featuresPb.SupportedMethods {
  const methods = new featuresPb.SupportedMethods().setEventStoreServerVersion('23.10.0-keyward-fake');
  for (const name of ['read', 'append', 'delete', 'tombstone']) {
    methods.addMethods(new featuresPb.SupportedMethod().setServiceName('event_store.client.streams.streams').setMethodName(name));
  }
  return methods;
}

function streamName(identifier: sharedPb.StreamIdentifier | undefined): string {
  return Buffer.from(identifier?.getStreamName_asU8() ?? new Uint8Array()).toString('utf8');
}

function success(revision: number, position: number): streamsPb.AppendResp.Success {
  const at = new streamsPb.AppendResp.Position().setCommitPosition(String(position)).setPreparePosition(String(position));
  const result = new streamsPb.AppendResp.Success().setPosition(at);
  return revision >= 0 ? result.setCurrentRevision(String(revision)) : result.setNoStream(new sharedPb.Empty());
}

function wrongExpectedVersion(options: streamsPb.AppendReq.Options, current: number): streamsPb.AppendResp {
  const error = new streamsPb.AppendResp.WrongExpectedVersion();
  if (current >= 0) error.setCurrentRevision(String(current));
  else error.setCurrentNoStream(new sharedPb.Empty());
  if (options.hasRevision()) error.setExpectedRevision(options.getRevision());
  else if (options.hasNoStream()) error.setExpectedNoStream(new sharedPb.Empty());
  else if (options.hasStreamExists()) error.setExpectedStreamExists(new sharedPb.Empty());
  else error.setExpectedAny(new sharedPb.Empty());
  return new streamsPb.AppendResp().setWrongExpectedVersion(error);
}

/** The filter of a read or subscription, as a predicate. System streams are never matched by prefixes of ours. */
function matcher(options: streamsPb.ReadReq.Options): (event: StoredEvent) => boolean {
  if (!options.hasFilter()) return () => true;
  const filter = options.getFilter() as streamsPb.ReadReq.Options.FilterOptions;
  const expression = filter.hasStreamIdentifier() ? filter.getStreamIdentifier() : filter.getEventType();
  const pick = (event: StoredEvent) => (filter.hasStreamIdentifier() ? event.streamName : event.type);
  const prefixes = expression?.getPrefixList() ?? [];
  const regex = expression?.getRegex() ? new RegExp(expression.getRegex()) : null;
  return (event) => (prefixes.length > 0 ? prefixes.some((prefix) => pick(event).startsWith(prefix)) : true) && (regex ? regex.test(pick(event)) : true);
}

function readEvent(event: StoredEvent): streamsPb.ReadResp {
  const record = new streamsPb.ReadResp.ReadEvent.RecordedEvent()
    .setId(new sharedPb.UUID().setString(event.id))
    .setStreamIdentifier(new sharedPb.StreamIdentifier().setStreamName(Buffer.from(event.streamName)))
    .setStreamRevision(String(event.revision))
    .setCommitPosition(String(event.position))
    .setPreparePosition(String(event.position))
    .setData(event.data)
    .setCustomMetadata(event.customMetadata);
  const metadata = record.getMetadataMap();
  metadata.set('type', event.type);
  metadata.set('content-type', event.contentType);
  metadata.set('created', String(event.createdTicks));
  const read = new streamsPb.ReadResp.ReadEvent().setEvent(record).setCommitPosition(String(event.position));
  return new streamsPb.ReadResp().setEvent(read);
}

function delay(ms: number): Promise<void> {
  return ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve();
}
