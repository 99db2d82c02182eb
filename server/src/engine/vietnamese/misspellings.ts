// Misspellings made of valid syllables (the common-misspelling rule; the
// syllable rule leaves to it the words it covers). Two sources:
//  - pairs a Vietnamese reviewer knows ("chuẩn đoán" -> "chẩn đoán", "sử lý" ->
//    "xử lý"), from data/misspellings.json plus the config key `misspellings`;
//    each pair carries the neighbouring words with which the same letters are
//    right ("giám sát nhập khẩu", "khả năng xuất hiện"), so it is certain;
//  - the sector's fixed phrases (data/misspellings.json, the expansions of the
//    abbreviations, the indicator names): a run of words equal to a known
//    phrase except for one syllable's tone or one letter ("khám chửa bệnh",
//    "phòng chông dịch") is a slip. A slip in the first or last word needs a
//    phrase of five words (or a written word that is no syllable): an edge word
//    may belong to the next phrase ("chuyển đổi số y tế" is not "Sở Y tế",
//    "trạm y tế xa khu dân cư" is not "trạm y tế xã").
import data from '../data/misspellings.json';
import abbreviations from './abbreviations.json';
import catalogue from '../indicators/catalogue.json';
import type { Block, Edit } from '../types';
import type { MisspellingEntry, ResolvedConfig } from '../config';
import { analysis } from '../rule';
import { PhraseIndex, sylKey, keyedChains, respell, slipIsOurs, type SlipKind } from './nearphrase';
import { analyzeWord } from './syllable';
import generatedPhrases from './misspelling-phrases.generated.json';

/** A pair of data/misspellings.json or the config's `misspellings`. */
export type MisspellingPair = MisspellingEntry;

interface CompiledPair {
  pair: MisspellingPair;
  keys: string[];
  rightWords: string[];
  rightKeys: string[];
  prev: Set<string>;
  next: Set<string>;
}

interface Tables {
  /** Pairs by the key of their first word. */
  pairs: Map<string, CompiledPair[]>;
  phrases: PhraseIndex<string>;
}

const words = (s: string) => s.normalize('NFC').trim().split(/\s+/).filter(Boolean);
/** Words at a phrase's edge that make it a fragment ("số bác sĩ trên"): not a fixed phrase. */
const FUNCTION_WORDS = new Set(words('trên dưới của cho với và là ở trong ngoài có từ đến khi về theo được bị mỗi các những một'));

/**
 * The fixed phrases: the data's, the abbreviations' expansions and the indicator names (≥ 3 syllables, all Vietnamese).
 * scripts/build.mjs writes the result to misspelling-phrases.generated.json, which tables() reads (ortho-lexicon.test.ts checks they agree).
 */
export function builtinPhrases(): string[] {
  const out = new Set<string>(data.phrases);
  const texts: string[] = [];
  for (const it of abbreviations.items) texts.push(it.expansion);
  for (const ind of catalogue.indicators as { name_vi?: string; aliases?: string[] }[]) texts.push(ind.name_vi ?? '', ...(ind.aliases ?? []));
  for (const t of texts)
    for (const part of t.split(/[^\p{L}\p{M} ]+/u)) {
      const w = words(part);
      if (w.length < 3 || FUNCTION_WORDS.has(w[0].toLowerCase()) || FUNCTION_WORDS.has(w[w.length - 1].toLowerCase())) continue;
      if (w.every((x) => analyzeWord(x).status === 'valid')) out.add(w.join(' '));
    }
  return [...out];
}
let builtin: string[] | undefined;

const tableCache = new Map<string, Tables>();
function tables(config: ResolvedConfig, extraPhrases: string[]): Tables {
  const key = JSON.stringify([config.misspellings, extraPhrases]);
  let t = tableCache.get(key);
  if (t) return t;
  const pairs = new Map<string, CompiledPair[]>();
  const phrases = new PhraseIndex<string>();
  const all: MisspellingPair[] = [...(data.pairs as MisspellingPair[]), ...config.misspellings];
  for (const pair of all) {
    const keys = words(pair.wrong).map(sylKey);
    const rightWords = words(pair.right);
    if (!keys.length || !rightWords.length) continue;
    const c: CompiledPair = { pair, keys, rightWords, rightKeys: rightWords.map(sylKey), prev: new Set((pair.unlessPrev ?? []).map(sylKey)), next: new Set((pair.unlessNext ?? []).map(sylKey)) };
    const list = pairs.get(keys[0]);
    if (list) list.push(c);
    else pairs.set(keys[0], [c]);
    phrases.addKnown(pair.right);
  }
  for (const p of [...(builtin ??= generatedPhrases), ...extraPhrases]) if (words(p).length >= 3) phrases.add(p, p.normalize('NFC'));
  t = { pairs, phrases };
  if (tableCache.size > 16) tableCache.clear();
  tableCache.set(key, t);
  return t;
}

