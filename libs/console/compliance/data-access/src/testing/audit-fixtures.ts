import { parseCheckpoint, type AuditCheckpoint } from '../audit-checkpoint';
import type { AuditKey } from '../audit-key';

export const ORIGIN = 'keyward.contoso.example/audit';
export const CURRENT_KEY = `${ORIGIN}+7f3a9c21+AQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUF`;
export const RETIRED_KEY = `${ORIGIN}+0b12cd34+AQYGBgYGBgYGBgYGBgYGBgYGBgYGBgYGBgYGBgYGBgYG`;
export const ROOT_HASH = 'AwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwM=';

/** A checkpoint note of `size` leaves, signed by the current key (its signature starts with key id 7f3a9c21). */
export function noteOf(size = 120, origin = ORIGIN): string {
  return `${origin}\n${size}\n${ROOT_HASH}\n\n\u2014 ${origin} fzqcIQcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwc=\n`;
}

export function checkpointOf(size = 120): AuditCheckpoint {
  return parseCheckpoint(noteOf(size));
}

/** The tenant's current key, a key it retired, and another tenant's key. */
export function keysOf(): AuditKey[] {
  return [
    { tenantId: 't-contoso', origin: ORIGIN, verifierKey: RETIRED_KEY, createdAt: '2026-01-01T00:00:00.000Z', retiredAt: '2026-06-01T00:00:00.000Z' },
    { tenantId: 't-fabrikam', origin: 'keyward.fabrikam.example/audit', verifierKey: 'keyward.fabrikam.example/audit+11223344+AQcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcH', createdAt: '2026-01-01T00:00:00.000Z', retiredAt: null },
    { tenantId: 't-contoso', origin: ORIGIN, verifierKey: CURRENT_KEY, createdAt: '2026-06-01T00:00:00.000Z', retiredAt: null },
  ];
}
