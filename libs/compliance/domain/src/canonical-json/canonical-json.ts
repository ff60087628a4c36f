import canonicalize from 'canonicalize';

/** What `sortedCopy` answers for a value JSON.stringify could not write canonically. */
const UNSORTABLE = Symbol('unsortable');
/** Keys JavaScript objects always list first, in numeric order, whatever order they were added in. */
const INTEGER_KEY = /^(?:0|[1-9]\d*)$/;

/**
 * RFC 8785 canonical JSON of `value`, as `canonicalize` writes it, in a fraction of its time: a
 * copy with every object's keys added in sorted order and undefined members left out, written by
 * the engine's own JSON.stringify (which escapes strings and writes numbers exactly as RFC 8785
 * asks). A value it cannot copy so (an integer-like key, a non-finite number, a `toJSON`) goes to
 * `canonicalize` itself, which stays the reference: a property test holds the two to each other.
 */
export function canonicalJson(value: unknown): string {
  const copy = sortedCopy(value);
  return copy === UNSORTABLE ? (canonicalize(value) as string) : JSON.stringify(copy);
}

function sortedCopy(value: unknown): unknown {
  if (value === null) return null;
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      return Number.isFinite(value) ? value : UNSORTABLE;
    case 'object':
      break;
    default:
      return UNSORTABLE;
  }
  if (Array.isArray(value)) {
    const items = new Array<unknown>(value.length);
    for (let i = 0; i < value.length; i++) {
      const item = value[i] === undefined ? null : sortedCopy(value[i]);
      if (item === UNSORTABLE) return UNSORTABLE;
      items[i] = item;
    }
    return items;
  }
  const source = value as Record<string, unknown>;
  if (typeof source['toJSON'] === 'function') return UNSORTABLE;
  const keys = Object.keys(source).sort();
  const copy: Record<string, unknown> = {};
  for (const key of keys) {
    const inner = source[key];
    if (inner === undefined) continue;
    if (INTEGER_KEY.test(key) || key === '__proto__') return UNSORTABLE;
    const item = sortedCopy(inner);
    if (item === UNSORTABLE) return UNSORTABLE;
    copy[key] = item;
  }
  return copy;
}
