import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { EventStore } from '@keyward/shared/event-store';

/**
 * What `GET /metrics` serves (`KEYWARD_METRICS=true`), in Prometheus' text format: one registry
 * per process, with Node's own metrics (memory, event-loop lag, GC) and Keyward's. The gauges
 * that read the node's state (dead letters, catch-up, cases running, throttled accounts) are
 * registered by the API's MetricsService, which has those parts at hand.
 */
export const METRICS_REGISTRY = new Registry();
collectDefaultMetrics({ register: METRICS_REGISTRY, prefix: 'keyward_' });

const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/** Every answer to a gateway: `accepted`, `rejected` (with why), `throttled` or `overloaded`, by protocol. */
export const VERIFICATIONS = new Counter({
  name: 'keyward_verifications_total',
  help: 'Verifications (POST/GET /verify) by outcome, rejection reason and protocol.',
  labelNames: ['outcome', 'reason', 'protocol'] as const,
  registers: [METRICS_REGISTRY],
});

export const VERIFY_DURATION = new Histogram({
  name: 'keyward_verify_duration_seconds',
  help: 'Time to decide and record a verification, by outcome.',
  labelNames: ['outcome'] as const,
  buckets: LATENCY_BUCKETS,
  registers: [METRICS_REGISTRY],
});

export const GRAPHQL_DURATION = new Histogram({
  name: 'keyward_graphql_duration_seconds',
  help: 'Time to answer a request to /graphql, by HTTP status.',
  labelNames: ['status'] as const,
  buckets: LATENCY_BUCKETS,
  registers: [METRICS_REGISTRY],
});

export const APPEND_DURATION = new Histogram({
  name: 'keyward_event_append_duration_seconds',
  help: 'Time to append events to a stream of the event store, by result.',
  labelNames: ['result'] as const,
  buckets: LATENCY_BUCKETS,
  registers: [METRICS_REGISTRY],
});

/** The store with its appends timed (APPEND_DURATION); everything else passes through. */
export function withTimedAppends(store: EventStore): EventStore {
  const append = store.appendToStream.bind(store);
  store.appendToStream = async (...args) => {
    const end = APPEND_DURATION.startTimer();
    try {
      const result = await append(...args);
      end({ result: 'ok' });
      return result;
    } catch (error) {
      end({ result: 'error' });
      throw error;
    }
  };
  return store;
}
