import { Injectable } from '@nestjs/common';
import { verifySecret } from '@keyward/shared/security';
import type { ExistingAppPassword } from '@keyward/app-passwords/domain';
import { Credentials } from '@keyward/app-passwords/application';
import type { AppPasswordCandidate } from '@keyward/incidents/domain';

/** A credential that candidates name, and whether one of their secrets verifies. */
export interface ProvenCandidate {
  readonly credential: ExistingAppPassword;
  readonly isProven: boolean;
}

/** argon2 checks run at once for one scan or report: the thread pool is shared with /verify. */
const CHECKS_AT_ONCE = 2;

/**
 * Finds the credentials candidates name (the key id is the credential's id, read from its stream,
 * so never behind) and proves each with an argon2 check of the secret found with it (one check
 * per distinct candidate, stopping at the first that verifies). Only credentials `isWanted` keeps
 * are checked: another tenant's costs a stream read and nothing else.
 */
@Injectable()
export class ProvenLeaks {
  constructor(private readonly credentials: Credentials) {}

  async prove(candidates: readonly AppPasswordCandidate[], isWanted: (credential: ExistingAppPassword) => boolean): Promise<ProvenCandidate[]> {
    const found = await this.credentialsOf(candidates, isWanted);
    const proven: ProvenCandidate[] = new Array(found.length);
    let next = 0;
    const worker = async () => {
      for (let index = next++; index < found.length; index = next++) proven[index] = await this.proof(found[index]);
    };
    await Promise.all(Array.from({ length: CHECKS_AT_ONCE }, worker));
    return proven;
  }

  /** Each wanted credential once, in the order first named, with the secrets found for it. */
  private async credentialsOf(candidates: readonly AppPasswordCandidate[], isWanted: (credential: ExistingAppPassword) => boolean) {
    const byKeyId = new Map<string, { credential: ExistingAppPassword; secrets: string[] }>();
    const unwanted = new Set<string>();
    for (const { keyId, secret } of candidates) {
      const known = byKeyId.get(keyId);
      if (known) known.secrets.push(secret);
      if (known || unwanted.has(keyId)) continue;
      const credential = await this.credentials.load(keyId);
      if (credential.status !== 'none' && isWanted(credential)) byKeyId.set(keyId, { credential, secrets: [secret] });
      else unwanted.add(keyId);
    }
    return [...byKeyId.values()];
  }

  private async proof({ credential, secrets }: { credential: ExistingAppPassword; secrets: string[] }): Promise<ProvenCandidate> {
    for (const secret of secrets) if (await verifySecret(credential.secretHash, secret)) return { credential, isProven: true };
    return { credential, isProven: false };
  }
}
