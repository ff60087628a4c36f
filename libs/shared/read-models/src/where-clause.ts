/** Builds a SQL `WHERE` from optional filters, with named parameters; empty values add nothing. */
export class WhereClause {
  private readonly conditions: string[] = [];
  readonly params: Record<string, unknown> = {};

  constructor(condition?: string, params: Record<string, unknown> = {}) {
    if (condition) this.conditions.push(condition);
    Object.assign(this.params, params);
  }

  /** Adds `condition` with `@name` bound to `value`, unless the value is null, undefined or ''. */
  when(value: unknown, condition: string, name: string): this {
    if (value === null || value === undefined || value === '') return this;
    this.conditions.push(condition);
    this.params[name] = value;
    return this;
  }

  /** Adds a condition that needs no parameter, or several already bound ones. */
  always(condition: string, params: Record<string, unknown> = {}): this {
    this.conditions.push(condition);
    Object.assign(this.params, params);
    return this;
  }

  toString(): string {
    return this.conditions.length === 0 ? '1 = 1' : this.conditions.join(' AND ');
  }
}

/** `text` with LIKE's pattern characters escaped, for LIKE … ESCAPE '\'. */
export function likeEscaped(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** `%text%` for LIKE … ESCAPE '\', with the pattern characters in `text` escaped. */
export function containsPattern(text: string): string {
  return `%${likeEscaped(text)}%`;
}

/** The instant a client's ISO-8601 string names, normalised; null if it names none. */
export function normalisedInstant(value: string): string | null {
  const time = Date.parse(value);
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}
