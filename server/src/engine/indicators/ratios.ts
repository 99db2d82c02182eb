// Derived ratios (READING.md §11): a count, a population and a ratio of the
// same thing must agree. "Toàn tỉnh có 1.240 bác sĩ ...; đạt 11 bác sĩ/vạn dân"
// with "dân số 1,32 triệu người" gives 1.240 / 132 = 9,4, not 11. Read here:
// - populations: "dân số (trung bình) (của tỉnh) (năm 2024) là 1.324.600 người";
// - stock counts: "(toàn tỉnh) (hiện) có 1.258 bác sĩ", "số điều dưỡng là 2.954 người";
// - the ratio that sentence gives for the same numerator: "đạt 9,5 bác sĩ/vạn dân";
// - tables of population, counts and ratios by year or by area, both ways round.
// Only plain statements of the document's own scope are used: a named place,
// a sub-group, a hedge or a reference ("so với", parentheses) leaves a figure out.
import { analysis } from '../rule';
import type { Block, Segment } from '../types';
import type { ResolvedConfig } from '../config';
import { lexString, type Tok } from './lexer';
import { readingsOf } from './mentions';
import { isN, type Hit, type Reading } from './read';
import { catalogueFor, type Catalogue, type Indicator } from './catalogue';
import { inW, wordSet, foldKeyOf } from './lexicon';
import { readColumnHeader } from './columns';
import ratioCounts from './ratio-counts.json';

type N = Extract<Tok, { t: 'n' }>;

export interface Fig {
  start: number;
  end: number;
  value: number;
  /** Half the unit of the last digit written, in the figure's own unit (after scale). */
  half: number;
  decimals: number;
}

export interface Population extends Fig {
  year?: number;
  /** Stated for a named place (which may be the document's own). */
  named?: boolean;
}

/** A count and the ratio a sentence derives from it, with the population of that sentence if it names one. */
export interface SentenceRatio {
  ind: string;
  count: Fig;
  ratio: Fig;
  pop?: Fig;
  year?: number;
}

/** A finding made inside one table (all figures in the block). */
export interface TableSlip {
  ind: string;
  kind: 'value' | 'trend';
  ratio: Fig;
  count: Fig;
  pop?: Fig;
  /** trend: the earlier year's count and ratio. */
  count0?: Fig;
  ratio0?: Fig;
  /** value: the ratio the count and population give; trend: the population growth the figures imply (1.14 = +14%). */
  computed: number;
  label: string;
}

/** "có 2.628 bác sĩ, đạt 16,0%" (the ratio per 10.000 written with %), "1.556.100 người, đạt 94,8‰ dân số" (a share written with ‰). */
export interface UnitCandidate {
  kind: 'percent' | 'permille-share';
  ind?: string;
  count: Fig;
  written: Fig;
  pop?: Fig;
  year?: number;
}

export interface RatioFacts {
  unitCandidates: UnitCandidate[];
  pops: Population[];
  /** "Số trẻ đẻ sống trong năm là 21.380 trẻ": the base of the maternal mortality ratio. */
  births: Population[];
  sentences: SentenceRatio[];
  tables: TableSlip[];
}

/** Per-indicator unit base (10.000 for "/vạn dân") and the numerator phrases ("bác sĩ"), folded. */
interface Nouns {
  per: Map<string, number>;
  /** What the count is divided by: the population (default) or the live births. */
  base: Map<string, 'population' | 'births'>;
  phrases: { words: string[]; ind: string }[];
}
const nounsCache = new WeakMap<Catalogue, Nouns>();
function nounsOf(cat: Catalogue): Nouns {
  let n = nounsCache.get(cat);
  if (n) return n;
  n = { per: new Map(), base: new Map(), phrases: [] };
  for (const ind of cat.list) {
    if (!isPopulationRate(ind)) continue;
    n.per.set(ind.id, ind.per!);
    for (const p of ind.numerators ?? []) n.phrases.push({ words: lexString(p).map((t) => t.k), ind: ind.id });
  }
  for (const c of ratioCounts.counts) {
    const ind = cat.byId.get(c.indicator);
    if (!ind?.per) continue;
    n.per.set(ind.id, ind.per);
    n.base.set(ind.id, c.base as 'population' | 'births');
    for (const p of c.phrases) n.phrases.push({ words: lexString(p).map((t) => t.k), ind: ind.id });
  }
  // Longest first: "dược sĩ đại học" before "dược sĩ".
  n.phrases.sort((a, b) => b.words.length - a.words.length);
  nounsCache.set(cat, n);
  return n;
}

