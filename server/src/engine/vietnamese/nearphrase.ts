// Near matches of known phrases: a run of words that equals a known phrase
// except for ONE syllable whose tone, mark or one letter differs ("khám chửa
// bệnh", "Trung tâm Y tê", "Thừa Thiê Huế"). Used by common-misspelling (the
// sector's fixed phrases) and place-name (the gazetteer).
//
// One linear pass: phrases are indexed by each of their syllables' keys; a
// word of the text looks up the phrases that contain it, and each candidate
// window is compared once (at its first exactly matching syllable). No regex
// per phrase.
import type { Block } from '../types';
import type { ResolvedConfig } from '../config';
import { wordsOf, type Word } from './text';
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
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();
}

export type SlipKind = 'tone' | 'letter';

/** Is `written` the syllable `known` with one slip? 'tone': marks only (tone, ă/â/ê/ô/ơ/ư, đ); 'letter': one letter added, dropped or changed. */
export function slipKind(written: string, known: string): SlipKind | undefined {
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

export class PhraseIndex<T> {
  readonly phrases: Phrase<T>[] = [];
  private bySyl = new Map<string, { p: number; k: number }[]>();
  /** Joined keys of every phrase, and of other known phrases that must never be "corrected". */
  private exact = new Set<string>();

  add(text: string, data: T): void {
    const words = text.normalize('NFC').trim().split(/\s+/);
    const keys = words.map(sylKey);
    const joined = keys.join(' ');
    this.exact.add(joined);
    const p = this.phrases.length;
    this.phrases.push({ words, keys, data });
    keys.forEach((key, k) => {
      let list = this.bySyl.get(key);
      if (!list) this.bySyl.set(key, (list = []));
      if (!list.some((x) => x.p === p)) list.push({ p, k });
    });
  }

  /** A real phrase that is not indexed but must not be taken for a slip. */
  addKnown(text: string): void {
    this.exact.add(text.normalize('NFC').trim().split(/\s+/).map(sylKey).join(' '));
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
    const found = new Map<string, NearMatch<T>[]>();
    for (let j = 0; j < keys.length; j++) {
      const list = this.bySyl.get(keys[j]);
      if (!list) continue;
      for (const { p, k } of list) {
        const ph = this.phrases[p];
        const n = ph.keys.length;
        const s = j - k;
        if (s < 0 || s + n > keys.length) continue;
        nearStats.compared++;
        let diff = -1;
        let ok = true;
        for (let t = 0; t < n; t++) {
          if (keys[s + t] === ph.keys[t]) continue;
          if (diff >= 0) { ok = false; break; }
          diff = t;
        }
        // Exact, or more than one syllable differs; or another anchor of this window comes first.
        if (!ok || diff < 0 || k !== (diff === 0 ? 1 : 0)) continue;
        const kind = slipKind(keys[s + diff], ph.keys[diff]);
        if (!kind || !allow(n, diff, kind, keys[s + diff])) continue;
        if (this.exact.has(keys.slice(s, s + n).join(' '))) continue;
        const id = s + ':' + n;
        const at = found.get(id);
        if (at) at.push({ phrase: ph, start: s, diff, kind });
        else found.set(id, [{ phrase: ph, start: s, diff, kind }]);
      }
    }
    const out: NearMatch<T>[] = [];
    for (const list of found.values()) {
      const first = list[0];
      // Two different corrections for one window: not certain.
      if (list.some((m) => m.phrase.keys[m.diff] !== first.phrase.keys[first.diff] || m.diff !== first.diff)) continue;
      out.push(first);
    }
    return out.sort((a, b) => a.start - b.start);
  }
}

/** Words that follow each other with only spaces between them, in one segment (a run of a sentence). */
export function wordChains(block: Block, config: ResolvedConfig): Word[][] {
  const words = wordsOf(block, config);
  const p = block.prose;
  const out: Word[][] = [];
  let cur: Word[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
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
  }
  if (cur.length) out.push(cur);
  return out;
}

/** The written syllable `word` with the letters of `known`, keeping its capital and its tone style where it shows one. */
export function respell(word: string, known: string): string {
  let out = known;
  if (word[0] !== word[0].toLowerCase()) out = out[0].toUpperCase() + out.slice(1);
  if (word.length > 1 && word === word.toUpperCase() && word !== word.toLowerCase()) out = out.toUpperCase();
  return out;
}
