import { badInput } from '@keyward/shared/domain';
import { CHECKSUM_LENGTH, composeAppPassword, KEY_ID_LENGTH, SECRET_ALPHABET, SECRET_LENGTH, SECRET_PREFIX } from '@keyward/app-passwords/domain';

/** A string in the app-password format with a valid checksum, found in text. */
export interface AppPasswordCandidate {
  /** As the format writes it: 32 lowercase symbols, without spaces. Never to be logged or stored. */
  readonly password: string;
  /** The key id: the credential's id. */
  readonly keyId: string;
  readonly secret: string;
}

/** The most candidates one scan takes on: each match costs an argon2 check. */
export const MAX_CANDIDATES = 1_000;

const KEY_ID: number = KEY_ID_LENGTH;
const SYMBOLS = SECRET_PREFIX.length + KEY_ID + SECRET_LENGTH + CHECKSUM_LENGTH;
const GROUP = 4;
/** The longest run of separators between two symbols ("  -  ", a line break with indentation). */
const MAX_GAP = 8;
/** The most characters one password may spread over, separators included: bounds the work per start. */
export const MAX_CANDIDATE_SPAN = 128;

// Local copies: a constant read through a library's re-exports is a getter call, in the hot loop.
const ALPHABET: string = SECRET_ALPHABET;
const PREFIX: string = SECRET_PREFIX;
const NOT_A_SYMBOL = -1;
/** Symbol index by character code (either case), or NOT_A_SYMBOL. */
const SYMBOL_OF = new Int8Array(128).fill(NOT_A_SYMBOL);
for (let index = 0; index < ALPHABET.length; index++) {
  SYMBOL_OF[ALPHABET.charCodeAt(index)] = index;
  SYMBOL_OF[ALPHABET.toUpperCase().charCodeAt(index)] = index;
}
/** Reads the lowercase symbols of a password (ASCII) out of SymbolRun.codes. */
const ASCII = new TextDecoder('latin1');

const isLineBreak = (code: number) => code === 0x0a || code === 0x0d;
/** Spaces and dashes people and mail clients put between groups of four; line breaks anywhere. */
const isSeparator = (code: number) =>
  code === 0x20 || code === 0x09 || code === 0x2d || code === 0xa0 || isLineBreak(code) || (code >= 0x2010 && code <= 0x2015) || code === 0x2009 || code === 0x202f;
const isWordCharacter = (code: number) => (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);

/**
 * Finds every app password with a valid checksum in `text`, deduplicated, however it is written:
 * in one piece or in groups of four, separated by spaces or dashes, wrapped over lines at any
 * column, in any case. A password must stand on its own (no letter or digit right before or
 * after it). The work is linear in the text (see SymbolRun); more than `limit` is BAD_USER_INPUT.
 */
export function findAppPasswordCandidates(text: string, limit = MAX_CANDIDATES): AppPasswordCandidate[] {
  const stream = new CandidateStream(limit);
  stream.push(text);
  return stream.end();
}

/** How much text is tokenized at once: the index arrays stay small whatever the input. */
const PIECE = 65_536;

/**
 * findAppPasswordCandidates over text that arrives in pieces (an upload): each piece is scanned as
 * it comes, and the last MAX_CANDIDATE_SPAN characters are held back for the next, so a password
 * that spans two pieces is found once.
 */
export class CandidateStream {
  private readonly found = new Map<string, AppPasswordCandidate>();
  /** Well-formed strings whose checksum failed: text repeating one costs a look-up, not a hash. */
  private readonly rejected = new Set<string>();
  /** Text not yet scanned, after the one character before it (when there is one). */
  private pending = '';
  /** Where the unscanned starts begin in `pending`. */
  private from = 0;

  constructor(private readonly limit = MAX_CANDIDATES) {}

  push(piece: string): void {
    for (let at = 0; at < piece.length; at += PIECE) this.pushPart(piece.slice(at, at + PIECE));
  }

  /** The candidates of the whole text, in the order they first appear. */
  end(): AppPasswordCandidate[] {
    this.scan(this.pending, this.from, this.pending.length);
    this.pending = '';
    this.from = 0;
    return [...this.found.values()];
  }

  private pushPart(piece: string): void {
    const text = this.pending + piece;
    // A start closer to the end than a whole password (and the character after it) waits for more.
    const until = text.length - MAX_CANDIDATE_SPAN - 1;
    if (until <= this.from) {
      this.pending = text;
      return;
    }
    this.scan(text, this.from, until);
    this.pending = text.slice(until - 1);
    this.from = 1;
  }

  private scan(text: string, from: number, until: number): void {
    const run = new SymbolRun(text);
    for (let index = run.firstAt(from); index < run.length && run.positions[index] < until; index++) {
      const password = run.passwordFrom(index);
      if (password !== null) this.add(password);
    }
  }

