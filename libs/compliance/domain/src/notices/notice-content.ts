/** A notice's words: a subject, and the same message as plain text and as HTML. Never a secret. */
export interface NoticeContent {
  readonly subject: string;
  readonly text: string;
  readonly html: string;
}

/** What a revocation (or suspension, or a leak) notice says about the credential. */
export interface CredentialChangeFacts {
  readonly change: 'REVOKED' | 'SUSPENDED' | 'LEAKED';
  readonly label: string;
  readonly appPasswordId: string;
  /** Who did it, in words ("admin@contoso.example", "an access review"). */
  readonly by: string;
  readonly at: string;
  readonly reason: string;
  /** Where the owner manages their app passwords, when Keyward's address is known. */
  readonly selfServiceUrl: string | null;
}

export interface ExpiryFacts {
  readonly label: string;
  readonly appPasswordId: string;
  readonly expiresAt: string;
  readonly days: number;
  readonly selfServiceUrl: string | null;
  /** Where the owner turns these reminders off. */
  readonly preferencesUrl: string | null;
}

export interface ReviewFacts {
  readonly reviewName: string;
  readonly dueAt: string;
  /** Items still to decide. */
  readonly undecided: number;
  readonly reviewUrl: string | null;
  readonly isReminder: boolean;
  readonly revokesUndecided: boolean;
}

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

/** The text and HTML of one message: paragraphs, each a line of text or a link. */
function compose(subject: string, paragraphs: readonly (string | { text: string; url: string })[]): NoticeContent {
  const text = paragraphs.map((p) => (typeof p === 'string' ? p : `${p.text}: ${p.url}`)).join('\n\n');
  const body = paragraphs.map((p) => (typeof p === 'string' ? `<p>${escape(p)}</p>` : `<p><a href="${escape(p.url)}">${escape(p.text)}</a></p>`)).join('\n');
  const html = `<!doctype html>\n<html><head><meta charset="utf-8"><title>${escape(subject)}</title></head>\n<body style="font-family: sans-serif; line-height: 1.5">\n${body}\n<p style="color: #6b7280; font-size: 12px">Sent by Keyward, which manages your organisation's app passwords.</p>\n</body></html>\n`;
  return { subject, text: `${text}\n\n-- \nSent by Keyward, which manages your organisation's app passwords.\n`, html };
}

/** An owner told that someone else revoked or suspended one of their app passwords, or that it leaked. */
export function credentialChangeNotice(facts: CredentialChangeFacts): NoticeContent {
  const what = { REVOKED: 'was revoked', SUSPENDED: 'was suspended', LEAKED: 'was reported leaked and has been revoked' }[facts.change];
  const subject = `Your app password "${facts.label}" ${what}`;
  const next =
    facts.change === 'SUSPENDED'
      ? 'It no longer signs in until the responders lift the suspension. You do not need to do anything; if an app you rely on stops working, ask your IT team.'
      : 'It no longer signs in. If you still need the app it was for, create a new app password and enter it in that app instead of the old one.';
  const paragraphs: (string | { text: string; url: string })[] = [
    `Your app password "${facts.label}" (${facts.appPasswordId}) ${what} by ${facts.by} at ${facts.at}.`,
    `Reason: ${facts.reason}`,
    next,
  ];
  if (facts.change === 'LEAKED') paragraphs.push('Someone found it where it should not have been (in code, a chat or a paste). If you did not share it, tell your IT team.');
  if (facts.selfServiceUrl && facts.change !== 'SUSPENDED') paragraphs.push({ text: 'Your app passwords', url: facts.selfServiceUrl });
  return compose(subject, paragraphs);
}

/** An owner reminded that one of their app passwords expires soon. */
export function expiryNotice(facts: ExpiryFacts): NoticeContent {
  const when = facts.days <= 1 ? 'within a day' : `in ${facts.days} days`;
  const paragraphs: (string | { text: string; url: string })[] = [
    `Your app password "${facts.label}" (${facts.appPasswordId}) expires ${when}, at ${facts.expiresAt}.`,
    'After that the app that uses it can no longer sign in. If you still need it, create a new app password and enter it in that app before then.',
  ];
  if (facts.selfServiceUrl) paragraphs.push({ text: 'Your app passwords', url: facts.selfServiceUrl });
  if (facts.preferencesUrl) paragraphs.push({ text: 'Turn off expiry reminders', url: facts.preferencesUrl });
  return compose(`Your app password "${facts.label}" expires ${when}`, paragraphs);
}

/** A reviewer told that an access review needs them (or reminded of it). */
export function reviewNotice(facts: ReviewFacts): NoticeContent {
  const subject = facts.isReminder ? `Reminder: access review "${facts.reviewName}" is due ${facts.dueAt}` : `Access review "${facts.reviewName}" needs your decisions`;
  const paragraphs: (string | { text: string; url: string })[] = [
    facts.isReminder
      ? `The access review "${facts.reviewName}" is due at ${facts.dueAt}, and ${facts.undecided} of its app passwords are still undecided.`
      : `You are a reviewer of the access review "${facts.reviewName}": ${facts.undecided} app passwords, due at ${facts.dueAt}.`,
    'For each, decide whether it is still needed (keep) or not (revoke), and say why. You cannot decide on your own app passwords.',
    facts.revokesUndecided ? 'What is left undecided at the due date is revoked.' : 'What is left undecided at the due date stays as it is, and is reported as not reviewed.',
  ];
  if (facts.reviewUrl) paragraphs.push({ text: 'Open the review', url: facts.reviewUrl });
  return compose(subject, paragraphs);
}

export interface ScheduledReportFacts {
  readonly report: string;
  readonly cadence: 'WEEKLY' | 'MONTHLY';
  readonly tenant: string;
  readonly runAt: string;
  /** Who scheduled it, whose rights it is drawn with. */
  readonly owner: string;
  readonly reportsUrl: string | null;
}

/** A scheduled report, attached. */
export function scheduledReportNotice(facts: ScheduledReportFacts): NoticeContent {
  const every = facts.cadence === 'WEEKLY' ? 'weekly' : 'monthly';
  const paragraphs: (string | { text: string; url: string })[] = [
    `Attached: the ${facts.report} report of ${facts.tenant}, as of ${facts.runAt}.`,
    `${facts.owner} scheduled it to be mailed ${every}; it is drawn with their rights and names the audit-log checkpoint it was drawn from.`,
  ];
  if (facts.reportsUrl) paragraphs.push({ text: 'Reports and schedules', url: facts.reportsUrl });
  return compose(`Keyward ${every} report: ${facts.report}`, paragraphs);
}
