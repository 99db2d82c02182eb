// Tokens for indicator reading: words (folded for matching), numbers (from the
// shared Vietnamese number tokenizer) and punctuation, per segment of a block.
// Matching is on folded words so that "bác sỹ"/"bác sĩ", "tỉ lệ"/"tỷ lệ" and
// "khoẻ"/"khỏe" (tone-mark placement) name the same thing.
import type { Block } from '../types';
import type { ResolvedConfig } from '../config';
import { numbersOf, tokenizeNumbers, type NumToken } from '../vietnamese/numbers';
import type { SegmentToken } from '../tokens';
import { isHighSurrogate, isSurrogate } from '../chars';

export type Tok =
  | (SegmentToken<'w'> & { k: string; raw: string })
  | (SegmentToken<'n'> & { k: string; num: NumToken })
  | (SegmentToken<'p'> & { k: string })
  /** A line break inside a segment (kept so callers can decide whether it ends a sentence). */
  | (SegmentToken<'nl'> & { k: '\n' });

const TONES = /[\u0300\u0301\u0303\u0309\u0323]/;
const foldCache = new Map<string, string>();

/**
 * Fold one word for matching: lower case, the tone moved out of the letters
 * (so its placement does not matter) and appended as a digit, and a lone final
 * y after a consonant read as i (sỹ = sĩ, tỉ = tỷ; "quy" and "y" stay).
 */
export function fold(word: string): string {
  // Plain ASCII lower case without a final y (most of "và", "so", "dân"... are not): itself.
  if (/^[a-xz]+$/.test(word)) return word;
  return foldOther(word);
}

/** fold() of a word the lexer already knows is not plain ASCII lower case (or ends in y). */
function foldOther(word: string): string {
  let f = foldCache.get(word);
  if (f !== undefined) return f;
  const d = word.toLowerCase().normalize('NFD');
  const m = TONES.exec(d);
  let base = m ? d.replace(TONES, '') : d;
  base = base.normalize('NFC');
  if (/^[bcdđghklmnprstvx]+y$/.test(base)) base = base.slice(0, -1) + 'i';
  // tỷ/tỉ: "ty" after the rule above is "ti"; keep a single canonical form.
  f = base + (m ? String('\u0300\u0301\u0303\u0309\u0323'.indexOf(m[0]) + 1) : '');
  if (foldCache.size > 50_000) foldCache.clear();
  foldCache.set(word, f);
  return f;
}

/** Fold a phrase word by word ("Bác sỹ" -> "bac si3"-like keys joined by spaces). */
export function foldPhrase(s: string): string[] {
  return lexString(s).map((t) => t.k);
}

/** Key of a number token for phrase matching: its digits ("10.000" -> "#10000"). */
function numKey(raw: string): string {
  return raw.indexOf('.') < 0 && raw.indexOf(',') < 0 ? '#' + raw : '#' + raw.replace(/[.,]/g, '');
}

const WORD = /[\p{L}\p{M}]/uy;

/** Is the character (code point) at text[i] a letter or a mark? Fast for ASCII and Vietnamese letters. */
function wordAt(text: string, i: number, code: number): boolean {
  if (code < 0x80) return (code >= 97 && code <= 122) || (code >= 65 && code <= 90);
  // Latin-1 letters, Latin Extended-A/B, combining marks, Latin Extended Additional (ạ ả ấ ... ỹ).
  if ((code >= 0xc0 && code <= 0x24f && code !== 0xd7 && code !== 0xf7) || (code >= 0x300 && code <= 0x36f) || (code >= 0x1e00 && code <= 0x1eff)) return true;
  if (code < 0xc0) return false;
  WORD.lastIndex = i;
  return WORD.test(text);
}

/** Tokens of text[from, to), offsets in text's coordinates. */
function lexText(text: string, from: number, to: number, nums: readonly NumToken[], na = 0, nb = nums.length): Tok[] {
  const out: Tok[] = [];
  let ni = na;
  let i = from;
  while (i < to) {
    while (ni < nb && nums[ni].start < i) ni++;
    if (ni < nb && nums[ni].start === i) {
      const num = nums[ni];
      const e = Math.max(num.end, num.percentEnd ?? 0);
      out.push({ t: 'n', s: i, e, k: numKey(num.raw), num });
      i = e;
      ni++;
      continue;
    }
    const code = text.charCodeAt(i);
    if (code === 10) {
      out.push({ t: 'nl', s: i, e: i + 1, k: '\n' });
      i++;
      continue;
    }
    if (code === 32 || code === 9 || code === 13 || code === 0xa0 || code === 0) {
      i++;
      continue;
    }
    // A lone surrogate half does not start a word (as a one-unit test would say).
    if (!isSurrogate(code) && wordAt(text, i, code)) {
      // Plain lower-case ASCII with no final y folds to itself (most of "và", "so", "dân"...).
      let plain = code >= 97 && code <= 122;
      let j = i;
      for (;;) {
        const c = text.charCodeAt(j);
        if (c >= 97 && c <= 122) j++;
        else if (c < 0x80 ? (c >= 65 && c <= 90) : j < to && wordAt(text, j, c)) {
          plain = false;
          j += isHighSurrogate(c) ? 2 : 1;
        } else break;
        if (j >= to) break;
      }
      if (j > to) j = to;
      const raw = text.slice(i, j);
      out.push({ t: 'w', s: i, e: j, k: plain && text.charCodeAt(j - 1) !== 121 ? raw : foldOther(raw), raw });
      i = j;
      continue;
    }
    if (code >= 48 && code <= 57) {
      // A digit the number tokenizer did not cover (should not happen): skip the run.
      let j = i + 1;
      while (j < to && text.charCodeAt(j) >= 48 && text.charCodeAt(j) <= 57) j++;
      i = j;
      continue;
    }
    out.push({ t: 'p', s: i, e: i + 1, k: text[i] });
    i++;
  }
  return out;
}