/** A headcount per 1.000+ inhabitants ("bác sĩ/10.000 dân"), not per births or per women. */
function isPopulationRate(ind: Indicator): boolean {
  return ind.per !== undefined && ind.per >= 1000 && !!ind.numerators?.length && /dân/.test(ind.unit);
}

/** The numerator phrase at toks[i] ("bác sĩ", "giường bệnh"), with the index after it. */
function nounAt(nouns: Nouns, toks: readonly Tok[], i: number): { ind: string; end: number } | undefined {
  for (const p of nouns.phrases) {
    let ok = true;
    for (let j = 0; j < p.words.length && ok; j++) ok = toks[i + j]?.t === 'w' && toks[i + j].k === p.words[j];
    if (ok) return { ind: p.ind, end: i + p.words.length };
  }
  return undefined;
}

function fig(t: N, value = t.num.value!): Fig {
  const decimals = t.num.decimals ?? 0;
  const scale = t.num.scale?.factor ?? 1;
  return { start: t.s, end: t.num.scale ? t.num.scale.end : t.num.end, value: value * scale, half: 0.5 * Math.pow(10, -decimals) * scale, decimals };
}

function hitAt(r: Reading, k: number): Hit | undefined {
  const h = k >= 0 && k < r.hitOf.length ? r.hitOf[k] : -1;
  return h >= 0 ? r.hits[h] : undefined;
}

const plainNumber = (t: Tok | undefined): t is N => isN(t) && t.num.kind === 'number' && t.num.value !== undefined && !t.num.percent;

const W_DAN = wordSet('dân');
const W_SO = wordSet('số');
const W_TONG = wordSet('tổng');
const W_CO = wordSet('có');
const W_IS = wordSet('là', 'đạt', 'có', 'khoảng', 'ước', 'gần', 'hơn', 'trên');
const W_HEDGE = wordSet('khoảng', 'ước', 'gần', 'hơn', 'trên', 'dưới', 'xấp', 'xỉ', 'chừng', 'hiện', 'hiện có');
const W_PEOPLE = wordSet('người', 'nhân', 'khẩu');
const W_NHAN = wordSet('nhân');
const W_KHAU = wordSet('khẩu');
// Words between "dân số" and its value that keep it the whole population ("dân số trung bình của tỉnh năm 2024 là").
const W_POPLINK = wordSet('trung', 'bình', 'của', 'toàn', 'tỉnh', 'huyện', 'xã', 'phường', 'thành', 'phố', 'thị', 'xã', 'cả', 'nước', 'là', 'đạt', 'có', 'khoảng', 'ước', 'tính', 'vào', 'năm', 'trên', 'địa', 'bàn', 'thường', 'trú', 'quy', 'mô', 'tổng');
// Words before a count that make it the whole stock ("Toàn tỉnh hiện có 1.258 bác sĩ").
const W_RATIO_INTRO = wordSet('đạt', 'là', 'bằng', 'tương', 'đương', 'ứng');
// Cheap prefilters (NFC text): a segment or a table line that could hold a population, a count of a numerator or a ratio.
const MAY_MATTER = /dân|vạn|‰|khẩu|sống|bác s|giường|điều dưỡng|dược s|HIV/i;
const RATIO_LINE = /dân|vạn/i;
const W_WHOLE = /^(cả nước|toàn quốc|toàn tỉnh|toàn huyện|toàn thành phố|toàn xã|tổng số|tổng cộng|tổng|chung)$/;
const W_OWN_PLACE = /^(toàn|cả|trên địa bàn|địa bàn|trong tỉnh|tỉnh ta|nước ta)/;

