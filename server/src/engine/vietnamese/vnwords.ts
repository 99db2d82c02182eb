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
import { isHighSurrogate } from '../chars';
import { analysis } from '../rule';
import { proseRuns } from './text';
import { analyzeWord, type ToneStyle, type WordAnalysis } from './syllable';
import { C_L, C_LM, C_LMN, C_M, CLASS, LOWER_UNKNOWN, classAt, fillClass, lowerUnit } from './chars';

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
  /** result.status === 'invalid' (read for every token: kept on this one-shape object). */
  invalid: boolean;
  /** A valid word in the traditional or reformed tone placement. */
  style: ToneStyle | undefined;
  /** i/y variant: the key shared by both spellings (its i form, lower case), and which one this is. */
  iyKey: string | undefined;
  iyForm: 'i' | 'y' | undefined;
  /** Starts with a capital (a proper name when not at a sentence start). */
  cap: boolean;
}

function makeForm(text: string): Form {
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
  return { result, invalid: result.status === 'invalid', style, iyKey, iyForm, cap: text[0] !== text[0].toLowerCase() };
}

// Forms are interned in an open-addressing table keyed by a hash of their
// characters, computed while scanning: a token is looked up in place, without
// cutting a substring out of the prose (there are ~150,000 tokens per MB and
// only a few thousand distinct forms).
// The table starts small (it is read for every token: it should stay in the CPU
// cache) and doubles while it is more than half full.
let slots = new Int32Array(1 << 12);
/** At most this many forms; a flood of distinct tokens (random text) resets the table. */
const MAX_FORMS = 40_000;
const formText: string[] = [];
const formHash: number[] = [];
const formInfo: Form[] = [];

function rehash(size: number): void {
  slots = new Int32Array(size);
  for (let k = 0; k < formHash.length; k++) {
    let s = formHash[k] & (size - 1);
    while (slots[s] !== 0) s = (s + 1) & (size - 1);
    slots[s] = k + 1;
  }
}

/** The hash the scan computes: h = h * 31 + code unit, over the token's code units. */
function hashOf(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (Math.imul(h, 31) + s.charCodeAt(i)) | 0;
  return h;
}

function formAt(p: string, start: number, end: number, h: number): Form {
  const len = end - start;
  const table = slots;
  const mask = table.length - 1;
  let s = h & mask;
  for (let k = table[s]; k !== 0; k = table[s]) {
    if (formHash[k - 1] === h) {
      const t = formText[k - 1];
      if (t.length === len) {
        let j = 0;
        while (j < len && t.charCodeAt(j) === p.charCodeAt(start + j)) j++;
        if (j === len) return formInfo[k - 1];
      }
    }
    s = (s + 1) & mask;
  }
  const text = p.slice(start, end);
  const f = makeForm(text);
  const reset = formInfo.length >= MAX_FORMS;
  if (reset) formText.length = formHash.length = formInfo.length = 0;
  formText.push(text);
  formHash.push(h);
  formInfo.push(f);
  if (reset) rehash(1 << 12);
  else if (formInfo.length * 2 > slots.length) rehash(slots.length * 2);
  else slots[s] = formInfo.length; // the free slot the probe above stopped at
  return f;
}

function formOf(text: string): Form {
  return formAt(text, 0, text.length, hashOf(text));
}

// ---------------------------------------------------------------------------
// The scan.

// The words of the block being scanned ([\p{L}\p{M}]+, the letter runs of the
// tokens): start, end and segment in reused typed arrays, so the scan allocates
// nothing per word.
let WS = new Int32Array(4096);
let WE = new Int32Array(4096);
let WG = new Int32Array(4096);
let nWords = 0;
// The tokens likewise: start, end, segment and hash of the characters.
let TS = new Int32Array(4096);
let TE = new Int32Array(4096);
let TG = new Int32Array(4096);
let TH = new Int32Array(4096);
let nTokens = 0;

const grow = (a: Int32Array) => {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
};

function pushToken(start: number, end: number, segment: number, hash: number): void {
  if (nTokens === TS.length) {
    TS = grow(TS);
    TE = grow(TE);
    TG = grow(TG);
    TH = grow(TH);
  }
  TS[nTokens] = start;
  TE[nTokens] = end;
  TG[nTokens] = segment;
  TH[nTokens] = hash;
  nTokens++;
}

