// What a bare number is, read from the words around it (data: quantity-words.json).
import words from './quantity-words.json';

const COUNTED = new Set(words.countedNouns);
const REFERENCE = new Set(words.referenceBefore);
// Up to three words after a number (bounded: linear).
const NEXT3 = /^[ \u00a0]{1,2}([\p{L}\p{M}]+)(?:[ \u00a0]([\p{L}\p{M}]+))?(?:[ \u00a0]([\p{L}\p{M}]+))?/u;
const PREV = /([\p{L}\p{M}]+)[ \u00a0]{1,2}$/u;

/** The counted noun (one to three syllables, lower case) right after `pos`, if any. */
export function countedNounAt(prose: string, pos: number): string | undefined {
  const m = NEXT3.exec(prose.slice(pos, pos + 40));
  if (!m || m[1] !== m[1].toLowerCase()) return undefined;
  const w = [m[1], m[2], m[3]].filter((x): x is string => x !== undefined).map((x) => x.toLowerCase());
  for (let n = w.length; n >= 1; n--) {
    const phrase = w.slice(0, n).join(' ');
    if (COUNTED.has(phrase)) return phrase;
  }
  return undefined;
}

/** The word right before `pos` makes the number there a reference, code or year ("bảng 1234", "số 1893", "năm 2023"). */
export function referenceBefore(prose: string, pos: number): boolean {
  const m = PREV.exec(prose.slice(Math.max(0, pos - 20), pos));
  return m !== null && REFERENCE.has(m[1].toLowerCase());
}

export const DATE_WORDS = words.dateWords;
export const DATE_HEADERS = words.dateHeaders;
export const RANGE_JOINERS = words.rangeJoiners;
