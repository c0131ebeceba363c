/**
 * Detection of the My Number (個人番号): 12 digits, the last a check digit computed as 行政手続における
 * 特定の個人を識別するための番号の利用等に関する法律施行令 第8条 prescribes. The bank must never store one
 * (APPI / 番号法), whatever a provider sends, so deposits are scanned for values that look like one.
 * Requiring a valid check digit keeps ordinary 12-digit numbers (9 in 10 of them) from being refused.
 */

/** True when `digits` is exactly 12 ASCII digits whose last is the 個人番号 check digit of the first 11. */
export function isIndividualNumber(digits: string): boolean {
  if (!/^[0-9]{12}$/.test(digits)) return false;
  return checkDigit(digits.slice(0, 11)) === Number(digits[11]);
}

/**
 * The check digit of 11 digits: with Pn the n-th digit counted from the right (n = 1..11) and
 * Qn = n + 1 for n ≤ 6, n − 5 for n ≥ 7, it is 11 − (Σ Pn × Qn mod 11), or 0 when the remainder is ≤ 1.
 */
export function checkDigit(elevenDigits: string): number {
  let sum = 0;
  for (let n = 1; n <= 11; n += 1) {
    const digit = Number(elevenDigits[11 - n]);
    sum += digit * (n <= 6 ? n + 1 : n - 5);
  }
  const remainder = sum % 11;
  return remainder <= 1 ? 0 : 11 - remainder;
}

/** Most ASCII digits NFKC makes of one code point (U+2152 ⅒ becomes "1⁄10"); the spec checks every code point. */
export const MAX_DIGITS_PER_CODE_POINT = 3;

/**
 * Blocks whose code points NFKC never turns into digits (kana, CJK ideographs, Hangul syllables):
 * most Japanese text is written in them. The spec checks every code point of each.
 */
export const DIGIT_FREE_BLOCKS: readonly (readonly [number, number])[] = [
  [0x3000, 0x30ff],
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xac00, 0xd7af],
];

/**
 * At least as many ASCII digits as `text.normalize('NFKC')` holds: ASCII digits count once, code
 * units outside ASCII and the digit-free blocks as many times as one code point can yield. NFKC
 * (costly, and run for every string of every record) is needed only when this reaches 12, and
 * `ascii` says whether it is needed at all (printable ASCII is its own NFKC form).
 */
function digitBound(text: string): { digits: number; ascii: boolean } {
  let digits = 0;
  let ascii = true;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code >= 48 && code <= 57) digits += 1;
    else if (code < 0x20 || code > 0x7e) {
      ascii = false;
      if (code >= 0x80 && !inDigitFreeBlock(code)) digits += MAX_DIGITS_PER_CODE_POINT;
    }
  }
  return { digits, ascii };
}

function inDigitFreeBlock(code: number): boolean {
  for (const [first, last] of DIGIT_FREE_BLOCKS) if (code >= first && code <= last) return true;
  return false;
}

/**
 * True when the text holds something that reads as a 個人番号: 12 digits with a valid check digit,
 * written plain (`123456789018`) or in the card's groups of four (`1234 5678 9018`,
 * `１２３４－５６７８－９０１８`), not part of a longer number.
 */
export function containsIndividualNumber(text: string): boolean {
  // Text with fewer than 12 digits cannot hold one (most text), before or after NFKC; NFKC changes
  // nothing in printable ASCII.
  const bound = digitBound(text);
  if (bound.digits < 12) return false;
  const normalised = bound.ascii ? text : text.normalize('NFKC');
  // Chains of digit groups joined by single separators (after NFKC, which turns full-width digits and
  // hyphens into ASCII), read with a hand-written scanner: this runs for every date, code and amount
  // of every deposited record.
  const starts: number[] = [];
  const lengths: number[] = [];
  let index = 0;
  while (index < normalised.length) {
    if (!isDigit(normalised.charCodeAt(index))) {
      index += 1;
      continue;
    }
    starts.length = 0;
    lengths.length = 0;
    for (;;) {
      const start = index;
      while (index < normalised.length && isDigit(normalised.charCodeAt(index))) index += 1;
      starts.push(start);
      lengths.push(index - start);
      if (!(isSeparator(normalised.charCodeAt(index)) && isDigit(normalised.charCodeAt(index + 1)))) break;
      index += 1;
    }
    if (chainHoldsOne(normalised, starts, lengths)) return true;
  }
  return false;
}

