#!/usr/bin/env python3
"""Real mail clients from Python's standard library, for Keyward's gateway tests.

  mail_client.py imap|pop|smtp HOST PORT USER PASSWORD [SOURCE]  → prints "ok" or "refused: …"
  mail_client.py imap-session HOST PORT USER PASSWORD [SOURCE]   → logs in, prints "ready", then
      for every line on stdin sends NOOP and prints "alive" or "ended: …"

SOURCE is the loopback address to connect from (127.x.y.z), so that tests can play clients at
different addresses.
"""
import imaplib
import poplib
import smtplib
import socket
import sys

SOURCE = sys.argv[6] if len(sys.argv) > 6 else None


def connect(host, port, timeout):
    return socket.create_connection((host, port), timeout, source_address=(SOURCE, 0) if SOURCE else None)


class IMAP(imaplib.IMAP4):
    def _create_socket(self, timeout):
        return connect(self.host, self.port, timeout)


class POP(poplib.POP3):
    def _create_socket(self, timeout):
        return connect(self.host, self.port, timeout)


def login(kind, host, port, user, password):
    if kind == "imap":
        client = IMAP(host, port, timeout=20)
        client.login(user, password)
        client.logout()
    elif kind == "pop":
        client = POP(host, port, timeout=20)
        client.user(user)
        client.pass_(password)
        client.quit()
    elif kind == "smtp":
        client = smtplib.SMTP(host, port, timeout=20, source_address=(SOURCE, 0) if SOURCE else None)
        client.ehlo("client.keyward.test")
        client.login(user, password)
        client.quit()


def session(host, port, user, password):
    client = IMAP(host, port, timeout=20)
    client.login(user, password)
    print("ready", flush=True)
    for _ in sys.stdin:
        try:
            client.noop()
            print("alive", flush=True)
        except (imaplib.IMAP4.abort, imaplib.IMAP4.error, OSError) as error:
            print(f"ended: {error}", flush=True)
            return


def main():
    kind, host, port, user, password = sys.argv[1:6]
    if kind == "imap-session":
        session(host, int(port), user, password)
        return
    try:
        login(kind, host, int(port), user, password)
        print("ok")
    except (imaplib.IMAP4.error, poplib.error_proto, smtplib.SMTPException) as error:
        print(f"refused: {error}")


if __name__ == "__main__":
    main()