export const ratioFacts = analysis('indicator-ratio-facts', (block: Block, config: ResolvedConfig): RatioFacts => {
  const out: RatioFacts = { unitCandidates: [], pops: [], births: [], sentences: [], tables: [] };
  if (!block.segments.length) return out;
  const cat = catalogueFor(config);
  const nouns = nounsOf(cat);
  if (!nouns.phrases.length) return out;
  const readings = readingsOf(block, config);
  const tables = new Map<number, Segment[]>();
  block.segments.forEach((s, i) => {
    if (s.table) {
      let l = tables.get(s.table.tableId);
      if (!l) tables.set(s.table.tableId, (l = []));
      l.push(s);
    } else if (readings[i]?.toks.length && MAY_MATTER.test(block.prose.slice(s.start, s.end))) proseFacts(readings[i], nouns, out);
  });
  for (const cells of tables.values()) tableFacts(block, cells, nouns, cat, out);
  return out;
}, { blockPhase: true });

// ---------------------------------------------------------------------------
// Prose

function proseFacts(r: Reading, nouns: Nouns, out: RatioFacts): void {
  const toks = r.toks;
  // Sentence by sentence (a line break inside a paragraph does not end one).
  let s = 0;
  for (let i = 0; i <= toks.length; i++) {
    const t = toks[i];
    if (i === toks.length || t.k === '.' || t.k === '!' || t.k === '?') {
      if (i > s) sentence(r, s, i, nouns, out);
      s = i + 1;
    }
  }
}

/** A place that is the document's own ("toàn tỉnh", "cả nước", "trên địa bàn"), not a named or a sub-level one. */
function ownPlace(h: Hit): boolean {
  if (h.type === 'place') return h.key === 'province' || h.key === 'national' || W_OWN_PLACE.test(h.label.toLowerCase());
  if (h.type === 'qual' && h.qual.cat === 'place') return W_OWN_PLACE.test((h.qual.label ?? '').toLowerCase());
  return true;
}

