// Near matches of known phrases: a run of words that equals a known phrase
// except for ONE syllable whose tone, mark or one letter differs ("khám chửa
// bệnh", "Trung tâm Y tê", "Thừa Thiê Huế"). Used by common-misspelling (the
// sector's fixed phrases) and place-name (the gazetteer).
//
// One linear pass: phrases are indexed by pairs of their first three
// syllables' keys; each window start of the text makes at most five lookups
// and compares only the phrases found. No regex per phrase.
import type { Block } from '../types';
import { proseRuns, type Word } from './text';
import { C_LM, CLASS, classAt, fillClass } from './chars';
import { analysis } from '../rule';
import { toStyle, analyzeWord } from './syllable';

const keyCache = new Map<string, string>();
const IY = /^(b|ch|d|đ|h|k|l|m|n|ph|qu|s|t|th|tr|v|x)([yýỳỷỹỵ])$/;
const Y2I: Record<string, string> = { y: 'i', ý: 'í', ỳ: 'ì', ỷ: 'ỉ', ỹ: 'ĩ', ỵ: 'ị' };

/**
 * The comparison key of one syllable: NFC, lower case, tone mark in the reformed
 * place (hòa = hoà), i for the y of kỹ/lý/tỷ/quý (both spellings are right).
 */
export function sylKey(s: string): string {
  let k = keyCache.get(s);
  if (k !== undefined) return k;
  k = toStyle(s.normalize('NFC').toLowerCase(), 'reformed');
  const m = IY.exec(k);
  if (m) k = m[1] + Y2I[m[2]];
  if (keyCache.size > 20_000) keyCache.clear();
  keyCache.set(s, k);
  return k;
}

/** Letters without any mark, đ as d: "Thừa" -> "thua". */
export function skeleton(s: string): string {
  let k = skeletonCache.get(s);
  if (k !== undefined) return k;
  k = s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();
  if (skeletonCache.size > 20_000) skeletonCache.clear();
  skeletonCache.set(s, k);
  return k;
}
// The same few thousand syllables come back in every window compared: their skeletons and slips are remembered.
const skeletonCache = new Map<string, string>();
const slipCache = new Map<string, Map<string, SlipKind | null>>();
let slipCached = 0;

export type SlipKind = 'tone' | 'letter';

/** Is `written` the syllable `known` with one slip? 'tone': marks only (tone, ă/â/ê/ô/ơ/ư, đ); 'letter': one letter added, dropped or changed. */
export function slipKind(written: string, known: string): SlipKind | undefined {
  let byKnown = slipCache.get(written);
  const hit = byKnown?.get(known);
  if (hit !== undefined) return hit ?? undefined;
  const kind = computeSlipKind(written, known);
  if (++slipCached > 50_000) {
    slipCache.clear();
    slipCached = 1;
    byKnown = undefined;
  }
  if (!byKnown) slipCache.set(written, (byKnown = new Map()));
  byKnown.set(known, kind ?? null);
  return kind;
}

function computeSlipKind(written: string, known: string): SlipKind | undefined {
  if (written === known) return undefined;
  const a = [...written];
  const b = [...known];
  if (skeleton(written) === skeleton(known)) {
    // Same letters: count the letters whose marks differ (one slip = one letter, or a tone moved).
    let d = 0;
    if (a.length === b.length) for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) d++;
    return d <= 2 ? 'tone' : undefined;
  }
  // One edit over whole letters (a precomposed letter is one).
  if (Math.abs(a.length - b.length) > 1) return undefined;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  let ja = a.length - 1;
  let jb = b.length - 1;
  while (ja >= i && jb >= i && a[ja] === b[jb]) {
    ja--;
    jb--;
  }
  return ja - i <= 0 && jb - i <= 0 ? 'letter' : undefined;
}

/**
 * Is a slip in this written syllable ours to report? Not when it has letters
 * Vietnamese does not use (Ð for Đ: unicode-normalization's) or the syllable
 * model has one certain repair (lựơng: syllable's).
 */
export function slipIsOurs(written: string): boolean {
  const r = analyzeWord(written, { properName: true });
  if (r.status === 'foreign') return false;
  return !(r.status === 'invalid' && r.safe);
}

export interface Phrase<T> {
  /** As written in the data (for the fix). */
  words: string[];
  keys: string[];
  data: T;
}