function pushWord(start: number, end: number, segment: number): void {
  if (nWords === WS.length) {
    WS = grow(WS);
    WE = grow(WE);
    WG = grow(WG);
  }
  WS[nWords] = start;
  WE[nWords] = end;
  WG[nWords] = segment;
  nWords++;
}

/**
 * Fills TS/TE/TG/TH with the tokens of letters, marks and digits (not all
 * digits), as the regex /[\p{L}\p{N}][\p{L}\p{M}\p{N}]+/gu would find them in
 * each prose run (a token does not start with a mark), and WS/WE/WG with the
 * words: the runs of letters and marks in them, each starting at a letter.
 */
function scanTokens(block: Block): void {
  const p = block.prose;
  const T = CLASS;
  nWords = 0;
  nTokens = 0;
  for (const run of proseRuns(block)) {
    const hi = run.start + run.text.length;
    const seg = run.segment;
    let i = run.start;
    while (i < hi) {
      let c = p.charCodeAt(i);
      let k = T[c];
      if (k === 0) k = fillClass(c);
      let w = 1;
      if (!(k & C_LMN)) {
        if (!isHighSurrogate(c)) {
          i++;
          continue;
        }
        // A high surrogate: the code point decides.
        const a = classAt(p, i, hi);
        k = a & 255;
        w = a >> 8;
        if (!(k & C_LMN)) {
          i += w;
          continue;
        }
      }
      // A mark with no letter before it (a variation selector after an emoji,
      // an orphan accent) belongs to what precedes it, not to a word: in an NFD
      // source its cluster maps back whole, so a word starting there would
      // cover different text than in NFC.
      if ((k & C_LMN) === C_M) {
        i += w;
        continue;
      }
      const start = i;
      let allNum = true;
      let h = 0;
      let ws = -1;
      for (;;) {
        if (k & C_LM) {
          allNum = false;
          // A word starts at a letter (a mark after a digit stays with the digit).
          if (ws < 0 && k & C_L) ws = i;
        } else if (ws >= 0) {
          // A digit inside the token ends a word.
          pushWord(ws, i, seg);
          ws = -1;
        }
        h = (Math.imul(h, 31) + c) | 0;
        if (w === 2) h = (Math.imul(h, 31) + p.charCodeAt(i + 1)) | 0;
        i += w;
        if (i >= hi) break;
        c = p.charCodeAt(i);
        k = T[c];
        if (k === 0) k = fillClass(c);
        w = 1;
        if (!(k & C_LMN)) {
          if (!isHighSurrogate(c)) break;
          const a = classAt(p, i, hi);
          k = a & 255;
          w = a >> 8;
          if (!(k & C_LMN)) break;
        }
      }
      if (ws >= 0) pushWord(ws, i, seg);
      if (!allNum) pushToken(start, i, seg, h);
    }
  }
}

/** Could the words at a and b (same length) be equal ignoring case? False only when certainly not. */
function maybeSame(p: string, a: number, b: number, len: number): boolean {
  for (let k = 0; k < len; k++) {
    const x = p.charCodeAt(a + k);
    const y = p.charCodeAt(b + k);
    if (x === y) continue;
    // Up to here both words lower-case to the same units, one per unit: two units with
    // different one-unit lower cases make the words differ; anything else: compare strings.
    const lx = lowerUnit(x);
    const ly = lowerUnit(y);
    if (lx === LOWER_UNKNOWN || ly === LOWER_UNKNOWN) return true;
    if (lx !== ly) return false;
  }
  return true;
}

/** Fields per repeat in WordFacts.repeats. */
export const REPEAT_SIZE = 13;

