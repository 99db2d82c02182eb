// A small token stream over one segment of prose, for the task-count
// recognizer: numbers (digit clusters joined by . or ,), words (letter runs),
// slashes and other punctuation. Whitespace, newlines and MASK (non-prose such
// as emphasis markers) are not tokens: they set `gap` on the next token, so
// "**6/6** nhiệm vụ" reads like "6/6 nhiệm vụ". One sticky regex, linear.

import { isHighSurrogate, isLowSurrogate, isSpace, isSurrogate } from '../chars';
import type { SegmentToken } from '../tokens';

export type TokType = 'num' | 'word' | 'slash' | 'punct';

export interface Tok extends SegmentToken<TokType> {
  text: string;
  /** Lowercase text for words; the text otherwise. */
  low: string;
  /** Whitespace or masked text before this token (within the segment). */
  gap: boolean;
  /** A newline is in that gap. */
  nl: boolean;
  /** For numbers: the integer value when the cluster is an integer ("08", "1.234"); undefined for decimals. */
  int?: number;
  /** For numbers: digit grouping or decimals present. */
  plain?: boolean;
}

/** The token grammar, as a regex: `lexRegex` (the reference `lex` must agree with; tests compare them). */
const TOKEN = /(\d+(?:[.,]\d+)*)|([\p{L}\p{M}]+)|(\/)|([\s\u0000]+)|([^])/uy;

/** Integer value of a Vietnamese-written integer ("08", "150", "1.234"), else undefined. */
export function intOf(raw: string): number | undefined {
  if (/^\d+$/.test(raw)) return Number(raw);
  if (/^\d{1,3}(?:\.\d{3})+$/.test(raw)) return Number(raw.replace(/\./g, ''));
  return undefined;
}

/** Tokens of `text` with the regex grammar (reference implementation for tests). */
export function lexRegex(text: string, base: number): Tok[] {
  const out: Tok[] = [];
  let pos = 0;
  let gap = false;
  let nl = false;
  while (pos < text.length) {
    TOKEN.lastIndex = pos;
    const m = TOKEN.exec(text);
    if (!m) break;
    const s = pos;
    pos = TOKEN.lastIndex;
    if (m[4] !== undefined) {
      gap = true;
      if (m[4].includes('\n')) nl = true;
      continue;
    }
    const t: TokType = m[1] !== undefined ? 'num' : m[2] !== undefined ? 'word' : m[3] !== undefined ? 'slash' : 'punct';
    const tok: Tok = { t, s: base + s, e: base + pos, text: m[0], low: t === 'word' ? m[0].toLowerCase() : m[0], gap, nl, int: undefined, plain: undefined };
    if (t === 'num') {
      tok.int = intOf(m[0]);
      tok.plain = /^\d+$/.test(m[0]);
    }
    out.push(tok);
    gap = false;
    nl = false;
  }
  return out;
}


const isDigit = (c: number) => c >= 48 && c <= 57;

// [\p{L}\p{M}] for BMP code units, filled on first sight: 0 unknown, 1 a letter
// or mark toLowerCase keeps, 3 one it changes, 2 neither.
const letterBmp = new Uint8Array(0x10000);
const LETTER = /^[\p{L}\p{M}]$/u;
for (let c = 65; c <= 90; c++) letterBmp[c] = 3;
for (let c = 97; c <= 122; c++) letterBmp[c] = 1;

/** Letter class of the BMP code unit c (not a surrogate). */
function letterClass(c: number): number {
  let k = letterBmp[c];
  if (k === 0) {
    const ch = String.fromCharCode(c);
    letterBmp[c] = k = LETTER.test(ch) ? (ch.toLowerCase() === ch ? 1 : 3) : 2;
  }
  return k;
}

/**
 * The letter or mark at `pos`: its length in code units (astral letters take
 * 2), plus 4 when toLowerCase may change it; 0 when none.
 */
function letterAt(text: string, pos: number): number {
  const c = text.charCodeAt(pos);
  if (isSurrogate(c)) {
    if (isHighSurrogate(c) && isLowSurrogate(text.charCodeAt(pos + 1))) return LETTER.test(text.slice(pos, pos + 2)) ? 2 + 4 : 0;
    return 0;
  }
  const k = c < 128 && c > 0 ? letterBmp[c] : letterClass(c);
  return k === 1 ? 1 : k === 3 ? 1 + 4 : 0;
}

/**
 * Tokens of `text` (a segment's prose), offsets shifted by `base`. A code-unit
 * scanner with the grammar of TOKEN above (lexRegex): no match arrays, and
 * integers read while scanning.
 */
export function lex(text: string, base: number): Tok[] {
  const out: Tok[] = [];
  const n = text.length;
  let pos = 0;
  let gap = false;
  let nl = false;
  while (pos < n) {
    const s = pos;
    const c = text.charCodeAt(pos);
    if (isDigit(c)) {
      // \d+(?:[.,]\d+)*, noting the groups for intOf's rule: plain digits, or 1-3 digits then ".ddd" groups.
      pos++;
      while (pos < n && isDigit(text.charCodeAt(pos))) pos++;
      let plain = true;
      let grouped = pos - s <= 3;
      for (;;) {
        const sep = text.charCodeAt(pos);
        if ((sep !== 46 && sep !== 44) || !isDigit(text.charCodeAt(pos + 1))) break;
        const g = pos + 1;
        pos += 2;
        while (pos < n && isDigit(text.charCodeAt(pos))) pos++;
        plain = false;
        if (sep !== 46 || pos - g !== 3) grouped = false;
      }
      const raw = text.slice(s, pos);
      const int = plain ? Number(raw) : grouped ? Number(raw.replace(/\./g, '')) : undefined;
      out.push({ t: 'num', s: base + s, e: base + pos, text: raw, low: raw, gap, nl, int, plain });
    } else if (c === 47) {
      pos++;
      out.push({ t: 'slash', s: base + s, e: base + pos, text: '/', low: '/', gap, nl, int: undefined, plain: undefined });
    } else if (c === 0 || isSpace(c)) {
      gap = true;
      for (; pos < n; pos++) {
        const d = text.charCodeAt(pos);
        if (d === 10) nl = true;
        else if (d !== 0 && !isSpace(d)) break;
      }
      continue;
    } else {
      let w = letterAt(text, pos);
      if (w) {
        // Lowercase only words with a letter that changes (context rules such as
        // the final sigma only touch letters that change on their own).
        let upper = 0;
        do {
          upper |= w;
          pos += w & 3;
        } while (pos < n && (w = letterAt(text, pos)));
        const raw = text.slice(s, pos);
        out.push({ t: 'word', s: base + s, e: base + pos, text: raw, low: upper & 4 ? raw.toLowerCase() : raw, gap, nl, int: undefined, plain: undefined });
      } else {
        // One code point ([^] with the u flag): a surrogate pair stays whole.
        pos += isHighSurrogate(c) && pos + 1 < n && isLowSurrogate(text.charCodeAt(pos + 1)) ? 2 : 1;
        const raw = text.slice(s, pos);
        out.push({ t: 'punct', s: base + s, e: base + pos, text: raw, low: raw, gap, nl, int: undefined, plain: undefined });
      }
    }
    gap = false;
    nl = false;
  }
  return out;
}

export const SENTENCE_END = new Set(['.', '!', '?', ';', '…']);
export const CLAUSE_END = new Set(['.', '!', '?', ';', '…', ':', ',']);