export interface NearMatch<T> {
  phrase: Phrase<T>;
  /** Index of the first word of the window in the chain. */
  start: number;
  /** Index in the phrase of the syllable that differs. */
  diff: number;
  kind: SlipKind;
}

/** Window comparisons made by all indexes (for the linearity test). */
export const nearStats = { compared: 0 };

/** The key under which addKnown() records a phrase. */
export function knownKey(text: string): string {
  return text.normalize('NFC').trim().split(/\s+/).map(sylKey).join(' ');
}

export class PhraseIndex<T> {
  readonly phrases: Phrase<T>[] = [];
  // A window with one slip matches its phrase in two of the first three words:
  // keyed by pairs of them, a window finds its candidates in three lookups,
  // whatever the number of phrases sharing a common word ("tỷ", "y tế").
  /** words 0 and 1 -> phrases (slip at word 2 or later); words 0 and 2 (slip at 1); words 1 and 2 (slip at 0). */
  private by01 = new Map<string, Map<string, number[]>>();
  private by02 = new Map<string, Map<string, number[]>>();
  private by12 = new Map<string, Map<string, number[]>>();
  /** Two-word phrases: by word 0 (slip at 1), by word 1 (slip at 0). */
  private two0 = new Map<string, number[]>();
  private two1 = new Map<string, number[]>();
  /** Joined keys of every phrase, and of other known phrases that must never be "corrected". */
  private exact = new Set<string>();

  add(text: string, data: T): void {
    const words = text.normalize('NFC').trim().split(/\s+/);
    if (words.length < 2) return;
    const keys = words.map(sylKey);
    this.exact.add(keys.join(' '));
    const p = this.phrases.length;
    this.phrases.push({ words, keys, data });
    const put = (m: Map<string, number[]>, k: string) => {
      const list = m.get(k);
      if (list) list.push(p);
      else m.set(k, [p]);
    };
    if (keys.length === 2) {
      put(this.two0, keys[0]);
      put(this.two1, keys[1]);
      return;
    }
    const inner = (m: Map<string, Map<string, number[]>>, k: string) => {
      let x = m.get(k);
      if (!x) m.set(k, (x = new Map()));
      return x;
    };
    put(inner(this.by01, keys[0]), keys[1]);
    put(inner(this.by02, keys[0]), keys[2]);
    put(inner(this.by12, keys[1]), keys[2]);
  }

  /** A real phrase that is not indexed but must not be taken for a slip. */
  addKnown(text: string): void {
    this.exact.add(knownKey(text));
  }

  /** addKnown with the key already made by knownKey() (one key for several indexes). */
  addKnownKey(key: string): void {
    this.exact.add(key);
  }

  isKnown(keys: string[]): boolean {
    return this.exact.has(keys.join(' '));
  }

  /**
   * Windows of `keys` that are one slip away from an indexed phrase. `allow`
   * decides per phrase length, position of the slip and its kind. A window
   * that is itself a known phrase, or near two different phrases, is left out.
   */
  near(keys: string[], allow: (n: number, diff: number, kind: SlipKind, written: string) => boolean): NearMatch<T>[] {
    // Hot: called for every word chain of every block. No closures per call;
    // the window's key is a number (start, length) and the map is made on the first hit.
    let found: Map<number, NearMatch<T>[]> | undefined;
    for (let s = 0; s + 1 < keys.length; s++) {
      found = this.each(this.two0.get(keys[s]), s, 1, keys, allow, found);
      found = this.each(this.two1.get(keys[s + 1]), s, 0, keys, allow, found);
      if (s + 2 >= keys.length) continue;
      // Nested maps: no key strings built per word.
      found = this.each(this.by01.get(keys[s])?.get(keys[s + 1]), s, WANT_LATER, keys, allow, found);
      found = this.each(this.by02.get(keys[s])?.get(keys[s + 2]), s, 1, keys, allow, found);
      found = this.each(this.by12.get(keys[s + 1])?.get(keys[s + 2]), s, 0, keys, allow, found);
    }
    if (!found) return [];
    const out: NearMatch<T>[] = [];
    for (const list of found.values()) {
      const first = list[0];
      // Two different corrections for one window: not certain.
      if (list.some((m) => m.phrase.keys[m.diff] !== first.phrase.keys[first.diff] || m.diff !== first.diff)) continue;
      out.push(first);
    }
    return out.sort((a, b) => a.start - b.start);
  }

