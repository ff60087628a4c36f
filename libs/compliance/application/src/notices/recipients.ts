import type { KeywardConfig } from '@keyward/shared/server';
import type { ExistingUser } from '@keyward/identity/domain';
import type { Directory } from '@keyward/identity/application';

/** Where a user's mail goes: the work address their directory gave, else their principal name. */
export function addressOf(user: ExistingUser): string {
  return user.profile.email ?? user.userPrincipalName;
}

/** A page of the console, when Keyward's public address is known (KEYWARD_PUBLIC_URL). */
export function consoleLink(config: KeywardConfig, path: string): string | null {
  return config.publicUrl ? `${config.publicUrl.replace(/\/$/, '')}${path}` : null;
}

const PROCESSES: Record<string, string> = {
  'idle-revocation': "Keyward's idle policy (it was unused too long)",
  'revoke-on-password-reset': 'Keyward, after a password reset',
  'revoke-on-disable': 'Keyward, when the account was disabled',
  'revocation-case': 'an incident response case',
  'leak-report': 'Keyward, on a leak report',
  'access-review': 'an access review (it was not reviewed by the due date)',
  expiry: 'Keyward (it expired)',
};

/** Who did something, in words a person reads: a user's principal name, or what a process is. */
export async function actorInWords(directory: Directory, actor: string): Promise<string> {
  const [kind, id] = [actor.slice(0, actor.indexOf(':')), actor.slice(actor.indexOf(':') + 1)];
  if (kind === 'user') {
    const user = await directory.user(id);
    return user.status === 'none' ? 'an administrator' : user.userPrincipalName;
  }
  if (kind === 'token') return 'an automation (API token)';
  if (kind === 'system') return PROCESSES[id] ?? 'Keyward';
  return 'a gateway';
}