function sentence(r: Reading, from: number, to: number, nouns: Nouns, out: RatioFacts): void {
  const toks = r.toks;
  // The sentence's own year (not one it compares with: "so với năm 2023"); two years: unclear.
  let year: number | undefined;
  let years = 0;
  for (let k = from; k < to; k++) {
    const h = hitAt(r, k);
    if (!h) continue;
    if (h.type === 'period' && h.spec.year !== undefined && h.ptype !== 'cmp' && !h.spec.year2) {
      if (year !== h.spec.year) years++;
      year ??= h.spec.year;
    }
    k = h.e - 1;
  }
  if (years > 1) return;
  // Places seen so far in the sentence: a named or sub-level one before a figure makes it not the document's.
  let named = false;
  let foreign = false;
  let pop: Population | undefined;
  let count: { ind: string; fig: Fig; at: number; noun: string } | undefined;
  let countSplit = false;
  let people: Fig | undefined;
  for (let k = from; k < to; k++) {
    const t = toks[k];
    const h = hitAt(r, k);
    if (h && (h.type === 'place' || (h.type === 'qual' && h.qual.cat === 'place'))) {
      if (!ownPlace(h)) {
        if (h.type === 'place') named = true;
        // After the count, a place is a breakdown of it ("gồm: tuyến huyện 104 bác sĩ, …").
        if (count) countSplit = true;
        else foreign = true;
      }
      k = h.e - 1;
      continue;
    }
    // "… 2.640 hộ với 9.842 nhân khẩu": the population in people.
    if (plainNumber(t) && inW(toks[k + 1], W_NHAN) && inW(toks[k + 2], W_KHAU) && !t.num.scale && !isRef(r, k) && (!foreign || (named && !hasSubLevel(r, from, k)))) {
      const f = fig(t);
      out.pops.push({ ...f, year, named: foreign || undefined });
      if (!foreign) pop ??= f;
      k += 2;
      continue;
    }
    if (inW(t, W_DAN) && inW(toks[k + 1], W_SO) && !inW(toks[k - 1], W_SO)) {
      const p = populationAfter(r, k + 2, to);
      if (p) {
        // A named place may be the document's own ("Huyện Thạch Lâm có … dân số … là 168.450 người"): kept apart.
        if (!foreign || (named && !hasSubLevel(r, from, k))) out.pops.push({ ...p, year, named: foreign || undefined });
        if (!foreign) pop ??= p;
      }
      continue;
    }
    if (foreign) continue;
    const c = stockCount(r, k, to, nouns);
    if (c) {
      if (c.ind === BIRTHS_IND) out.births.push({ ...c.fig, year });
      count = c;
      countSplit = false;
      k = c.at;
      continue;
    }
    // "… là 1.556.100 người, đạt 94,8‰ dân số": a people count, then its share of the population.
    if (plainNumber(t) && inW(toks[k + 1], W_NGUOI) && inW(toks[k - 1], W_LA_CO) && !isRef(r, k)) people = fig(t);
    if (isN(t) && t.num.kind === 'number' && t.num.value !== undefined && t.num.percent && inW(toks[k - 1], W_DAT) && toks[k - 2]?.k === ',' && r.groupOf[k] < 0) {
      const w = { ...fig(t), end: t.e };
      if (t.num.percent === '%' && count && (nouns.per.get(count.ind) ?? 0) >= 1000 && !countSplit && afterPlain(toks[k + 1])) {
        out.unitCandidates.push({ kind: 'percent', ind: count.ind, count: count.fig, written: w, pop, year });
      } else if (t.num.percent === '‰' && people && inW(toks[k + 1], W_DAN) && inW(toks[k + 2], W_SO)) {
        out.unitCandidates.push({ kind: 'permille-share', count: people, written: w, pop, year });
      }
    }
    if (!count) continue;
    // "tỷ suất sinh thô 14,8‰", "tỷ số tử vong mẹ là 42,1/100.000 trẻ đẻ sống": the indicator named, then its figure.
    const byName = namedRatio(r, k, count.ind, nouns.per.get(count.ind)!);
    if (byName) {
      out.sentences.push({ ind: count.ind, count: count.fig, ratio: byName, pop, year });
      count = undefined;
      continue;
    }
    if (!plainNumber(t)) continue;
    const u = r.unitAt[k];
    const per = nouns.per.get(count.ind)!;
    // "5,9 người/100.000 dân" (read as a headcount by the unit reader when the noun has a qualifier-free form).
    const spelled = toks[k + 1]?.t === 'w' && toks[k + 2]?.k === '/' && isN(toks[k + 3]) && (toks[k + 3] as N).num.raw.replace(/\./g, '') === String(per) && inW(toks[k + 4], W_DAN) && toks[k + 1].k === count.noun;
    if (!spelled && (u?.kind !== 'per' || !u.numInds?.includes(count.ind) || u.per !== per)) continue;
    // The ratio of that count: "…; đạt 9,5 bác sĩ/vạn dân", not "(9,6 bác sĩ/vạn dân)" or "so với …".
    // After a breakdown by place, only a clause with no subject of its own ("…; đạt 8,4 …") is the whole's again.
    const clauseStart = toks[k - 2]?.k === ',' || toks[k - 2]?.k === ';';
    if (r.groupOf[k] >= 0 || !inW(toks[k - 1], W_RATIO_INTRO) || (countSplit && !clauseStart)) {
      count = undefined;
      continue;
    }
    out.sentences.push({ ind: count.ind, count: count.fig, ratio: fig(t), pop, year });
    count = undefined;
  }
}

const BIRTHS_IND = 'cbr';
const W_NGUOI = wordSet('người');
const W_LA_CO = wordSet('là', 'có');
const W_DAT = wordSet('đạt');
/** Nothing after the percentage that makes it a share of something else ("đạt 95% kế hoạch"). */
function afterPlain(t: Tok | undefined): boolean {
  return !t || t.t === 'nl' || t.k === ',' || t.k === '.' || t.k === ';';
}
const W_NAMED_INTRO = wordSet('là', 'đạt', 'ở', 'mức', 'khoảng');

