// Per-block word analysis shared by the orthography rules (syllable,
// tone-mark-style, spelling-consistency): tokens of letters (and digits, so
// that VNI leftovers and codes stay whole), whether each starts a sentence,
// and the syllable model's verdict.
//
// Speed and memory: a block is scanned once (wordFacts), with a table lookup
// per character and one memoized verdict per word FORM (the vocabulary is
// small, the text big). Only the few tokens some rule cares about are kept
// (invalid words, words whose tone placement shows a style, i/y variants), so
// the memo each block retains is small.
import { MASK, type Block } from '../types';
import { analysis } from '../rule';
import { proseRuns } from './text';
import { analyzeWord, type ToneStyle, type WordAnalysis } from './syllable';
import { C_LMN, C_N, charClass, classAt } from './chars';

export interface VnToken {
  /** Offsets in block.prose. */
  start: number;
  end: number;
  text: string;
  segment: number;
  /** First word of a sentence, heading, cell or list item. */
  sentenceStart: boolean;
  /** Capitalised inside a sentence: a proper name. */
  properName: boolean;
  /** Joined to another word by an apostrophe (H'Mông, K'Bang) or inside an identifier (a_b, x@y). */
  glued: boolean;
  result: WordAnalysis;
}

const SENTENCE_END = new Set(['.', '!', '?', '…', ':', ';', '(', '[', '"', '“', '‘', '–', '—', '-', '•', '*', '>', '|', MASK]);
const GLUE = new Set(["'", '’', '_', '@', '\\', '#', '&', '=', '~']);