/** Tokens of a plain string (aliases, table headers). Offsets are relative to the string. */
export function lexString(s: string): Tok[] {
  const text = s.normalize('NFC');
  return lexText(text, 0, text.length, tokenizeNumbers(text));
}

/**
 * Tokens of each segment of a block, in prose coordinates. `keep(i, numbers)`
 * (given the count of numbers in segment i, which are counted first) may
 * leave a segment out: its tokens are then an empty list.
 */
export function segmentTokens(block: Block, config: ResolvedConfig, keep?: (seg: number, numbers: readonly number[]) => boolean): Tok[][] {
  const nums = numbersOf(block, config);
  const segs = block.segments;
  const out: Tok[][] = new Array(segs.length);
  let ordered = true;
  for (let k = 1; k < nums.length && ordered; k++) if (nums[k].segment < nums[k - 1].segment) ordered = false;
  if (!ordered) {
    const bySeg: NumToken[][] = segs.map(() => []);
    for (const n of nums) bySeg[n.segment]?.push(n);
    const counts = bySeg.map((x) => x.length);
    for (let i = 0; i < segs.length; i++) out[i] = keep && !keep(i, counts) ? [] : lexText(block.prose, segs[i].start, segs[i].end, bySeg[i]);
    return out;
  }
  // Numbers come in segment order: each segment gets its run of them.
  // (Plain arrays: a typed array costs more to make than these few numbers.)
  const from: number[] = new Array(segs.length).fill(0);
  const counts: number[] = new Array(segs.length).fill(0);
  let a = 0;
  for (let i = 0; i < segs.length; i++) {
    while (a < nums.length && nums[a].segment < i) a++;
    from[i] = a;
    while (a < nums.length && nums[a].segment === i) a++;
    counts[i] = a - from[i];
  }
  for (let i = 0; i < segs.length; i++) {
    out[i] = keep && !keep(i, counts) ? [] : lexText(block.prose, segs[i].start, segs[i].end, nums, from[i], from[i] + counts[i]);
  }
  return out;
}

/** A trie of folded phrases, matched longest-first at a token position. */
export class PhraseTrie<V> {
  private root: TrieNode<V> = { next: new Map() };

  add(keys: readonly string[], value: V): void {
    if (!keys.length) return;
    let node = this.root;
    for (const k of keys) {
      let nx = node.next.get(k);
      if (!nx) node.next.set(k, (nx = { next: new Map() }));
      node = nx;
    }
    (node.values ??= []).push(value);
  }

  /** The keys a match can start with. */
  firstKeys(): IterableIterator<string> {
    return this.root.next.keys();
  }

  /**
   * Longest match starting at toks[i]. Parenthesised asides inside a phrase are
   * skipped ("66,3% xã (150/226 xã) đạt Bộ tiêu chí ...") when `skipParens`.
   * Line breaks end a phrase.
   */
  match(toks: readonly Tok[], i: number, skipParens = false): { end: number; values: V[] } | undefined {
    let node = this.root;
    let bestEnd = -1;
    let bestValues: V[] | undefined;
    let j = i;
    while (j < toks.length) {
      const tk = toks[j];
      const nx = node.next.get(tk.k);
      if (!nx && skipParens && tk.k === '(' && j > i) {
        const close = closingParen(toks, j, 15);
        if (close > 0) {
          j = close + 1;
          continue;
        }
      }
      if (!nx) break;
      node = nx;
      j++;
      if (node.values) {
        bestEnd = j;
        bestValues = node.values;
      }
    }
    return bestValues ? { end: bestEnd, values: bestValues } : undefined;
  }
}

interface TrieNode<V> {
  next: Map<string, TrieNode<V>>;
  values?: V[];
}

/** Index of the ')' closing the '(' at toks[i], within `max` tokens, or -1. */
export function closingParen(toks: readonly Tok[], i: number, max: number): number {
  for (let j = i + 1; j < toks.length && j <= i + max; j++) {
    const k = toks[j].k;
    if (k === ')') return j;
    if (k === '(' || k === '\n' || k === ';') return -1;
  }
  return -1;
}