/** The figure at k when the name of `ind` stands right before it ("tỷ suất sinh thô (là) 14,8‰"). */
function namedRatio(r: Reading, k: number, ind: string, per: number): Fig | undefined {
  const t = r.toks[k];
  if (!isN(t)) return undefined;
  let j = k - 1;
  while (j >= 0 && j > k - 4 && inW(r.toks[j], W_NAMED_INTRO)) j--;
  const h = hitAt(r, j);
  if (h?.type !== 'name' || !h.name.entries.some((e) => e.ind === ind) || h.name.entries.some((e) => e.ind !== ind)) return undefined;
  if (per === 1000 && t.num.kind === 'number' && t.num.percent === '‰' && t.num.value !== undefined) return fig(t);
  if (t.num.kind === 'fraction' && t.num.numerator?.value !== undefined && t.num.denominator?.value === per) {
    const n = t.num.numerator;
    const decimals = n.decimals ?? 0;
    return { start: t.s, end: n.end, value: n.value!, half: 0.5 * Math.pow(10, -decimals), decimals };
  }
  return undefined;
}

/** A sub-level place ("tuyến xã", "các huyện") between from and to. */
function hasSubLevel(r: Reading, from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const h = hitAt(r, k);
    if (h?.type === 'qual' && h.qual.cat === 'place') return true;
  }
  return false;
}

/** "… là 1.324.600 người", "… 1,32 triệu người" after "dân số" (at i). */
function populationAfter(r: Reading, i: number, to: number): Fig | undefined {
  const toks = r.toks;
  for (let k = i; k < to && k < i + 10; k++) {
    const t = toks[k];
    const h = hitAt(r, k);
    if (h?.type === 'period') {
      k = h.e - 1;
      continue;
    }
    if (plainNumber(t)) {
      if (t.num.isYear && !t.num.scale) return undefined;
      if (W_HEDGE.has(toks[k - 1]?.k ?? '')) return undefined;
      const f = fig(t);
      const next = toks[t.num.scale ? k + 2 : k + 1];
      // A population is people: "người", "nhân khẩu", or a scale word ("1,32 triệu").
      if (!(next && inW(next, W_PEOPLE)) && !t.num.scale) return undefined;
      return f.value >= 100 ? f : undefined;
    }
    if (t.t !== 'w' || !inW(t, W_POPLINK)) return undefined;
  }
  return undefined;
}

/** "có 1.258 bác sĩ", "số điều dưỡng là 2.954 người", "tổng số giường bệnh là 3.710 giường" at k. */
function stockCount(r: Reading, k: number, to: number, nouns: Nouns): { ind: string; fig: Fig; at: number; noun: string } | undefined {
  const toks = r.toks;
  const t = toks[k];
  // "có N <noun>"
  if (inW(t, W_CO) && plainNumber(toks[k + 1])) {
    const n = toks[k + 1] as N;
    const noun = nounAt(nouns, toks, k + 2);
    if (noun && !n.num.scale && !isRef(r, k + 1)) return { ind: noun.ind, fig: fig(n), at: k + 1, noun: toks[k + 2].k };
    return undefined;
  }
  // "(tổng) số <noun> (…) là N (người|<noun>)"
  if (inW(t, W_SO) && !inW(toks[k - 1], W_DAN)) {
    const noun = nounAt(nouns, toks, k + 1);
    if (!noun) return undefined;
    for (let j = noun.end; j < to && j < noun.end + 8; j++) {
      const w = toks[j];
      if (inW(w, W_IS) && plainNumber(toks[j + 1])) {
        if (!inW(w, W_LA_CO)) return undefined;
        const n = toks[j + 1] as N;
        const after = toks[j + 2];
        const unitOk = !after || after.t !== 'w' || inW(after, W_PEOPLE) || after.k === toks[k + 1].k || !!nounAt(nouns, toks, j + 2);
        if (!unitOk || n.num.scale || isRef(r, j + 1)) return undefined;
        return { ind: noun.ind, fig: fig(n), at: j + 1, noun: toks[k + 1].k };
      }
      const hj = hitAt(r, j);
      if (hj?.type === 'period') {
        j = hj.e - 1;
        continue;
      }
      if (w.t !== 'w' || (hj && !(hj.type === 'qual' && hj.qual.cat === 'neutral'))) return undefined;
    }
  }
  return undefined;
}

