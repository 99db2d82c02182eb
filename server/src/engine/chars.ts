// UTF-16 code unit predicates every layer needs (the engine's base layer):
// surrogate halves, combining marks. Offsets are UTF-16 units everywhere, so a
// range must never end between a surrogate pair or split a letter from its marks.

export function isHighSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}

export function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

/** Either half of a surrogate pair (not a character by itself). */
export function isSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdfff;
}

const MARK = /\p{M}/u;
/** Is the code unit at `j` a combining mark (one unit; nothing below U+0300 is)? */
export function isMarkAt(s: string, j: number): boolean {
  return s.charCodeAt(j) >= 0x300 && MARK.test(s[j]);
}

/** A space or a tab: markdown's blanks inside a line. */
export function isSpaceOrTab(c: number): boolean {
  return c === 32 || c === 9;
}

/** JavaScript's \s, by code unit (the lexers' and their regexes' whitespace). */
export function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}
