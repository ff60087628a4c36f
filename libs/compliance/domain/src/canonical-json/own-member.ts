/**
 * Sets a member of an object being copied from parsed JSON, `__proto__` included: JSON may hold a
 * member of that name, which a plain assignment would take for the prototype and lose.
 */
export function put(copy: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(copy, key, { value, enumerable: true, writable: true, configurable: true });
  else copy[key] = value;
}