/**
 * Twelve digits in one run, or the card's own layout (4-4-4) alone or inside a longer chain (e.g.
 * after a date) but not three groups of a longer run of 4-digit groups (a 16-digit card number).
 * Other splits of twelve digits (a store number and a receipt number, 0012-34567890) are ordinary
 * identifiers: with a valid check digit one in ten of them would otherwise be refused.
 */
function chainHoldsOne(text: string, starts: readonly number[], lengths: readonly number[]): boolean {
  if (lengths.length === 1) return lengths[0] === 12 && isIndividualNumber(text.slice(starts[0], starts[0] + 12));
  const isQuad = (group: number) => lengths[group] === 4;
  for (let first = 0; first + 3 <= lengths.length; first += 1) {
    const stands = isQuad(first) && isQuad(first + 1) && isQuad(first + 2) && !isQuad(first - 1) && !isQuad(first + 3);
    if (stands) {
      const digits = [0, 1, 2].map((offset) => text.slice(starts[first + offset], starts[first + offset] + 4)).join('');
      if (isIndividualNumber(digits)) return true;
    }
  }
  return false;
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** The single separators people type between groups: space, hyphen, the Unicode dashes, minus, long vowel mark. */
function isSeparator(code: number): boolean {
  return code === 0x20 || code === 0x2d || (code >= 0x2010 && code <= 0x2015) || code === 0x2212 || code === 0x30fc;
}

/** Escapes one JSON pointer token (RFC 6901). */
export function pointerToken(token: string | number): string {
  return String(token).replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Most member names remembered as holding no 個人番号; more are checked each time (any input stays bounded). */
const MAX_CLEAN_NAMES = 1_024;
const cleanNames = new Set<string>();

/**
 * False when the member name reads as a 個人番号. Records of a batch share their members' names (a receipt has
 * about 30, and a batch 5,000 receipts): each name is scanned once, then recognised.
 */
function isCleanName(name: string): boolean {
  if (cleanNames.has(name)) return true;
  if (containsIndividualNumber(name)) return false;
  if (cleanNames.size >= MAX_CLEAN_NAMES) cleanNames.clear();
  cleanNames.add(name);
  return true;
}

/**
 * JSON pointers (relative to `value`) of every string, property name or whole number in it that
 * reads as a 個人番号, at most `limit` of them.
 */
export function findIndividualNumbers(value: unknown, limit = 10): string[] {
  const found: string[] = [];
  // The path is kept as tokens and written out only for a finding: most records have none.
  const tokens: (string | number)[] = [];
  const pointer = () => tokens.map((token) => `/${pointerToken(token)}`).join('');
  const visit = (node: unknown): void => {
    if (found.length >= limit) return;
    if (typeof node === 'string') {
      if (containsIndividualNumber(node)) found.push(pointer());
    } else if (typeof node === 'number') {
      // Only a whole number of exactly 12 digits can be one.
      if (Number.isSafeInteger(node) && node >= 1e11 && node < 1e12 && isIndividualNumber(String(node))) found.push(pointer());
    } else if (Array.isArray(node)) {
      for (let index = 0; index < node.length; index += 1) {
        tokens.push(index);
        visit(node[index]);
        tokens.pop();
      }
    } else if (typeof node === 'object' && node !== null) {
      for (const key of Object.keys(node)) {
        tokens.push(key);
        if (!isCleanName(key) && found.length < limit) found.push(pointer());
        visit((node as Record<string, unknown>)[key]);
        tokens.pop();
      }
    }
  };
  visit(value);
  return found;
}