/** A figure in parentheses or after "so với", "tăng", "trong đó": not the stock. */
function isRef(r: Reading, k: number): boolean {
  if (r.groupOf[k] >= 0) return true;
  for (let j = k - 1; j >= 0 && j >= k - 3; j--) {
    const h = hitAt(r, j);
    if (h?.type === 'qual' && (h.qual.cat === 'change' || h.qual.cat === 'prev' || h.qual.cat === 'subset' || h.qual.cat === 'hedge' || h.qual.cat === 'target')) return true;
    if (h?.type === 'sub') return true;
  }
  return false;
}

// ---------------------------------------------------------------------------
// Tables

type LineKind = { what: 'pop'; mult: number; stated: boolean } | { what: 'count'; ind: string } | { what: 'ratio'; ind: string };

/** What a row label or column header holds: the population, a count of a numerator, or its ratio per 10.000. */
const lineMemo = new WeakMap<Nouns, Map<string, LineKind | undefined>>();
function lineKind(text: string, nouns: Nouns): LineKind | undefined {
  let m = lineMemo.get(nouns);
  if (!m) lineMemo.set(nouns, (m = new Map()));
  if (m.has(text)) return m.get(text);
  if (m.size > 5000) m.clear();
  const k = readLineKind(text, nouns);
  m.set(text, k);
  return k;
}

function readLineKind(text: string, nouns: Nouns): LineKind | undefined {
  const toks = lexString(text);
  const ws = toks.filter((t) => t.t === 'w');
  if (!ws.length) return undefined;
  let i = 0;
  if (inW(toks[0], W_TONG) && inW(toks[1], W_SO)) i = 2;
  else if (inW(toks[0], W_SO)) i = 1;
  if (inW(toks[i], W_DAN) && inW(toks[i + 1], W_SO) && i === 0) {
    const rest = toks.slice(2).filter((t) => t.k !== '(' && t.k !== ')');
    const words = rest.filter((t) => t.t === 'w').map((t) => t.k);
    const mult = words.includes(foldKeyOf('triệu')) ? 1e6 : words.includes(foldKeyOf('nghìn')) || words.includes(foldKeyOf('ngàn')) ? 1000 : 1;
    const allowed = new Set(['người', 'nghìn', 'ngàn', 'triệu', 'trung', 'bình', 'ng'].map(foldKeyOf));
    if (words.every((w) => allowed.has(w)) && rest.every((t) => t.t === 'w')) return { what: 'pop', mult, stated: words.length > 0 };
    return undefined;
  }
  const noun = nounAt(nouns, toks, i);
  if (!noun) return undefined;
  const rest = toks.slice(noun.end);
  // "Bác sĩ/vạn dân", "Số giường bệnh/10.000 dân", "Bác sĩ trên vạn dân".
  if (rest.length && (rest[0].k === '/' || rest[0].k === foldKeyOf('trên'))) {
    const ws2 = rest.slice(1).filter((t) => t.t === 'w').map((t) => t.k);
    const nums = rest.slice(1).filter((t) => t.t === 'n');
    const van = ws2[0] === foldKeyOf('vạn') && ws2[1] === foldKeyOf('dân');
    const tenK = nums.length === 1 && (nums[0] as N).num.value === 10000 && ws2[0] === foldKeyOf('dân');
    const unitOnly = rest.slice(1).every((t) => t.t === 'n' || t.k === '(' || t.k === ')' || ws2.slice(0, 2).includes(t.k) || inW(t, W_PEOPLE));
    if ((van || tenK) && unitOnly && nouns.per.get(noun.ind) === 10000) return { what: 'ratio', ind: noun.ind };
    return undefined;
  }
  // A count: the noun alone, or with its unit in parentheses ("Số bác sĩ (người)").
  const others = rest.filter((t) => t.k !== '(' && t.k !== ')' && !inW(t, W_PEOPLE));
  if (others.length === 0) return { what: 'count', ind: noun.ind };
  return undefined;
}

