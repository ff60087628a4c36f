import { SECRET_FIELDS } from '@keyward/app-passwords/domain';

/** A copy of event data without the fields that hold hashes, at any depth. */
export function withoutSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutSecrets);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => !SECRET_FIELDS.includes(key))
      .map(([key, inner]) => [key, withoutSecrets(inner)]),
  );
}
