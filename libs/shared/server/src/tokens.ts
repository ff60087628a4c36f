/** Injection tokens for the infrastructure every scope shares. */
export const KEYWARD_CONFIG = Symbol('KEYWARD_CONFIG');
/** The event store: for the infrastructure (subscribers, bootstrap tooling); application code writes through Aggregates. */
export const EVENT_STORE = Symbol('EVENT_STORE');
export const READ_MODEL_DB = Symbol('READ_MODEL_DB');
export const CLOCK = Symbol('CLOCK');
export const ID_GENERATOR = Symbol('ID_GENERATOR');
export const PROJECTIONS = Symbol('PROJECTIONS');
export const SUBSCRIBER_FAILURE_POLICY = Symbol('SUBSCRIBER_FAILURE_POLICY');

/** The time, injected so that tests and replays control it. */
export interface Clock {
  now(): Date;
}

/** New ids: time-ordered UUIDv7, so they sort well in streams and tables. */
export interface IdGenerator {
  newId(): string;
}
