import { badInput } from '@keyward/shared/domain';

/** How a mail client secures its connection: TLS from the start (`SSL`), or upgraded (`STARTTLS`). */
export type MailSecurity = 'SSL' | 'STARTTLS';
export type MailProtocol = 'imap' | 'pop3' | 'smtp';

/** One server a mail client connects to with the user's app password. */
export interface MailServer {
  readonly protocol: MailProtocol;
  readonly host: string;
  readonly port: number;
  readonly security: MailSecurity;
}

/** The ports whose security is known: implicit TLS (993, 995, 465) or STARTTLS (143, 110, 587, 25). */
const SECURITY_OF_PORT: Readonly<Record<number, MailSecurity>> = { 993: 'SSL', 995: 'SSL', 465: 'SSL', 143: 'STARTTLS', 110: 'STARTTLS', 587: 'STARTTLS', 25: 'STARTTLS' };
const HOST = /^(?=.{1,253}$)([A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)*[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;

/** A server as an admin enters it: a host name, a port and how it is secured; BAD_USER_INPUT otherwise. */
export function requireMailServer(server: MailServer): MailServer {
  const host = server.host.trim().toLowerCase();
  if (!HOST.test(host)) throw badInput(`The ${server.protocol} server's host must be a host name (imap.contoso.com); got "${server.host}".`);
  if (!Number.isInteger(server.port) || server.port < 1 || server.port > 65535) throw badInput(`The ${server.protocol} server's port must be 1 to 65535.`);
  if (server.security !== 'SSL' && server.security !== 'STARTTLS') throw badInput(`The ${server.protocol} server's security must be SSL or STARTTLS.`);
  return { protocol: server.protocol, host, port: server.port, security: server.security };
}

/**
 * `host:port`, optionally `/ssl` or `/starttls` (KEYWARD_MAIL_IMAP, KEYWARD_MAIL_POP,
 * KEYWARD_MAIL_SUBMISSION). Without the suffix the port says it: 993, 995 and 465 are TLS from the
 * start; any other port is STARTTLS. BAD_USER_INPUT for anything else.
 */
export function parseMailServer(protocol: MailProtocol, text: string): MailServer {
  const match = /^([^:/\s]+):(\d{1,5})(?:\/(ssl|starttls))?$/i.exec(text.trim());
  const port = match ? Number(match[2]) : NaN;
  if (!match || !HOST.test(match[1]) || port < 1 || port > 65535) {
    throw badInput(`The ${protocol} server must be host:port, optionally with /ssl or /starttls (imap.contoso.com:993); got "${text}".`);
  }
  const security: MailSecurity = match[3] ? (match[3].toLowerCase() === 'ssl' ? 'SSL' : 'STARTTLS') : (SECURITY_OF_PORT[port] ?? 'STARTTLS');
  return { protocol, host: match[1].toLowerCase(), port, security };
}
