#!/usr/bin/env python3
"""Real mail clients from Python's standard library, for Keyward's gateway tests.

  mail_client.py imap|pop|smtp HOST PORT USER PASSWORD [options]  → prints "ok" or "refused: …"
  mail_client.py imap-session HOST PORT USER PASSWORD [options]   → logs in, prints "ready", then
      for every line on stdin sends NOOP and prints "alive" or "ended: …"
  mail_client.py imap-fetch|pop-fetch HOST PORT USER PASSWORD [options] → prints every message
      of the inbox, each after a line "=== message N"
  mail_client.py imap-json HOST PORT USER PASSWORD [options] → prints the inbox as JSON, each
      message parsed by Python's email package: its headers, content type, and its text and HTML

Options:
  --source ADDRESS   the loopback address to connect from (127.x.y.z), so that tests can play
                     clients at different addresses
  --tls implicit|starttls|none   implicit TLS (993, 995, 465), STARTTLS (143, 110, 587), or none
  --ca FILE          the CA that signed the server's certificate; the certificate and its name
                     (--server-name, default HOST) are verified, as a mail app does
  --server-name NAME the name the certificate must carry
  --id NAME          IMAP only: send ID ("name" NAME "version" "1.0") before logging in, as
                     Thunderbird or Apple Mail do
"""
import argparse
import email
import email.policy
import imaplib
import json
import poplib
import smtplib
import socket
import ssl
import sys


def arguments():
    parser = argparse.ArgumentParser()
    parser.add_argument("kind")
    parser.add_argument("host")
    parser.add_argument("port", type=int)
    parser.add_argument("user")
    parser.add_argument("password")
    parser.add_argument("--source")
    parser.add_argument("--tls", choices=["implicit", "starttls", "none"], default="implicit")
    parser.add_argument("--ca")
    parser.add_argument("--server-name")
    parser.add_argument("--id")
    return parser.parse_args()


ARGS = arguments()


def tls_context():
    context = ssl.create_default_context(cafile=ARGS.ca)
    context.minimum_version = ssl.TLSVersion.TLSv1_2
    return context


def connect(host, port, timeout):
    return socket.create_connection((host, port), timeout, source_address=(ARGS.source, 0) if ARGS.source else None)


def wrap(sock):
    return tls_context().wrap_socket(sock, server_hostname=ARGS.server_name or ARGS.host)


class IMAP(imaplib.IMAP4):
    def _create_socket(self, timeout):
        sock = connect(self.host, self.port, timeout)
        return wrap(sock) if ARGS.tls == "implicit" else sock


class POP(poplib.POP3):
    def _create_socket(self, timeout):
        sock = connect(self.host, self.port, timeout)
        return wrap(sock) if ARGS.tls == "implicit" else sock


class SMTP(smtplib.SMTP):
    def _get_socket(self, host, port, timeout):
        sock = connect(host, port, timeout)
        return wrap(sock) if ARGS.tls == "implicit" else sock


def imap_client():
    client = IMAP(ARGS.host, ARGS.port, timeout=20)
    if ARGS.tls == "starttls":
        client.starttls(tls_context())
    if ARGS.id:
        # RFC 2971, before LOGIN: Dovecot hands the name to the password database.
        client.xatom("ID", f'("name" "{ARGS.id}" "version" "1.0")')
    client.login(ARGS.user, ARGS.password)
    return client


def pop_client():
    client = POP(ARGS.host, ARGS.port, timeout=20)
    if ARGS.tls == "starttls":
        client.stls(tls_context())
    client.user(ARGS.user)
    client.pass_(ARGS.password)
    return client


def smtp_login():
    client = SMTP(ARGS.host, ARGS.port, timeout=20)
    client.ehlo("client.keyward.test")
    if ARGS.tls == "starttls":
        client.starttls(context=tls_context())
        client.ehlo("client.keyward.test")
    client.login(ARGS.user, ARGS.password)
    client.quit()


def session():
    client = imap_client()
    print("ready", flush=True)
    for _ in sys.stdin:
        try:
            client.noop()
            print("alive", flush=True)
        except (imaplib.IMAP4.abort, imaplib.IMAP4.error, OSError) as error:
            print(f"ended: {error}", flush=True)
            return


def imap_fetch():
    client = imap_client()
    client.select("INBOX", readonly=True)
    _, found = client.search(None, "ALL")
    for number in found[0].split():
        _, parts = client.fetch(number, "(RFC822)")
        print(f"=== message {number.decode()}")
        print(parts[0][1].decode("utf-8", "replace"))
    client.logout()


def imap_json():
    client = imap_client()
    client.select("INBOX", readonly=True)
    _, found = client.search(None, "ALL")
    messages = []
    for number in found[0].split():
        _, parts = client.fetch(number, "(RFC822)")
        message = email.message_from_bytes(parts[0][1], policy=email.policy.default)
        text = message.get_body(preferencelist=("plain",))
        html = message.get_body(preferencelist=("html",))
        messages.append({
            "from": str(message["From"]),
            "to": str(message["To"]),
            "subject": str(message["Subject"]),
            "contentType": message.get_content_type(),
            "notice": message["X-Keyward-Notice"],
            "text": text.get_content() if text else None,
            "html": html.get_content() if html else None,
        })
    client.logout()
    print(json.dumps(messages))


def pop_fetch():
    client = pop_client()
    count, _ = client.stat()
    for number in range(1, count + 1):
        _, lines, _ = client.retr(number)
        print(f"=== message {number}")
        print(b"\n".join(lines).decode("utf-8", "replace"))
    client.quit()


def main():
    if ARGS.kind == "imap-session":
        session()
        return
    try:
        if ARGS.kind == "imap":
            imap_client().logout()
        elif ARGS.kind == "pop":
            pop_client().quit()
        elif ARGS.kind == "smtp":
            smtp_login()
        elif ARGS.kind == "imap-fetch":
            imap_fetch()
            return
        elif ARGS.kind == "imap-json":
            imap_json()
            return
        elif ARGS.kind == "pop-fetch":
            pop_fetch()
            return
        print("ok")
    except (imaplib.IMAP4.error, poplib.error_proto, smtplib.SMTPException) as error:
        print(f"refused: {error}")


if __name__ == "__main__":
    main()
