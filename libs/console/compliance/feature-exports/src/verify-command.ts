/** What the command shows until there is a file, or a key. */
export const FILE_PLACEHOLDER = '<file.zip>';
export const KEY_PLACEHOLDER = '<verifierKey>';

/**
 * The command an auditor runs offline to verify a bundle (DESIGN §8): the single-file verifier,
 * the saved file (quoted when the shell would split it) and the pinned verifier key.
 */
export function verifyCommand(fileName: string | null, verifierKey: string | null): string {
  return `node keyward.mjs verify-export ${fileName ? shellWord(fileName) : FILE_PLACEHOLDER} --key ${verifierKey ?? KEY_PLACEHOLDER}`;
}

function shellWord(word: string): string {
  return /^[\w.@+=/-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}
