// UTF-16 code unit predicates every layer needs (the engine's base layer):
// surrogate halves, combining marks. Offsets are UTF-16 units everywhere, so a
// range must never end between a surrogate pair or split a letter from its marks.

export function isHighSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}

export function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

const MARK = /\p{M}/u;
/** Is the code unit at `j` a combining mark (one unit; nothing below U+0300 is)? */
export function isMarkAt(s: string, j: number): boolean {
  return s.charCodeAt(j) >= 0x300 && MARK.test(s[j]);
}
