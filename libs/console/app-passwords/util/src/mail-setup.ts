/** A mail server as the tenant publishes it (the API's MailServer). */
export interface MailServerInfo {
  host: string;
  port: number;
  security: 'SSL' | 'STARTTLS';
}

export interface TenantMailServerInfo {
  imap: MailServerInfo | null;
  pop: MailServerInfo | null;
  submission: MailServerInfo | null;
}

/** How to set up one kind of app: where each value goes, in that app's own words. */
export interface SetupGuide {
  app: string;
  steps: string[];
}

const PASSWORD = 'this app password (not your own password)';

function securityWords(server: MailServerInfo, ssl: string, starttls: string): string {
  return server.security === 'SSL' ? ssl : starttls;
}

/**
 * Step-by-step set-up for the apps people use with app passwords: Thunderbird, Outlook, Apple
 * Mail on macOS and iOS, Gmail for Android, and a scanner or printer that sends by SMTP. Each
 * names the exact server, port and security, the user name, and where the password goes. Apps
 * for receiving need IMAP or POP; the scanner needs submission. An app the servers cannot serve
 * is left out.
 */
export function setupGuides(servers: TenantMailServerInfo, userName: string): SetupGuide[] {
  const incoming = servers.imap ?? servers.pop;
  const smtp = servers.submission;
  const kind = servers.imap ? 'IMAP' : 'POP';
  const guides: SetupGuide[] = [];
  const sending = (ssl: string, starttls: string) =>
    smtp ? [`Outgoing (SMTP) server: ${smtp.host}, port ${smtp.port}, ${securityWords(smtp, ssl, starttls)}; user name ${userName}; the same password.`] : [];
  if (incoming) {
    guides.push({
      app: 'Thunderbird',
      steps: [
        'Account Settings → Account Actions → Add Mail Account.',
        `Your name, email address ${userName}, and in Password ${PASSWORD}. Thunderbird finds the servers by itself; if it does not, choose Configure manually:`,
        `Incoming: ${kind}, server ${incoming.host}, port ${incoming.port}, connection security ${securityWords(incoming, 'SSL/TLS', 'STARTTLS')}, authentication Normal password, user name ${userName}.`,
        ...sending('SSL/TLS', 'STARTTLS'),
      ],
    });
    guides.push({
      app: 'Outlook (Windows and Mac)',
      steps: [
        `File → Add Account, enter ${userName}, then Advanced options → Let me set up my account manually → ${kind}.`,
        `Incoming mail: server ${incoming.host}, port ${incoming.port}, encryption ${securityWords(incoming, 'SSL/TLS', 'STARTTLS')}.`,
        ...sending('SSL/TLS', 'STARTTLS'),
        `When Outlook asks for the password, enter ${PASSWORD}.`,
      ],
    });
    guides.push({
      app: 'Apple Mail on iPhone and iPad',
      steps: [
        'Easiest: open the "Set up Mail" link on the device right after generating (it works once, within 10 minutes) and install the profile in Settings.',
        `Or Settings → Apps → Mail → Mail Accounts → Add Account → Other → Add Mail Account; email ${userName}, password ${PASSWORD}; then ${kind}.`,
        `Incoming mail server: host ${incoming.host}, user name ${userName}, password ${PASSWORD}.`,
        ...(smtp ? [`Outgoing mail server: host ${smtp.host}, user name ${userName}, the same password.`] : []),
        `Then under Advanced: incoming port ${incoming.port} with Use SSL ${incoming.security === 'SSL' ? 'on' : 'off (STARTTLS)'}${smtp ? `; outgoing port ${smtp.port}` : ''}.`,
      ],
    });
    guides.push({
      app: 'Apple Mail on macOS',
      steps: [
        'Easiest: open the "Set up Mail" link on the Mac right after generating and install the profile in System Settings → Privacy & Security → Profiles.',
        `Or Mail → Add Account → Other Mail Account; email ${userName}, password ${PASSWORD}.`,
        `Account type ${kind}, incoming mail server ${incoming.host}, user name ${userName}; Mail tries port ${incoming.port} with ${securityWords(incoming, 'TLS', 'STARTTLS')} by itself (Server Settings shows it).`,
        ...(smtp ? [`Outgoing mail server ${smtp.host}, port ${smtp.port}, ${securityWords(smtp, 'TLS/SSL', 'STARTTLS')}.`] : []),
      ],
    });
    guides.push({
      app: 'Gmail for Android',
      steps: [
        `Settings → Add account → Other; enter ${userName}, then Manual setup → Personal (${kind}).`,
        `Password: ${PASSWORD}.`,
        `Incoming server settings: server ${incoming.host}, port ${incoming.port}, security type ${securityWords(incoming, 'SSL/TLS', 'STARTTLS')}, user name ${userName}.`,
        ...(smtp ? [`Outgoing server settings: SMTP server ${smtp.host}, port ${smtp.port}, security type ${securityWords(smtp, 'SSL/TLS', 'STARTTLS')}, require sign-in on, user name ${userName}.`] : []),
      ],
    });
  }
  if (smtp) {
    guides.push({
      app: 'Scanner or printer (scan to email)',
      steps: [
        "In the device's web page or panel, find Email or SMTP settings.",
        `SMTP server ${smtp.host}, port ${smtp.port}, ${securityWords(smtp, 'SSL/TLS (sometimes called SMTPS)', 'STARTTLS (sometimes called TLS)')}.`,
        `Authentication on; user name ${userName}; password ${PASSWORD}; sender address ${userName}.`,
        'Send a test scan: if it fails, the app password\'s page in Keyward shows the sign-in and why it failed.',
      ],
    });
  }
  return guides;
}
