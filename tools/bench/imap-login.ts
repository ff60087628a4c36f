import { connect, type TLSSocket } from 'node:tls';

/** Reads lines from a socket until one starts with `tag` (or `* OK` for the greeting). */
function waitForLine(buffer: { text: string }, socket: TLSSocket, prefix: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const check = () => {
      const line = buffer.text.split('\r\n').find((l) => l.startsWith(prefix));
      if (line === undefined) return false;
      socket.off('data', onData);
      socket.off('error', reject);
      buffer.text = '';
      resolve(line);
      return true;
    };
    const onData = (chunk: Buffer) => {
      buffer.text += chunk.toString('latin1');
      check();
    };
    if (!check()) {
      socket.on('data', onData);
      socket.once('error', reject);
    }
  });
}

const quote = (value: string) => `"${value.replace(/["\\]/g, (c) => `\\${c}`)}"`;

/** One IMAP LOGIN + LOGOUT against Dovecot's imaps port (the certificate verified); resolves true if the login was accepted. */
export async function imapLogin(port: number, server: { name: string; ca: Buffer }, user: string, password: string): Promise<boolean> {
  const socket = connect({ port, host: '127.0.0.1', servername: server.name, ca: server.ca });
  const buffer = { text: '' };
  try {
    await waitForLine(buffer, socket, '* OK');
    socket.write(`a1 LOGIN ${quote(user)} ${quote(password)}\r\n`);
    const answer = await waitForLine(buffer, socket, 'a1 ');
    socket.write('a2 LOGOUT\r\n');
    return answer.startsWith('a1 OK');
  } finally {
    socket.end();
  }
}
