// Tokens for indicator reading: words (folded for matching), numbers (from the
// shared Vietnamese number tokenizer) and punctuation, per segment of a block.
// Matching is on folded words so that "bác sỹ"/"bác sĩ", "tỉ lệ"/"tỷ lệ" and
// "khoẻ"/"khỏe" (tone-mark placement) name the same thing.
import { MASK, type Block } from '../types';
import type { ResolvedConfig } from '../config';
import { numbersOf, tokenizeNumbers, type NumToken } from '../vietnamese/numbers';

export type Tok =
  | { t: 'w'; s: number; e: number; k: string; raw: string }
  | { t: 'n'; s: number; e: number; k: string; num: NumToken }
  | { t: 'p'; s: number; e: number; k: string }
  /** A line break inside a segment (kept so callers can decide whether it ends a sentence). */
  | { t: 'nl'; s: number; e: number; k: '\n' };

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
  return '#' + raw.replace(/[.,]/g, '');
}

const WORD = /[\p{L}\p{M}]/u;
const WORD_RUN = /[\p{L}\p{M}]+/uy;

function lexText(text: string, base: number, nums: NumToken[], isMask: (c: string) => boolean): Tok[] {
  const out: Tok[] = [];
  let ni = 0;
  let i = 0;
  const n = text.length;
  while (i < n) {
    while (ni < nums.length && nums[ni].start - base < i) ni++;
    if (ni < nums.length && nums[ni].start - base === i) {
      const num = nums[ni];
      const e = Math.max(num.end, num.percentEnd ?? 0) - base;
      out.push({ t: 'n', s: base + i, e: base + e, k: numKey(num.raw), num });
      i = e;
      ni++;
      continue;
    }
    const c = text[i];
    if (c === '\n') {
      out.push({ t: 'nl', s: base + i, e: base + i + 1, k: '\n' });
      i++;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\r' || c === '\u00a0' || isMask(c)) {
      i++;
      continue;
    }
    const code = c.charCodeAt(0);
    if ((code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 0xc0 && WORD.test(c))) {
      WORD_RUN.lastIndex = i;
      WORD_RUN.exec(text);
      const j = WORD_RUN.lastIndex;
      const raw = text.slice(i, j);
      out.push({ t: 'w', s: base + i, e: base + j, k: fold(raw), raw });
      i = j;
      continue;
    }
    if (c >= '0' && c <= '9') {
      // A digit the number tokenizer did not cover (should not happen): skip the run.
      let j = i + 1;
      while (j < n && /[0-9]/.test(text[j])) j++;
      i = j;
      continue;
    }
    out.push({ t: 'p', s: base + i, e: base + i + 1, k: c });
    i++;
  }
  return out;
}

/** Tokens of a plain string (aliases, table headers). Offsets are relative to the string. */
export function lexString(s: string): Tok[] {
  const text = s.normalize('NFC');
  return lexText(text, 0, tokenizeNumbers(text), (c) => c === MASK);
}

/** Tokens of each segment of a block, in prose coordinates (cached with the block). */
export function segmentTokens(block: Block, config: ResolvedConfig): Tok[][] {
  const cached = block.memo.get('indicator-tokens') as Tok[][] | undefined;
  if (cached) return cached;
  const nums = numbersOf(block, config);
  const bySeg: NumToken[][] = block.segments.map(() => []);
  for (const n of nums) bySeg[n.segment]?.push(n);
  const out = block.segments.map((seg, i) => lexText(block.prose.slice(seg.start, seg.end), seg.start, bySeg[i], (c) => c === MASK));
  block.memo.set('indicator-tokens', out);
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

  /**
   * Longest match starting at toks[i]. Parenthesised asides inside a phrase are
   * skipped ("66,3% xã (150/226 xã) đạt Bộ tiêu chí ...") when `skipParens`.
   * Line breaks end a phrase.
   */
  match(toks: readonly Tok[], i: number, skipParens = false): { end: number; values: V[] } | undefined {
    let node = this.root;
    let best: { end: number; values: V[] } | undefined;
    let j = i;
    while (j < toks.length) {
      const tk = toks[j];
      let nx = node.next.get(tk.k);
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
      if (node.values) best = { end: j, values: node.values };
    }
    return best;
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
