import { create } from 'xmlbuilder2';
import type { MailServer } from '@keyward/identity/domain';

const INCOMING_TYPE = { imap: 'imap', pop3: 'pop3' } as const;

/**
 * Mozilla's autoconfig document (config-v1.1.xml, as Thunderbird, K-9/Thunderbird for Android and
 * others read it) for one mail domain: each server with its port and security, the user name as
 * `%EMAILADDRESS%`, and password authentication (the app password). It never carries a password.
 * Built with xmlbuilder2, which escapes every text and attribute.
 */
export function autoconfigXml(domain: string, displayName: string, servers: readonly MailServer[], appPasswordsUrl: string | null): string {
  const provider = create({ version: '1.0', encoding: 'UTF-8' }).ele('clientConfig', { version: '1.1' }).ele('emailProvider', { id: domain });
  provider.ele('domain').txt(domain);
  provider.ele('displayName').txt(displayName);
  provider.ele('displayShortName').txt(displayName);
  for (const server of servers) {
    const element = server.protocol === 'smtp' ? provider.ele('outgoingServer', { type: 'smtp' }) : provider.ele('incomingServer', { type: INCOMING_TYPE[server.protocol] });
    element.ele('hostname').txt(server.host);
    element.ele('port').txt(String(server.port));
    element.ele('socketType').txt(server.security);
    element.ele('authentication').txt('password-cleartext');
    element.ele('username').txt('%EMAILADDRESS%');
  }
  // Where the user gets the app password the client asks for (the console, when its address is known).
  if (appPasswordsUrl) provider.ele('documentation', { url: appPasswordsUrl }).ele('descr', { lang: 'en' }).txt('Sign in with an app password from Keyward, not your account password.');
  return provider.end({ prettyPrint: true });
}
