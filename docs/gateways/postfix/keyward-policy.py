#!/usr/bin/python3
"""Postfix policy service that tells Keyward the name a mail client gave with EHLO.

Neither Dovecot's submission service nor Postfix's Dovecot SASL client passes the client's EHLO
to the password check, so Keyward records an SMTP sign-in without a client name. Postfix knows
the name, the signed-in user and the address when the session sends; this service, run by
Postfix's spawn(8) for each policy connection (master.cf), reports them to Keyward's
POST /verify/client, which names the gateway's newest matching sign-in
(docs/gateways/postfix.md).

It never blocks mail: every request is answered DUNNO at once, then reported. A failed report
is written to standard error (Postfix's log) and forgotten.

Usage: keyward-policy.py KEYWARD_URL TOKEN_FILE [TIMEOUT_SECONDS]
  TOKEN_FILE holds the gateway's token (the one Dovecot's passdb sends), readable only by the
  user spawn runs this as.
Python 3 standard library only (Debian's python3 package).
"""
import json
import sys
import urllib.error
import urllib.request


def read_request(stream):
    """One policy request: name=value lines up to an empty line. None at the end of the stream."""
    attributes = {}
    for raw in stream:
        line = raw.rstrip("\n")
        if line == "":
            return attributes
        name, _, value = line.partition("=")
        attributes[name] = value
    return None


def report(url, token, timeout, attributes):
    body = json.dumps(
        {
            "userPrincipalName": attributes["sasl_username"],
            "clientIp": attributes["client_address"],
            "client": attributes["helo_name"],
            "protocol": "smtp",
        }
    ).encode()
    request = urllib.request.Request(
        url.rstrip("/") + "/verify/client",
        data=body,
        method="POST",
        headers={"Content-Type": "application/json", "X-Keyward-Gateway-Token": token},
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status
    except urllib.error.HTTPError as error:
        # 404: no sign-in awaits a name (a session's second message, or a late report).
        if error.code != 404:
            print(f"keyward-policy: Keyward answered {error.code}", file=sys.stderr)
        return error.code
    except (urllib.error.URLError, OSError) as error:
        print(f"keyward-policy: Keyward unreachable: {error}", file=sys.stderr)
        return None


def main(argv):
    if len(argv) not in (3, 4):
        print(__doc__, file=sys.stderr)
        return 64
    url, token_file = argv[1], argv[2]
    timeout = float(argv[3]) if len(argv) == 4 else 3.0
    with open(token_file, encoding="utf-8") as file:
        token = file.read().strip()
    reported = None
    while True:
        attributes = read_request(sys.stdin)
        if attributes is None:
            return 0
        sys.stdout.write("action=DUNNO\n\n")
        sys.stdout.flush()
        session = tuple(attributes.get(name, "") for name in ("sasl_username", "client_address", "client_port", "helo_name"))
        # Signed-in sessions only, and each once: a second message of a session names nothing new.
        if all(session[i] for i in (0, 1, 3)) and session != reported:
            reported = session
            report(url, token, timeout, attributes)


if __name__ == "__main__":
    sys.exit(main(sys.argv))