function cellFig(block: Block, seg: Segment, mult = 1): Fig | undefined {
  const text = block.prose.slice(seg.start, seg.end);
  const toks = lexString(text).filter((t) => !(t.t === 'p' && (t.k === '*' || t.k === '_')));
  if (toks.length !== 1 || !plainNumber(toks[0])) return undefined;
  const t = toks[0] as N;
  if (t.num.scale) return undefined;
  const f = fig(t);
  return { ...f, start: seg.start + f.start, end: seg.start + f.end, value: f.value * mult, half: f.half * mult };
}

function tableFacts(block: Block, cells: Segment[], nouns: Nouns, cat: Catalogue, out: RatioFacts): void {
  const headers = cells.find((c) => c.table)?.table?.headers ?? [];
  // A ratio per population names it ("/vạn dân", "dân số"): skip the reading of other tables.
  if (!headers.some((h) => RATIO_LINE.test(h)) && !cells.some((c) => c.table!.col === 0 && RATIO_LINE.test(c.table!.rowLabel))) return;
  const grid = new Map<number, Map<number, Segment>>();
  for (const c of cells) {
    const t = c.table!;
    let row = grid.get(t.row);
    if (!row) grid.set(t.row, (row = new Map()));
    row.set(t.col, c);
  }
  const rowIds = [...grid.keys()].filter((r) => r > 0).sort((a, b) => a - b);
  // Lines are columns (quantities across, years or areas down) or rows (quantities down, years across).
  const colKinds = headers.map((h) => lineKind(h, nouns));
  const rowKinds = new Map<number, LineKind | undefined>();
  for (const r of rowIds) {
    const label = grid.get(r)?.get(0);
    rowKinds.set(r, label ? lineKind(block.prose.slice(label.start, label.end).trim(), nouns) : undefined);
  }
  const byCols = colKinds.some((k) => k?.what === 'ratio');
  const byRows = [...rowKinds.values()].some((k) => k?.what === 'ratio');
  if (byCols === byRows) return;
  // The other axis: years ("2022", "Năm 2023") when every one names a year.
  type Line = { kind: LineKind; cells: (Segment | undefined)[] };
  const lines: Line[] = [];
  const points: { year?: number; label: string }[] = [];
  if (byCols) {
    colKinds.forEach((k, c) => {
      if (k) lines.push({ kind: k, cells: rowIds.map((r) => grid.get(r)?.get(c)) });
    });
    for (const r of rowIds) {
      const label = grid.get(r)?.get(0);
      const text = label ? block.prose.slice(label.start, label.end).trim() : '';
      const rd = readColumnHeader(text);
      points.push({ year: rd.role === 'achieved' && !rd.period ? rd.year : undefined, label: text });
    }
  } else {
    for (const r of rowIds) {
      const k = rowKinds.get(r);
      if (k) lines.push({ kind: k, cells: headers.map((_, c) => grid.get(r)?.get(c)) });
    }
    headers.forEach((h) => {
      const rd = readColumnHeader(h);
      points.push({ year: rd.role === 'achieved' && !rd.period ? rd.year : undefined, label: h });
    });
  }
  const popLines = lines.filter((l) => l.kind.what === 'pop');
  const pop = popLines.length === 1 ? popLines[0] : undefined;
  const popKind = pop?.kind as { what: 'pop'; mult: number; stated: boolean } | undefined;
  // The document's population from the table: a year's row or column, or the row of the whole ("Cả nước", "Toàn tỉnh").
  if (pop && popKind!.stated) {
    points.forEach((pt, i) => {
      const cell = pop.cells[i];
      const f = cell && cellFig(block, cell, popKind!.mult);
      if (!f) return;
      if (pt.year !== undefined) out.pops.push({ ...f, year: pt.year });
      else if (W_WHOLE.test(pt.label.trim().toLowerCase())) out.pops.push({ ...f });
    });
  }
  for (const ratioLine of lines) {
    if (ratioLine.kind.what !== 'ratio') continue;
    const ind = ratioLine.kind.ind;
    const countLines = lines.filter((l) => l.kind.what === 'count' && l.kind.ind === ind);
    if (countLines.length !== 1) continue;
    const countLine = countLines[0];
    const per = nouns.per.get(ind)!;
    const label = cat.byId.get(ind)?.name_vi ?? ind;
    let prev: { year: number; c: Fig; r: Fig } | undefined;
    for (let i = 0; i < points.length; i++) {
      const rs = ratioLine.cells[i];
      const cs = countLine.cells[i];
      const ratio = rs && cellFig(block, rs);
      const count = cs && cellFig(block, cs);
      if (!ratio || !count) {
        prev = undefined;
        continue;
      }
      const ps = pop?.cells[i];
      const p = ps && cellFig(block, ps, popKind!.mult);
      if (p && p.value > 0) {
        const computed = (count.value / p.value) * per;
        const lo = (count.value / (p.value + p.half)) * per;
        const hi = (count.value / Math.max(1e-9, p.value - p.half)) * per;
        // A population column without its unit, in thousands: not a slip of the figures.
        const offByScale = !popKind!.stated && [1e3, 1e6].some((m) => Math.abs(computed / ratio.value / m - 1) < 0.05);
        if (!offByScale && !agrees(lo, hi, ratio)) out.tables.push({ ind, kind: 'value', ratio, count, pop: p, computed, label });
      }
      const y = points[i].year;
      if (prev && y !== undefined && y === prev.year + 1 && !p) {
        // The ratio moves with the count unless the population jumps: the growth the figures imply.
        const cg = count.value / prev.c.value;
        const qMin = cg / ((ratio.value + ratio.half) / Math.max(1e-9, prev.r.value - prev.r.half));
        const qMax = cg / (Math.max(1e-9, ratio.value - ratio.half) / (prev.r.value + prev.r.half));
        if (qMin > MAX_GROWTH || qMax < MIN_GROWTH) {
          out.tables.push({ ind, kind: 'trend', ratio, count, count0: prev.c, ratio0: prev.r, computed: cg / (ratio.value / prev.r.value), label });
        }
      }
      prev = y !== undefined ? { year: y, c: count, r: ratio } : undefined;
    }
  }
}