function isSentenceStart(prose: string, segStart: number, start: number): boolean {
  let k = start - 1;
  while (k >= segStart && (prose[k] === ' ' || prose[k] === '\t' || prose[k] === '\u00a0')) k--;
  if (k < segStart) return true;
  const c = prose[k];
  if (c === '\n') return true;
  // "1." "a)" list-like numbering before the word.
  if (c === ')' && /[\p{N}\p{L}]/u.test(prose[k - 1] ?? '') && (k - 2 < segStart || /[\s(]/.test(prose[k - 2]))) return true;
  return SENTENCE_END.has(c);
}

function isGlued(p: string, start: number, end: number): boolean {
  const before = p[start - 1] ?? '';
  const after = p[end] ?? '';
  return GLUE.has(before) || GLUE.has(after) || (before === '.' && /\p{L}/u.test(p[start - 2] ?? '')) || (after === '.' && /\p{L}/u.test(p[end + 1] ?? ''));
}

// ---------------------------------------------------------------------------
// i/y spellings (spelling-consistency): tỷ/tỉ, sỹ/sĩ, kỹ/kĩ, lý/lí, quy/qui.

export const I_CHARS = 'iíìỉĩị';
export const Y_CHARS = 'yýỳỷỹỵ';
/** Initials after which i/y alternate in open syllables (kĩ/kỹ, lí/lý, mĩ/mỹ, sĩ/sỹ, tỉ/tỷ, hỉ/hỷ). */
const IY_WORD = /^(k|l|m|s|t|h|qu)([iíìỉĩịyýỳỷỹỵ])$/;

export function swapIY(text: string, to: 'i' | 'y'): string {
  let out = '';
  for (const ch of text) {
    const lower = ch.toLowerCase();
    const from = to === 'y' ? I_CHARS : Y_CHARS;
    const dest = to === 'y' ? Y_CHARS : I_CHARS;
    const k = from.indexOf(lower);
    out += k < 0 ? ch : ch !== lower ? dest[k].toUpperCase() : dest[k];
  }
  return out;
}

// ---------------------------------------------------------------------------
// What is known of one word form, whatever block it is in.

interface Form {
  result: WordAnalysis;
  /** A valid word in the traditional or reformed tone placement. */
  style: ToneStyle | undefined;
  /** i/y variant: the key shared by both spellings (its i form, lower case), and which one this is. */
  iyKey: string | undefined;
  iyForm: 'i' | 'y' | undefined;
  /** Starts with a capital (a proper name when not at a sentence start). */
  cap: boolean;
}

const forms = new Map<string, Form>();

function formOf(text: string): Form {
  let f = forms.get(text);
  if (f) return f;
  const result = analyzeWord(text);
  let iyKey: string | undefined;
  let iyForm: 'i' | 'y' | undefined;
  if (result.status === 'valid') {
    const lower = text.toLowerCase();
    const m = IY_WORD.exec(lower);
    // Toneless ly/li, ty/ti, my/mi... are different words (ly hôn, li ti, công ty); only quy/qui alternate.
    if (m && !((m[2] === 'i' || m[2] === 'y') && m[1] !== 'qu')) {
      iyKey = swapIY(lower, 'i');
      iyForm = Y_CHARS.includes(m[2]) ? 'y' : 'i';
    }
  }
  const style = result.status === 'valid' && (result.style === 'traditional' || result.style === 'reformed') ? result.style : undefined;
  f = { result, style, iyKey, iyForm, cap: text[0] !== text[0].toLowerCase() };
  // The vocabulary of real documents is small; a flood of distinct tokens (random text) only resets the memo.
  if (forms.size > 50_000) forms.clear();
  forms.set(text, f);
  return f;
}

// ---------------------------------------------------------------------------
// The scan.

/**
 * Calls `visit` for every token of letters, marks and digits (not all digits),
 * as the regex /[\p{L}\p{M}\p{N}]+/gu finds them in each prose run.
 */
function scanTokens(block: Block, visit: (start: number, end: number, segment: number) => void): void {
  const p = block.prose;
  for (const run of proseRuns(block)) {
    const hi = run.start + run.text.length;
    let i = run.start;
    while (i < hi) {
      let c = p.charCodeAt(i);
      let cls = c >= 0xd800 && c <= 0xdbff ? classAt(p, i, hi) : charClass(c) | 256;
      if (!(cls & C_LMN)) {
        i += cls >> 8;
        continue;
      }
      const start = i;
      let allNum = true;
      do {
        if (!(cls & C_N)) allNum = false;
        i += cls >> 8;
        if (i >= hi) break;
        c = p.charCodeAt(i);
        cls = c >= 0xd800 && c <= 0xdbff ? classAt(p, i, hi) : charClass(c) | 256;
      } while (cls & C_LMN);
      if (!allNum) visit(start, i, run.segment);
    }
  }
}

/** All word tokens of a block, with their flags and verdicts (not cached: the rules use wordFacts). */
export function vnTokens(block: Block): VnToken[] {
  const out: VnToken[] = [];
  const p = block.prose;
  scanTokens(block, (start, end, segment) => {
    const text = p.slice(start, end);
    const f = formOf(text);
    const sentenceStart = isSentenceStart(p, block.segments[segment].start, start);
    out.push({ start, end, text, segment, sentenceStart, properName: f.cap && !sentenceStart, glued: isGlued(p, start, end), result: f.result });
  });
  return out;
}

export interface StyledWord {
  start: number;
  end: number;
  text: string;
  style: ToneStyle;
}

export interface IyWord {
  kind: 'iy';
  start: number;
  end: number;
  text: string;
  /** The i spelling in lower case: the same for both spellings. */
  key: string;
  form: 'i' | 'y';
}

export interface WordFacts {
  /** Words the syllable model rejects (status 'invalid'), glued ones included. */
  invalid: VnToken[];
  /** Valid words whose tone placement is traditional or reformed. */
  styled: StyledWord[];
  traditional: number;
  reformed: number;
  /** i/y variants that count for spelling consistency: valid, not glued, not proper names. */
  iy: IyWord[];
}

const NONE: never[] = [];

/** The word facts of a block (cached on it): one scan for all orthography rules. */
export const wordFacts = analysis('vn-word-facts', (block: Block): WordFacts => {
  const facts: WordFacts = { invalid: NONE, styled: NONE, traditional: 0, reformed: 0, iy: NONE };
  const p = block.prose;
  scanTokens(block, (start, end, segment) => {
    const f = formOf(p.slice(start, end));
    if (f.result.status === 'invalid') {
      const sentenceStart = isSentenceStart(p, block.segments[segment].start, start);
      if (facts.invalid === NONE) facts.invalid = [];
      facts.invalid.push({ start, end, text: p.slice(start, end), segment, sentenceStart, properName: f.cap && !sentenceStart, glued: isGlued(p, start, end), result: f.result });
      return;
    }
    if (f.style) {
      if (facts.styled === NONE) facts.styled = [];
      facts.styled.push({ start, end, text: p.slice(start, end), style: f.style });
      facts[f.style]++;
    }
    if (f.iyKey && !isGlued(p, start, end) && !(f.cap && !isSentenceStart(p, block.segments[segment].start, start))) {
      if (facts.iy === NONE) facts.iy = [];
      facts.iy.push({ kind: 'iy', start, end, text: p.slice(start, end), key: f.iyKey, form: f.iyForm! });
    }
  });
  return facts;
});
