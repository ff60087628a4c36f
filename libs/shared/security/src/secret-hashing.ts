import * as argon2 from 'argon2';

/**
 * argon2id at OWASP's minimum (19 MiB, 2 passes, 1 lane). The parameters travel in the PHC
 * string, so raising them later only needs a rehash on the next successful use.
 */
export const ARGON2_OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashSecret(secret: string): Promise<string> {
  return argon2.hash(secret, ARGON2_OPTIONS);
}

export async function verifySecret(hash: string, secret: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, secret);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | null = null;

/**
 * Spends the same work as a real check when there is nothing to check against (an unknown user
 * or credential), so the answer's timing does not tell which names exist.
 */
export async function verifyAgainstNothing(secret: string): Promise<false> {
  dummyHash ??= hashSecret('keyward-timing-equaliser');
  await verifySecret(await dummyHash, secret);
  return false;
}