export interface MisspellingSlip {
  /** Prose offsets of the whole written words. */
  start: number;
  end: number;
  written: string;
  fixed: string;
  /** Prose offsets: only the words that change. */
  edits: Edit[];
  safe: boolean;
  right: string;
  source: 'pair' | 'phrase';
  kind?: SlipKind;
  /** The written syllable that slipped (phrases). */
  slipped?: string;
}

/** Which phrase slips count: an edge word may belong to the next phrase (see the file's head). */
const allowSlip = (n: number, d: number, _kind: SlipKind, written: string): boolean => (d > 0 && d < n - 1) || n >= 5 || (n >= 4 && analyzeWord(written).status === 'invalid');

/** The misspellings of a block, for the rule and for syllable (which leaves these words to it). */
export const misspellingSlips = analysis('misspelling-slips', (block: Block, config: ResolvedConfig): MisspellingSlip[] => {
  const opt = config.rules['common-misspelling']?.options.phrases;
  const extra = Array.isArray(opt) ? (opt as unknown[]).filter((x): x is string => typeof x === 'string') : [];
  const t = tables(config, extra);
  const out: MisspellingSlip[] = [];
  const p = block.prose;
  for (const { words: chain, keys } of keyedChains(block, config)) {
      const covered: boolean[] = [];
      // 1. Known pairs.
      for (let j = 0; j < chain.length; j++) {
        const list = t.pairs.get(keys[j]);
        if (!list) continue;
        for (const c of list) {
          const n = c.keys.length;
          if (j + n > chain.length) continue;
          let same = true;
          for (let k = 1; k < n && same; k++) same = keys[j + k] === c.keys[k];
          if (!same) continue;
          if (j > 0 && c.prev.has(keys[j - 1])) continue;
          if (j + n < chain.length && c.next.has(keys[j + n])) continue;
          const start = chain[j].start;
          const end = chain[j + n - 1].end;
          const written = p.slice(start, end);
          const edits: Edit[] = [];
          // Replace only the words that differ (keeps the writer's i/y and tone style elsewhere).
          if (n === c.rightWords.length) {
            for (let k = 0; k < n; k++) if (keys[j + k] !== c.rightKeys[k]) edits.push({ start: chain[j + k].start, end: chain[j + k].end, newText: respell(chain[j + k].text, c.rightWords[k]) });
          } else edits.push({ start, end, newText: respell(written, c.pair.right) });
          let fixed = written;
          for (const e of [...edits].reverse()) fixed = fixed.slice(0, e.start - start) + e.newText + fixed.slice(e.end - start);
          out.push({ start, end, written, fixed, edits, safe: c.pair.safe !== false, right: c.pair.right, source: 'pair' });
          for (let k = j; k < j + n; k++) covered[k] = true;
          break;
        }
      }
      // 2. One slip in a fixed phrase.
      // An edge word may belong to the next phrase ("trạm y tế xa khu dân cư", "chuyển đổi số y tế"):
      // a slip there needs a long phrase, or a written word that is no syllable at all.
      const near = t.phrases.near(keys, allowSlip);
      let last = -1;
      for (const m of near) {
        const n = m.phrase.keys.length;
        if (m.start < last) continue;
        let overlap = false;
        for (let k = m.start; k < m.start + n; k++) if (covered[k]) overlap = true;
        const w = chain[m.start + m.diff];
        if (overlap || !slipIsOurs(w.text)) continue;
        last = m.start + n;
        const start = chain[m.start].start;
        const end = chain[m.start + n - 1].end;
        const written = p.slice(start, end);
        const newText = respell(w.text, m.phrase.words[m.diff]);
        const fixed = written.slice(0, w.start - start) + newText + written.slice(w.end - start);
        out.push({ start, end, written, fixed, edits: [{ start: w.start, end: w.end, newText }], safe: m.kind === 'tone', right: m.phrase.data, source: 'phrase', kind: m.kind, slipped: w.text });
      }
    }
  return out;
});
