import { isDeepStrictEqual } from 'node:util';
import { DomainError } from '../domain-error';
import type { Decider } from './decider-specification';

/**
 * What the property tests (*.property.unit.spec.ts) of every decider share: decide on a state and
 * a command that must not change, twice, and fold random sequences of commands. Uses jest's expect,
 * so it only belongs in spec files (the API build leaves testing/ out).
 */

/**
 * A deep copy made in the test's own realm, Maps included (structuredClone's come from another one
 * under jest, which isDeepStrictEqual tells apart).
 */
export function copyOf<T>(value: T): T {
  if (value instanceof Date) return new Date(value.getTime()) as T;
  if (value instanceof Map) return new Map([...value].map(([key, inner]) => [copyOf(key), copyOf(inner)])) as T;
  if (Array.isArray(value)) return value.map(copyOf) as T;
  if (value !== null && typeof value === 'object') {
    // Same prototype as the original: fast-check's records sometimes have none.
    const copy = Object.create(Object.getPrototypeOf(value)) as Record<string, unknown>;
    for (const [key, inner] of Object.entries(value)) Object.defineProperty(copy, key, { value: copyOf(inner), enumerable: true, writable: true, configurable: true });
    return copy as T;
  }
  return value;
}

/** Freezes an object and everything it holds (not a Map's entries: freezing cannot reach them). */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
}

export interface CheckOptions {
  /**
   * Deep-freeze the state and the command before deciding: the default. Off for a decider whose
   * evolve grows the state in place, by design (a revocation case's targets and outcomes): the
   * state is still compared with a copy, and the steps of a fold hold copies.
   */
  readonly freeze?: boolean;
}

/** One command of a fold: the state it was decided on, what decide answered, and the state after. */
export interface Step<Command, Event, State> {
  readonly command: Command;
  readonly before: State;
  readonly outcome: Event[] | DomainError;
  readonly after: State;
}

const nameOf = (command: unknown): string => {
  const type = (command as { type?: unknown } | null | undefined)?.type;
  return typeof type === 'string' ? type : String(JSON.stringify(command)).slice(0, 80);
};

/**
 * Decides on a frozen state and command: events, or the DomainError it refused with. Any other
 * exception, a change to what it was given, or another answer the second time fails the test.
 */
export function decideChecked<Command, Event, State>(
  decider: Pick<Decider<Command, Event, State>, 'decide'>,
  command: NoInfer<Command>,
  state: NoInfer<State>,
  { freeze = true }: CheckOptions = {},
): Event[] | DomainError {
  const [stateBefore, commandBefore] = [copyOf(state), copyOf(command)];
  if (freeze) {
    deepFreeze(state);
    deepFreeze(command);
  }
  const attempt = () => {
    try {
      return decider.decide(command, state);
    } catch (error) {
      if (error instanceof DomainError) return error;
      throw new Error(`${nameOf(command)} threw ${String(error)}, not a DomainError`);
    }
  };
  const [outcome, again] = [attempt(), attempt()];
  const answer = (o: typeof outcome) => (o instanceof DomainError ? { refused: o.code, message: o.message } : o);
  // isDeepStrictEqual rather than expect() on this hot path: the same check, ten times faster.
  if (!isDeepStrictEqual(state, stateBefore)) expect(state).toStrictEqual(stateBefore);
  if (!isDeepStrictEqual(command, commandBefore)) expect(command).toStrictEqual(commandBefore);
  if (!isDeepStrictEqual(answer(again), answer(outcome))) expect(answer(again)).toStrictEqual(answer(outcome));
  return outcome;
}

export interface ReplayOptions<Command, State, Plan> extends CheckOptions {
  /** The command a step of the sequence stands for, made from the state it is decided on. */
  commandFor(plan: Plan, state: State): Command;
}

/**
 * Folds a sequence from the initial state, every command through decideChecked; a refused command
 * leaves the state as it was. Without freezing, a folded state is changed in place by the next
 * fold, so the steps hold copies.
 */
export function replayChecked<Command, Event, State, Plan>(decider: Decider<Command, Event, State>, sequence: readonly Plan[], options: ReplayOptions<Command, State, Plan>): Step<Command, Event, State>[] {
  const steps: Step<Command, Event, State>[] = [];
  let state = decider.initialState();
  for (const plan of sequence) {
    const command = options.commandFor(plan, state);
    const before = options.freeze === false ? copyOf(state) : state;
    const outcome = decideChecked(decider, command, state, options);
    if (!(outcome instanceof DomainError)) state = outcome.reduce(decider.evolve, state);
    steps.push({ command, before, outcome, after: options.freeze === false ? copyOf(state) : state });
  }
  return steps;
}

/** Every event a fold wrote, in order. */
export const eventsOf = <Command, Event, State>(steps: readonly Step<Command, Event, State>[]): Event[] =>
  steps.flatMap(({ outcome }) => (outcome instanceof DomainError ? [] : outcome));

export interface CheckedDecider<Command, Event, State, Plan> {
  decideChecked(command: Command, state: State): Event[] | DomainError;
  replay(sequence: readonly Plan[]): Step<Command, Event, State>[];
}

/** decideChecked and replayChecked bound to one decider: `const { decideChecked, replay } = checkedDecider(userDecider)`. */
export function checkedDecider<Command, Event, State>(decider: Decider<Command, Event, State>, options?: CheckOptions): CheckedDecider<Command, Event, State, Command>;
export function checkedDecider<Command, Event, State, Plan>(decider: Decider<Command, Event, State>, options: ReplayOptions<Command, State, Plan>): CheckedDecider<Command, Event, State, Plan>;
export function checkedDecider<Command, Event, State, Plan>(
  decider: Decider<Command, Event, State>,
  options: CheckOptions & Partial<ReplayOptions<Command, State, Plan>> = {},
): CheckedDecider<Command, Event, State, Plan> {
  const commandFor = options.commandFor ?? ((plan: Plan) => plan as unknown as Command);
  return {
    decideChecked: (command, state) => decideChecked(decider, command, state, options),
    replay: (sequence) => replayChecked(decider, sequence, { ...options, commandFor }),
  };
}