/** A population that grows more than 8% or falls more than 5% in one year is not ordinary: the figures disagree. */
const MAX_GROWTH = 1.08;
const MIN_GROWTH = 0.95;
/** Slack for a population of another date of the year (mid-year vs end of year). */
export const SLACK = 0.015;

/** Does a computed interval [lo, hi] meet the written ratio within its rounding (and the slack)? */
export function agrees(lo: number, hi: number, ratio: Fig): boolean {
  const a = ratio.value - ratio.half - SLACK * ratio.value;
  const b = ratio.value + ratio.half + SLACK * ratio.value;
  return hi >= a && lo <= b;
}

/** What an indicator's count is divided by. */
export function ratioBase(ind: string): 'population' | 'births' {
  return ratioCounts.counts.find((c) => c.indicator === ind)?.base === 'births' ? 'births' : 'population';
}

/** The document's one population (or live births) for a year: the same value wherever it is stated, else none. */
export function docBases(doc: { blocks: Block[]; year?: number }, config: ResolvedConfig) {
  const pops: { block: Block; p: Population }[] = [];
  const births: { block: Block; p: Population }[] = [];
  for (const block of doc.blocks) {
    const f = ratioFacts(block, config);
    for (const p of f.pops) pops.push({ block, p });
    for (const p of f.births) births.push({ block, p });
  }
  const uniqueFor = (list: { block: Block; p: Population }[], year: number | undefined): { block: Block; p: Population } | undefined => {
    const y = year ?? doc.year;
    const all = list.filter((x) => x.p.year === y || x.p.year === undefined || y === undefined);
    // A population stated for a named place is used only when it is the document's one population.
    const plain = all.filter((x) => !x.p.named);
    const c = plain.length ? plain : all;
    const values = new Set(all.map((x) => x.p.value));
    return values.size === 1 && c.length ? c[0] : undefined;
  };
  return { population: (year: number | undefined) => uniqueFor(pops, year), births: (year: number | undefined) => uniqueFor(births, year) };
}
