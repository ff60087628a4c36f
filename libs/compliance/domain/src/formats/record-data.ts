import { put } from '../canonical-json/own-member';

/**
 * The `data` of an audit record, read field by field. A record is whatever the log holds (an old
 * event's shape, a verifier's parsed JSON), so every read checks the type and answers undefined
 * rather than trusting it. It remembers what it handed out: `rest()` is what no format mapped
 * (a field of an unexpected type included).
 */
export class RecordData {
  private readonly fields: Readonly<Record<string, unknown>>;
  private readonly isObject: boolean;
  private readonly taken = new Set<string>();

  constructor(private readonly data: unknown) {
    this.isObject = typeof data === 'object' && data !== null && !Array.isArray(data);
    this.fields = this.isObject ? (data as Record<string, unknown>) : {};
  }

  /** A string field (and one `accept` takes, when given: anything else stays unmapped). */
  text(key: string, accept: (value: string) => boolean = () => true): string | undefined {
    return this.take(key, (value): value is string => typeof value === 'string' && accept(value));
  }

  /** A whole-number field. */
  count(key: string): number | undefined {
    return this.take(key, (value): value is number => Number.isSafeInteger(value));
  }

  flag(key: string): boolean | undefined {
    return this.take(key, (value): value is boolean => typeof value === 'boolean');
  }

  /** A list of strings. */
  texts(key: string): string[] | undefined {
    return this.take(key, (value): value is string[] => Array.isArray(value) && value.every((item) => typeof item === 'string'));
  }

  /** A field as it is, whatever its type. */
  raw(key: string): unknown {
    return this.take(key, (value): value is unknown => value !== undefined);
  }

  /** How many items a list field holds, leaving the list itself unmapped. */
  sizeOf(key: string): number | undefined {
    const value = this.fields[key];
    return Object.hasOwn(this.fields, key) && Array.isArray(value) ? value.length : undefined;
  }

  /**
   * The fields nothing read (all of `data` when it is not an object), in sorted order whatever
   * order the data came in; undefined when none is left.
   */
  rest(): unknown {
    if (!this.isObject) return this.data ?? undefined;
    const left = Object.keys(this.fields).filter((key) => !this.taken.has(key));
    if (left.length === 0) return undefined;
    const rest: Record<string, unknown> = {};
    for (const key of left.sort()) put(rest, key, this.fields[key]);
    return rest;
  }

  /** The field when it is of the wanted type: then it counts as mapped. Null is no value, and mapped too. */
  private take<T>(key: string, isWanted: (value: unknown) => value is T): T | undefined {
    if (!Object.hasOwn(this.fields, key)) return undefined;
    const value = this.fields[key];
    if (value === null) this.taken.add(key);
    if (value === null || !isWanted(value)) return undefined;
    this.taken.add(key);
    return value;
  }
}
