/**
 * The `data` of an audit record, read field by field. A record is whatever the log holds (an old
 * event's shape, a verifier's parsed JSON), so every read checks the type and answers undefined
 * rather than trusting it. It remembers what was read: `rest()` is what no format mapped.
 */
export class RecordData {
  private readonly fields: Readonly<Record<string, unknown>>;
  private readonly isObject: boolean;
  private readonly taken = new Set<string>();

  constructor(private readonly data: unknown) {
    this.isObject = typeof data === 'object' && data !== null && !Array.isArray(data);
    this.fields = this.isObject ? (data as Record<string, unknown>) : {};
  }

  /** A string field. */
  text(key: string): string | undefined {
    const value = this.take(key);
    return typeof value === 'string' ? value : undefined;
  }

  /** A whole-number field. */
  count(key: string): number | undefined {
    const value = this.take(key);
    return Number.isSafeInteger(value) ? (value as number) : undefined;
  }

  flag(key: string): boolean | undefined {
    const value = this.take(key);
    return typeof value === 'boolean' ? value : undefined;
  }

  /** A list of strings (anything else in it is left out). */
  texts(key: string): string[] | undefined {
    const value = this.take(key);
    return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : undefined;
  }

  /** A field as it is, whatever its type. */
  raw(key: string): unknown {
    return this.take(key);
  }

  /** The fields nothing read (all of `data` when it is not an object); undefined when none is left. */
  rest(): unknown {
    if (!this.isObject) return this.data ?? undefined;
    const left = Object.entries(this.fields).filter(([key]) => !this.taken.has(key));
    return left.length === 0 ? undefined : Object.fromEntries(left);
  }

  private take(key: string): unknown {
    this.taken.add(key);
    return Object.hasOwn(this.fields, key) ? this.fields[key] : undefined;
  }
}
