import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** A throwaway CA and one server certificate it signed, as files. */
export interface TlsFiles {
  /** The CA's certificate: what the test's clients trust (and nothing else). */
  readonly caFile: string;
  readonly certFile: string;
  readonly keyFile: string;
  /** The name the server certificate carries (clients check it). */
  readonly serverName: string;
}

/**
 * Makes a throwaway CA with `openssl` (Debian's) and a server certificate for `serverName` and
 * 127.0.0.1, in `dir`. The gateways' TLS is tested with these, and every client is given only
 * the CA: a client that did not verify the certificate would not notice a wrong one.
 */
export function makeTestCertificates(dir: string, serverName = 'mail.keyward.test'): TlsFiles {
  const path = (name: string) => join(dir, name);
  const openssl = (args: string[]) => execFileSync('openssl', args, { stdio: ['ignore', 'ignore', 'pipe'] });
  openssl(['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-days', '2', '-subj', '/CN=Keyward test CA', '-keyout', path('ca.key'), '-out', path('ca.pem')]);
  openssl(['req', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-subj', `/CN=${serverName}`, '-keyout', path('server.key'), '-out', path('server.csr')]);
  writeFileSync(path('server.ext'), `subjectAltName = DNS:${serverName}, IP:127.0.0.1\nextendedKeyUsage = serverAuth\n`);
  openssl(['x509', '-req', '-in', path('server.csr'), '-CA', path('ca.pem'), '-CAkey', path('ca.key'), '-CAcreateserial', '-days', '2', '-extfile', path('server.ext'), '-out', path('server.pem')]);
  return { caFile: path('ca.pem'), certFile: path('server.pem'), keyFile: path('server.key'), serverName };
}