  /** Compare the window at s with each listed phrase; `want`: the index the slip must be at (WANT_LATER: 2 or later). */
  private each(
    list: number[] | undefined,
    s: number,
    want: number,
    keys: string[],
    allow: (n: number, diff: number, kind: SlipKind, written: string) => boolean,
    found: Map<number, NearMatch<T>[]> | undefined,
  ): Map<number, NearMatch<T>[]> | undefined {
    if (!list) return found;
    for (let li = 0; li < list.length; li++) {
      const ph = this.phrases[list[li]];
      const n = ph.keys.length;
      if (s + n > keys.length) continue;
      nearStats.compared++;
      let diff = -1;
      let t = 0;
      for (; t < n; t++) {
        if (keys[s + t] === ph.keys[t]) continue;
        if (diff >= 0) break;
        diff = t;
      }
      if (t < n || diff < 0 || (want === WANT_LATER ? diff < 2 : diff !== want)) continue;
      const kind = slipKind(keys[s + diff], ph.keys[diff]);
      if (!kind || !allow(n, diff, kind, keys[s + diff])) continue;
      if (this.exact.has(keys.slice(s, s + n).join(' '))) continue;
      // (start, length) as one number: a phrase is far shorter than 2^16 words.
      const id = s * 65536 + n;
      const m = { phrase: ph, start: s, diff, kind };
      found ??= new Map();
      const at = found.get(id);
      if (at) at.push(m);
      else found.set(id, [m]);
    }
    return found;
  }
}

/** `want` of PhraseIndex.each: the slip is at index 2 or later. */
const WANT_LATER = -2;

/** Code units of the letter or mark ([\p{L}\p{M}] by code point) at i, or 0; `limit`: the end of the run. */
function letterLen(p: string, i: number, limit: number): number {
  const c = p.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff) {
    const x = classAt(p, i, limit);
    return x & C_LM ? x >> 8 : 0;
  }
  let k = CLASS[c];
  if (k === 0) k = fillClass(c);
  return k & C_LM ? 1 : 0;
}

/**
 * Words (letter runs: Vietnamese syllables, foreign words, abbreviations) that
 * follow each other with only one or two spaces between them, in one run of a
 * segment (a stretch of a sentence). One scan of the runs by the character table.
 */
export function wordChains(block: Block): Word[][] {
  const p = block.prose;
  const out: Word[][] = [];
  let cur: Word[] = [];
  for (const run of proseRuns(block)) {
    const end = run.start + run.text.length;
    let i = run.start;
    while (i < end) {
      let len = letterLen(p, i, end);
      if (len === 0) {
        i++;
        continue;
      }
      let j = i + len;
      while (j < end && (len = letterLen(p, j, end)) > 0) j += len;
      const w: Word = { start: i, end: j, text: p.slice(i, j), segment: run.segment };
      if (cur.length) {
        const prev = cur[cur.length - 1];
        let joined = prev.segment === w.segment && w.start - prev.end <= 2 && w.start > prev.end;
        for (let k = prev.end; joined && k < w.start; k++) {
          const c = p.charCodeAt(k);
          if (c !== 32 && c !== 0xa0) joined = false;
        }
        if (!joined) {
          out.push(cur);
          cur = [];
        }
      }
      cur.push(w);
      i = j;
    }
  }
  if (cur.length) out.push(cur);
  return out;
}

/** The word chains of a block with their keys, shared by place-name and common-misspelling (block rules only: transient). */
export const keyedChains = analysis(
  'word-chains',
  (block: Block): { words: Word[]; keys: string[] }[] => {
    const chains = wordChains(block);
    const out: { words: Word[]; keys: string[] }[] = new Array(chains.length);
    for (let c = 0; c < chains.length; c++) {
      const words = chains[c];
      const keys: string[] = new Array(words.length);
      for (let k = 0; k < words.length; k++) keys[k] = sylKey(words[k].text);
      out[c] = { words, keys };
    }
    return out;
  },
  { transient: true },
);

/** The written syllable `word` with the letters of `known`, keeping its capital and its tone style where it shows one. */
export function respell(word: string, known: string): string {
  let out = known;
  if (word[0] !== word[0].toLowerCase()) out = out[0].toUpperCase() + out.slice(1);
  if (word.length > 1 && word === word.toUpperCase() && word !== word.toLowerCase()) out = out.toUpperCase();
  return out;
}
