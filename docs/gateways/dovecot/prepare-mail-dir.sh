#!/bin/sh
# Creates the directory that holds every user's mail (dovecot.conf's {{MAIL_DIR}}), owned by the
# mail user Dovecot runs mail processes as ({{MAIL_USER}}, {{MAIL_GROUP}}). Dovecot creates each
# user's Maildir inside it on first use, but not the directory itself: without this step logins
# succeed and then opening INBOX fails (IMAP "NO [SERVERBUG]", POP3 "-ERR [SYS/TEMP]").
#
#   sudo sh prepare-mail-dir.sh /var/vmail vmail vmail
#
# Create the mail user first if it does not exist (Debian):
#   sudo adduser --system --group --home /var/vmail --no-create-home vmail
set -eu
if [ "$#" -ne 3 ]; then
  echo "usage: $0 MAIL_DIR MAIL_USER MAIL_GROUP" >&2
  exit 2
fi
install -d -o "$2" -g "$3" -m 0750 "$1"
