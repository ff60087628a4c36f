#!/usr/bin/env bash
# Installs the Debian packages the tests need when they are missing: Debian's Chromium for the
# browser tests (no browser is ever downloaded by a test tool), nginx, Dovecot and Postfix for
# the gateway tests, and the clients those drive. The services are only installed: the tests start
# their own instances from temporary configurations, so the packages' own services stay off.
set -euo pipefail
declare -A wanted=(
  [chromium]=/usr/bin/chromium
  [nginx]=/usr/sbin/nginx
  [dovecot-imapd]=/usr/lib/dovecot/imap
  [dovecot-pop3d]=/usr/lib/dovecot/pop3
  [dovecot-auth-lua]=/usr/lib/dovecot/modules/auth/libauthdb_lua.so
  [lua-cjson]=/usr/lib/x86_64-linux-gnu/lua/5.4/cjson.so
  [dovecot-lmtpd]=/usr/lib/dovecot/lmtp
  # docs/gateways/postfix: submission and the relay (its policy service is python3's), and swaks, a device's SMTP client
  [postfix]=/usr/sbin/postfix
  [swaks]=/usr/bin/swaks
  [libnet-ssleay-perl]=/usr/lib/x86_64-linux-gnu/perl5/5.36/Net/SSLeay.pm
  # the gateway tests' throwaway CA
  # e2e/api/reports: the PDF reports are read back with pdftotext and pdfinfo
  [poppler-utils]=/usr/bin/pdftotext
  [openssl]=/usr/bin/openssl
  # docs/systemd/keyward.service is checked with systemd-analyze
  [systemd]=/usr/bin/systemd-analyze
  [curl]=/usr/bin/curl
  # libs/compliance/siem: the syslog forwarder is tested against rsyslogd receiving to a file
  [rsyslog]=/usr/sbin/rsyslogd
  # docs/secret-scanning/report-leaks.sh (tools/secret-scanning tests it)
  [jq]=/usr/bin/jq
  # e2e/api/disk-full: a data directory on an ext4 loop device that turns read-only, repaired with e2fsck
  [e2fsprogs]=/usr/sbin/e2fsck
  [mount]=/usr/bin/mount
  [util-linux]=/usr/bin/findmnt
)
needed=()
for package in "${!wanted[@]}"; do
  [ -e "${wanted[$package]}" ] || needed+=("$package")
done
command -v python3 > /dev/null || needed+=(python3)
[ ${#needed[@]} -eq 0 ] && exit 0
if [ "$(id -u)" != 0 ]; then
  echo "The tests need these Debian packages: ${needed[*]} (run as root, or install them)." >&2
  exit 1
fi
echo "Installing Debian packages for the tests: ${needed[*]}"
# Keep the packages' own services from starting (and taking ports 80, 143, 110 …).
policy=/usr/sbin/policy-rc.d
created_policy=no
if [ ! -e "$policy" ]; then
  printf '#!/bin/sh\nexit 101\n' > "$policy"
  chmod +x "$policy"
  created_policy=yes
fi
trap '[ "$created_policy" = yes ] && rm -f "$policy"' EXIT
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${needed[@]}" > /dev/null