  private add(password: string): void {
    if (this.found.has(password) || this.rejected.has(password)) return;
    const keyId = password.slice(PREFIX.length, PREFIX.length + KEY_ID);
    const secret = password.slice(PREFIX.length + KEY_ID, SYMBOLS - CHECKSUM_LENGTH);
    if (composeAppPassword(keyId, secret).password !== password) {
      if (this.rejected.size >= MAX_CHECKSUM_FAILURES) {
        throw badInput(`The text holds more than ${MAX_CHECKSUM_FAILURES.toLocaleString('en')} strings shaped like app passwords with a wrong checksum: it is not text a leak came in.`);
      }
      this.rejected.add(password);
      return;
    }
    if (this.found.size >= this.limit) {
      throw badInput(`The text holds more than ${this.limit.toLocaleString('en')} app passwords: scan at most ${this.limit.toLocaleString('en')} at a time (split it).`);
    }
    this.found.set(password, { password, keyId, secret });
  }
}

/**
 * Distinct well-formed strings with a wrong checksum one scan looks at: each costs a SHA-256. No
 * text people write comes near it (1 in 1,024 words would have to start with "kw" and go on in
 * the format); only made-up input does, and it is refused instead of costing seconds.
 */
export const MAX_CHECKSUM_FAILURES = 10_000;
/** How two symbols are joined: directly, by separators, by separators with a line break, or not at all. */
const ADJACENT = 0;
const SEPARATED = 1;
const WRAPPED = 2;
const BROKEN = 3;

/**
 * The symbols of a text in one pass: each symbol's value, position and how it joins the one
 * before; whether a word starts or ends with it. A password is 32 symbols in a row whose joins
 * are ADJACENT or WRAPPED, or SEPARATED between groups of four; checking one start reads 32
 * entries, so the whole scan is linear, with no backtracking over the text.
 */
class SymbolRun {
  readonly values: Uint8Array;
  /** Each symbol's lowercase character code. */
  private readonly codes: Uint8Array;
  readonly positions: Int32Array;
  private readonly joins: Uint8Array;
  private readonly startsWord: Uint8Array;
  private readonly endsWord: Uint8Array;
  length = 0;

  constructor(private readonly text: string) {
    const size = text.length;
    this.values = new Uint8Array(size);
    this.codes = new Uint8Array(size);
    this.positions = new Int32Array(size);
    this.joins = new Uint8Array(size);
    this.startsWord = new Uint8Array(size);
    this.endsWord = new Uint8Array(size);
    this.tokenize();
  }

  /** The first symbol at or after `position`. */
  firstAt(position: number): number {
    let low = 0;
    let high = this.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.positions[middle] < position) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  /** The password whose first symbol is `index`, lowercase, or null if none starts there. */
  passwordFrom(index: number): string | null {
    const last = index + SYMBOLS - 1;
    if (last >= this.length || this.values[index] !== K_VALUE || this.values[index + 1] !== W_VALUE) return null;
    if (!this.startsWord[index] || !this.endsWord[last] || this.positions[last] - this.positions[index] >= MAX_CANDIDATE_SPAN) return null;
    for (let offset = 1; offset < SYMBOLS; offset++) {
      const join = this.joins[index + offset];
      if (join === BROKEN || (join === SEPARATED && offset % GROUP !== 0)) return null;
    }
    return ASCII.decode(this.codes.subarray(index, last + 1));
  }

  private tokenize(): void {
    const text = this.text;
    let gapStart = -1;
    let hasLineBreak = false;
    let isGapClean = true;
    for (let position = 0; position < text.length; position++) {
      const code = text.charCodeAt(position);
      const value = code < 128 ? SYMBOL_OF[code] : NOT_A_SYMBOL;
      if (value === NOT_A_SYMBOL) {
        if (gapStart < 0) gapStart = position;
        hasLineBreak ||= isLineBreak(code);
        isGapClean &&= isSeparator(code);
        continue;
      }
      const index = this.length++;
      this.values[index] = value;
      this.codes[index] = ALPHABET.charCodeAt(value);
      this.positions[index] = position;
      const gap = gapStart < 0 ? 0 : position - gapStart;
      this.joins[index] = gap === 0 ? ADJACENT : !isGapClean || gap > MAX_GAP ? BROKEN : hasLineBreak ? WRAPPED : SEPARATED;
      this.startsWord[index] = position === 0 || !isWordCharacter(text.charCodeAt(position - 1)) ? 1 : 0;
      this.endsWord[index] = position + 1 >= text.length || !isWordCharacter(text.charCodeAt(position + 1)) ? 1 : 0;
      gapStart = -1;
      hasLineBreak = false;
      isGapClean = true;
    }
  }
}

const K_VALUE = ALPHABET.indexOf(PREFIX[0]);
const W_VALUE = ALPHABET.indexOf(PREFIX[1]);
