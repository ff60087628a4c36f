import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** docs/secret-scanning: what ships to users of gitleaks and trufflehog. */
export const RULES_DIR = join(__dirname, '../../docs/secret-scanning');

/** The regular expression of a gitleaks rule (by id), as the TOML file has it (a ''' literal string). */
export function gitleaksRegex(id = 'keyward-app-password'): string {
  const toml = readFileSync(join(RULES_DIR, 'gitleaks.toml'), 'utf8');
  const rule = toml.split('[[rules]]').find((part) => part.includes(`id = "${id}"`)) ?? '';
  const found = /^regex = '''(.*)'''$/m.exec(rule);
  if (!found) throw new Error(`gitleaks.toml has no regex for ${id}`);
  return found[1];
}

/** The regular expression of a trufflehog detector (by its regex key), as the YAML file has it (a single-quoted scalar). */
export function trufflehogRegex(key = 'appPassword'): string {
  const yaml = readFileSync(join(RULES_DIR, 'trufflehog.yaml'), 'utf8');
  const found = new RegExp(`^\\s+${key}: '(.*)'$`, 'm').exec(yaml);
  if (!found) throw new Error(`trufflehog.yaml has no ${key} regex`);
  return found[1].replace(/''/g, "'");
}

/**
 * A Go (RE2) expression as JavaScript runs it: RE2's leading `(?i)` becomes the `i` flag. Refuses
 * what RE2 does not have (look-around, back-references), so a rule that passes here runs in Go.
 */
export function asJavaScript(re2: string, flags = 'g'): RegExp {
  if (/\(\?<?[=!]|\\[1-9]|\(\?<[a-zA-Z]/.test(re2)) throw new Error(`not RE2: ${re2}`);
  const caseless = re2.startsWith('(?i)');
  return new RegExp(caseless ? re2.slice(4) : re2, caseless ? `${flags}i` : flags);
}