/** All word tokens of a block, with their flags and verdicts (not cached: the rules use wordFacts). */
export function vnTokens(block: Block): VnToken[] {
  const out: VnToken[] = [];
  const p = block.prose;
  scanTokens(block);
  for (let t = 0; t < nTokens; t++) {
    const start = TS[t];
    const end = TE[t];
    const segment = TG[t];
    const text = p.slice(start, end);
    const f = formOf(text);
    const sentenceStart = isSentenceStart(p, block.segments[segment].start, start);
    out.push({ start, end, text, segment, sentenceStart, properName: f.cap && !sentenceStart, glued: isGlued(p, start, end), result: f.result });
  }
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

/** A spelling of an agency name ("Bộ Y tế", "Sở y tế"). Loanwords such as "vắc xin" are read by spelling-consistency itself. */
export interface PhraseVariant {
  kind: 'agency';
  /** Same for all spellings of one name. */
  key: string;
  /** The spelling class compared across the document ("Bộ Y tế"...). */
  form: string;
  start: number;
  end: number;
  text: string;
}

const AGENCY = /(?<![\p{L}\p{M}])(Bộ|Sở) +([Yy]) +([Tt]ế)(?![\p{L}\p{M}])/gu;

function phrasesOf(block: Block): PhraseVariant[] {
  // Cheap prefilter: most blocks have no agency name.
  const p = block.prose;
  if (!p.includes('Bộ') && !p.includes('Sở')) return NONE;
  const out: PhraseVariant[] = [];
  for (const run of proseRuns(block)) {
    AGENCY.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = AGENCY.exec(run.text))) {
      const start = run.start + m.index;
      out.push({ kind: 'agency', key: m[1] + ' y tế', form: `${m[1]} ${m[2]} ${m[3]}`, start, end: start + m[0].length, text: m[0] });
    }
  }
  return out.length ? out : NONE;
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
  /** Agency name spellings (spelling consistency), in document order per run. */
  phrases: PhraseVariant[];
  /**
   * Neighbouring words that may be the same word typed twice (duplicate-word), REPEAT_SIZE
   * numbers each: the index of the first word of the pair among the block's words, then
   * start, end, segment of the word before the pair, the pair, and the word after it
   * (-1, -1, -1 where there is none). Null when there are none.
   */
  repeats: Int32Array | null;
}

const NONE: never[] = [];

/**
 * The word facts of a block (cached on it): one scan for all orthography rules.
 * Document rules read them, so they are kept (small); the prose runs they are
 * made from are transient (text.ts).
 */
export const wordFacts = analysis('vn-word-facts', (block: Block): WordFacts => {
  const facts: WordFacts = { invalid: NONE, styled: NONE, traditional: 0, reformed: 0, iy: NONE, phrases: phrasesOf(block), repeats: null };
  const p = block.prose;
  scanTokens(block);
  // Locals: the module's buffers are reassigned when they grow, so reads of them are not folded.
  const ts = TS;
  const te = TE;
  const th = TH;
  for (let t = 0; t < nTokens; t++) {
    const start = ts[t];
    const end = te[t];
    const f = formAt(p, start, end, th[t]);
    // Most words are none of these: three field tests each.
    if (f.invalid) {
      const sentenceStart = isSentenceStart(p, block.segments[TG[t]].start, start);
      if (facts.invalid === NONE) facts.invalid = [];
      facts.invalid.push({ start, end, text: p.slice(start, end), segment: TG[t], sentenceStart, properName: f.cap && !sentenceStart, glued: isGlued(p, start, end), result: f.result });
      continue;
    }
    if (f.style) {
      if (facts.styled === NONE) facts.styled = [];
      facts.styled.push({ start, end, text: p.slice(start, end), style: f.style });
      facts[f.style]++;
    }
    if (f.iyKey && !isGlued(p, start, end) && !(f.cap && !isSentenceStart(p, block.segments[TG[t]].start, start))) {
      if (facts.iy === NONE) facts.iy = [];
      facts.iy.push({ kind: 'iy', start, end, text: p.slice(start, end), key: f.iyKey, form: f.iyForm! });
    }
  }
  // Cheap tests first: most neighbours differ in length or text (compared in place, no strings).
  let rep: number[] | undefined;
  const ws = WS;
  const we = WE;
  for (let i = 0; i + 1 < nWords; i++) {
    const len = we[i] - ws[i];
    if (len !== we[i + 1] - ws[i + 1] || !maybeSame(p, ws[i], ws[i + 1], len)) continue;
    rep ??= [];
    rep.push(i);
    for (let k = i - 1; k <= i + 2; k++) {
      if (k >= 0 && k < nWords) rep.push(WS[k], WE[k], WG[k]);
      else rep.push(-1, -1, -1);
    }
  }
  if (rep) facts.repeats = Int32Array.from(rep);
  return facts;
});
