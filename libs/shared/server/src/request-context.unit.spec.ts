import type { Request } from 'express';
import { addressMatcher, clientAddressOf, correlationIdOf, isAddressOrBlock, type ClientAddressPolicy } from './request-context';

const request = (peer: string, headers: Record<string, string | string[]> = {}) => ({ socket: { remoteAddress: peer }, headers }) as unknown as Request;
const XFF: ClientAddressPolicy = { isTrustedProxy: addressMatcher(['127.0.0.1', '10.0.0.0/29']), clientAddressHeader: 'x-forwarded-for' };
const REAL_IP: ClientAddressPolicy = { ...XFF, clientAddressHeader: 'x-real-ip' };

describe("the client's address", () => {
  it('given a peer that is no trusted proxy, when it sends either header, then its own address counts', () => {
    expect(clientAddressOf(request('198.51.100.9', { 'x-forwarded-for': '192.0.2.1', 'x-real-ip': '192.0.2.2' }), XFF)).toBe('198.51.100.9');
    expect(clientAddressOf(request('198.51.100.9', { 'x-real-ip': '192.0.2.2' }), REAL_IP)).toBe('198.51.100.9');
  });

  it('given a proxy that appends to X-Forwarded-For (Caddy, HAProxy, AWS ALB), when the client wrote its own entry first, then the hop the proxy appended counts', () => {
    expect(clientAddressOf(request('127.0.0.1', { 'x-forwarded-for': '203.0.113.66, 192.0.2.10' }), XFF)).toBe('192.0.2.10');
  });

  it('given a chain of trusted proxies, when each appended its peer, then the first hop that is no trusted proxy counts', () => {
    expect(clientAddressOf(request('127.0.0.1', { 'x-forwarded-for': '203.0.113.66, 192.0.2.10, 10.0.0.5' }), XFF)).toBe('192.0.2.10');
  });

  it('given the X-Forwarded-For policy, when a client also sends its own X-Real-IP through a proxy that passes it on, then X-Real-IP is ignored', () => {
    expect(clientAddressOf(request('127.0.0.1', { 'x-forwarded-for': '192.0.2.10', 'x-real-ip': '203.0.113.66' }), XFF)).toBe('192.0.2.10');
    expect(clientAddressOf(request('127.0.0.1', { 'x-real-ip': '203.0.113.66' }), XFF)).toBe('127.0.0.1');
  });

  it('given the X-Real-IP policy (nginx overwrites it), when a client sends X-Forwarded-For, then only X-Real-IP counts', () => {
    expect(clientAddressOf(request('127.0.0.1', { 'x-real-ip': '192.0.2.10', 'x-forwarded-for': '203.0.113.66' }), REAL_IP)).toBe('192.0.2.10');
    expect(clientAddressOf(request('127.0.0.1', { 'x-forwarded-for': '203.0.113.66' }), REAL_IP)).toBe('127.0.0.1');
  });

  it('given a header that is not an address, when read, then the walk stops at the last address it trusts', () => {
    expect(clientAddressOf(request('127.0.0.1', { 'x-forwarded-for': 'unknown' }), XFF)).toBe('127.0.0.1');
    expect(clientAddressOf(request('127.0.0.1', { 'x-forwarded-for': '192.0.2.10, 10.0.0.5 ; drop' }), XFF)).toBe('127.0.0.1');
    expect(clientAddressOf(request('127.0.0.1', { 'x-real-ip': 'localhost' }), REAL_IP)).toBe('127.0.0.1');
  });

  it('given two X-Forwarded-For headers, when read, then they are one list, the last hop last', () => {
    expect(clientAddressOf(request('127.0.0.1', { 'x-forwarded-for': ['203.0.113.66', '192.0.2.10'] }), XFF)).toBe('192.0.2.10');
  });

  it('given trusted proxies as addresses and CIDR blocks, when a peer is checked, then blocks match their addresses, IPv4 ones in IPv6 form too', () => {
    const isTrusted = addressMatcher(['127.0.0.1', '10.0.0.0/8', 'fd00::/8']);
    expect(['127.0.0.1', '10.200.0.1', '::ffff:10.1.2.3', 'fd12::1'].map(isTrusted)).toEqual([true, true, true, true]);
    expect(['127.0.0.2', '11.0.0.1', 'fe80::1', 'not an address'].map(isTrusted)).toEqual([false, false, false, false]);
    expect(['10.0.0.0/8', '::1', '2001:db8::/32', '192.0.2.1'].every(isAddressOrBlock)).toBe(true);
    expect(['10.0.0.0/33', '10.0.0.0/', 'fd00::/129', '10.0.0.0/8/8', 'proxy.internal'].some(isAddressOrBlock)).toBe(false);
  });

  it("given an X-Request-Id, when it comes from a trusted proxy, then it is the correlation id; from a client, or unsafe to log, then a new one is made", () => {
    const newId = () => 'new-id';
    expect(correlationIdOf(request('127.0.0.1', { 'x-request-id': 'edge-4f2a' }), XFF, newId)).toBe('edge-4f2a');
    expect(correlationIdOf(request('198.51.100.9', { 'x-request-id': 'chosen-by-me' }), XFF, newId)).toBe('new-id');
    expect(correlationIdOf(request('127.0.0.1', { 'x-request-id': 'a b\nforged' }), XFF, newId)).toBe('new-id');
  });
});
