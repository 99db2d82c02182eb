// Character classes by UTF-16 code unit, for the hot loops of the tokenizers:
// a table lookup instead of a one-character Unicode regex test (and instead of
// the one-character string `s[i]` allocates for non-Latin-1 text).
//
// The class of a code unit is exactly what the regexes of the rules say about
// the one-unit string: a lone surrogate is no letter, mark or number. Code
// points beyond the BMP (a surrogate pair) are classified by `classAt`.
import { isHighSurrogate, isLowSurrogate, isSurrogate } from '../chars';

/** \p{L} */
export const C_L = 1;
/** \p{M} */
export const C_M = 2;
/** \p{N} */
export const C_N = 4;
/** \p{Lu} */
export const C_LU = 8;
/** \p{Ll} */
export const C_LL = 16;
/** Letter or mark: [\p{L}\p{M}] */
export const C_LM = C_L | C_M;
/** Letter, mark or number: [\p{L}\p{M}\p{N}] */
export const C_LMN = C_L | C_M | C_N;

/** Set in every filled entry of CLASS. */
export const KNOWN = 128;
/**
 * The classes of each code unit, | KNOWN once filled (0: not yet). Hot loops read
 * it directly and call fillClass on a 0: `let k = CLASS[c]; if (k === 0) k = fillClass(c);`
 */
export const CLASS = new Uint8Array(65536);
const table = CLASS;
const RE_L = /\p{L}/u;
const RE_M = /\p{M}/u;
const RE_N = /\p{N}/u;
const RE_LU = /\p{Lu}/u;
const RE_LL = /\p{Ll}/u;

function compute(s: string): number {
  return (RE_L.test(s) ? C_L : 0) | (RE_M.test(s) ? C_M : 0) | (RE_N.test(s) ? C_N : 0) | (RE_LU.test(s) ? C_LU : 0) | (RE_LL.test(s) ? C_LL : 0);
}

/** Fill the CLASS entry of a code unit; returns it (classes | KNOWN). */
export function fillClass(code: number): number {
  charClass(code);
  return table[code];
}

/** The classes of one code unit (filled lazily: the table costs nothing at start-up). */
export function charClass(code: number): number {
  const v = table[code];
  if (v !== 0) return v & ~KNOWN;
  const c = isSurrogate(code) ? 0 : compute(String.fromCharCode(code));
  table[code] = c | KNOWN;
  return c;
}

const astral = new Map<number, number>();

/**
 * The classes of the code point at `i` (a surrogate pair counts as one code
 * point when both halves lie before `limit`), and its length in code units,
 * packed as `classes | (length << 8)`.
 */
export function classAt(s: string, i: number, limit: number): number {
  const c = s.charCodeAt(i);
  if (!isHighSurrogate(c) || i + 1 >= limit) return charClass(c) | 256;
  const d = s.charCodeAt(i + 1);
  if (!isLowSurrogate(d)) return charClass(c) | 256;
  const cp = ((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000;
  let v = astral.get(cp);
  if (v === undefined) {
    v = compute(String.fromCodePoint(cp));
    astral.set(cp, v);
  }
  return v | 512;
}

const lower = new Uint16Array(65536);
/** No single-unit lower case (İ lower-cases to two units, Σ depends on its context). */
export const LOWER_UNKNOWN = 0xffff;

/** The lower case of one code unit as String.prototype.toLowerCase gives it in any context, or LOWER_UNKNOWN. */
export function lowerUnit(code: number): number {
  const v = lower[code];
  if (v !== 0) return v;
  let l = LOWER_UNKNOWN;
  if (code === 0) l = 0;
  else if (code !== 0x3a3 && !isSurrogate(code)) {
    const s = String.fromCharCode(code).toLowerCase();
    if (s.length === 1) l = s.charCodeAt(0);
  }
  if (code !== 0) lower[code] = l;
  return l;
}
