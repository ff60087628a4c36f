import type { Request } from 'express';
import { isIP } from 'node:net';

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;

/** The correlation id of a request: the caller's `X-Request-Id` if it is safe to log, else a new one. */
export function correlationIdOf(request: Request, newId: () => string): string {
  const header = request.headers['x-request-id'];
  return typeof header === 'string' && REQUEST_ID.test(header) ? header : newId();
}

/**
 * The client's address: the socket peer, unless the peer is a trusted proxy, in which case the
 * address it forwards in `X-Real-IP` (or the last entry of `X-Forwarded-For`) counts.
 */
export function clientAddressOf(request: Request, trustedProxies: readonly string[]): string | null {
  const peer = request.socket.remoteAddress ?? null;
  if (!peer || !trustedProxies.includes(peer)) return peer;
  const realIp = request.headers['x-real-ip'];
  if (typeof realIp === 'string' && isIP(realIp.trim())) return realIp.trim();
  const forwarded = request.headers['x-forwarded-for'];
  const last = typeof forwarded === 'string' ? forwarded.split(',').pop()?.trim() : undefined;
  return last && isIP(last) ? last : peer;
}
