// The mention extractor: for every figure in a block's prose and table cells,
// decide whether it is a value of a catalogued indicator and read what it
// means (indicator, sub-type, value and precision, hedge, unit, period, place,
// kind). Per block and cached with it: it depends only on the block's text and
// the config. Headings, captions and the document's year are applied later, in
// the document-level step (resolve.ts).
import { analysis } from '../rule';
import type { Block } from '../types';
import type { ResolvedConfig } from '../config';
import { catalogueFor, type Catalogue, type Indicator } from './catalogue';
import { lexString, segmentTokens, type Tok } from './lexer';
import { FOLLOW_OK, figureLike, isN, isYearTok, numValue, readTokens, visibleFrom, type Hit, type NameHit, type PeriodSpec, type Reading, type UnitInfo } from './read';
import { intervalOf, overlaps, type Hedge } from './compare';
import { foldKeyOf as K, inW, wordSet } from './lexicon';
import { issuerOfHeader, scopeBit, type Issuer, type Scope } from './scope';
import { countIdOf, countIndicator, countUnitAt, sectionUnitOf } from './counts';
import { readColumnHeader } from './columns';

// Word sets of the hot paths, folded once, named by what they mean to a reader.
/** A caption starts "Bảng 2.", "Biểu 3.". */
const CAPTION_WORDS = wordSet('bảng', 'biểu');
/** "93,2% số hộ ...", "78% các xã ...": the words between a percentage and what it counts. */
const COUNTED_NOUN_LEAD = wordSet('số', 'các', 'những', 'tổng');
/** Words that end a figure's postfix (a new clause or a comparison starts). */
const CLAUSE_LINKS = wordSet('và', 'còn', 'nhưng', 'trong', 'so', 'tăng', 'giảm');
const YEAR_WORD = wordSet('năm');
const AND_WORD = wordSet('và');
/** "được giao", "đã đề ra", "cơ bản": auxiliaries skipped before a target word. */
const AUX_BEFORE_TARGET = wordSet('được', 'đã', 'cơ', 'bản');
/** "đạt": reaching a level (the figure after it is the own value). */
const REACH_VERB = wordSet('đạt');
/** "vượt": exceeding (a target after it was achieved). */
const EXCEED_VERB = wordSet('vượt');
/** "các chỉ tiêu", "số chỉ tiêu", "theo kế hoạch": target words used as nouns, not as a target of this figure. */
const PLURAL_OR_GENERIC = wordSet('các', 'những', 'số', 'nhiều', 'theo', 'bộ');
/** "kế hoạch hóa (gia đình)": not a plan. */
const HOA_SUFFIX = wordSet('hóa');
const CHI_WORD = wordSet('chỉ');
/** "so", "chênh (lệch)": a comparison column or clause. */
const SO_WORD = wordSet('so');
const CHENH_WORD = wordSet('chênh');

/**
 * Two-word phrases as first word -> second words (folded), so a pair of
 * tokens is looked up without building the string "a b" for every token.
 * A phrase of another length is kept whole as its key "w1 w2 w3" split at
 * the first space, which no pair of single tokens can match (as before).
 */
function pairSet(phrases: string[]): Map<string, Set<string>> {
  const m = new Map<string, Set<string>>();
  for (const p of phrases) {
    const k = K(p);
    const sp = k.indexOf(' ');
    const a = k.slice(0, sp);
    const b = k.slice(sp + 1);
    let set = m.get(a);
    if (!set) m.set(a, (set = new Set()));
    set.add(b);
  }
  return m;
}
function inPairs(m: Map<string, Set<string>>, a: string, b: string): boolean {
  const set = m.get(a);
  return !!set && set.has(b);
}

export type MentionKind = 'achieved' | 'target' | 'previous' | 'change';

export interface Mention {
  ind: string;
  segment: number;
  /** The figure in prose coordinates, % sign included. */
  start: number;
  end: number;
  /** The digits only (what a fix replaces). */
  numStart: number;
  numEnd: number;
  /** The figure as written ("12,5", "95,15%", "2,0 - 2,1"). */
  raw: string;
  numText: string;
  /** The unit as written after the figure ("bác sĩ/vạn dân"), if any. */
  unitText: string;
  value: number;
  hi?: number;
  decimals: number;
  /** The base the figure is written in (100 for %, 1000 for ‰ or "trên 1.000", 10000 for "/vạn dân"); undefined: the catalogue unit. */
  per?: number;
  hedge?: Hedge;
  kind: MentionKind;
  /** The kind was stated in the text (not inherited). */
  kindExplicit: boolean;
  period?: PeriodSpec;
  /** Where the period came from: the sentence, an earlier sentence of the paragraph, or a table header. */
  periodFrom?: 'sentence' | 'paragraph' | 'table';
  /** The period is knowingly unknown (an earlier level "từ ..." with no year): never compared. */
  periodBlocked?: boolean;
  place?: string;
  placeLabel?: string;
  /** Sorted sub-type keys ("sex:nữ", "age:dưới 5", "dose:2", "col:..."). */
  sub: string[];
  /** Several different values with the same qualifiers in one sentence or table: an enumeration we cannot tell apart. */
  ambiguous?: boolean;
  tableId?: number;
  /** The unit was written (on the figure, its row, column or unit column). */
  unitExplicit: boolean;
  /**
   * The figure is quoted for comparison, not stated as the sentence's own value:
   * another place's, another period's, the target, a norm, or someone's average we
   * cannot name ('unknown'). 'norm' and 'unknown' are never compared.
   */
  ref?: RefRole;
  /** An earlier level of "cùng kỳ" (the same part of an earlier year): never taken for that whole year. */
  sameTerm?: boolean;
  /** The words that decided the figure's role or kind ("cao hơn mức chung của toàn tỉnh", "vượt kế hoạch", "phấn đấu"). */
  cue?: string;
  /** A count outside the catalogue (ind "count:…"): its noun phrase as written. */
  countLabel?: string;
}

const SAME_WORD = wordSet('cùng');
const TERM_WORD = wordSet('kỳ');

export type RefRole = 'place' | 'period' | 'target' | 'norm' | 'unknown';

export interface MissingUnit {
  ind: string;
  start: number;
  end: number;
  numText: string;
}

export interface Context {
  period?: PeriodSpec;
  kind?: 'achieved' | 'target';
  place?: { key: string; label: string };
  /** A heading about one facility or department ("Khoa Nội"): the counts under it are that unit's. */
  unit?: string;
}

export interface BlockIndicators {
  mentions: Mention[];
  missingUnits: MissingUnit[];
  /** For heading blocks: what the heading says about the text under it. */
  heading?: Context & { level: number };
  /** A table caption ("Bảng 2. ... năm 2023") ending this block: it applies to the next table. */
  caption?: Context;
  /** The own-scope words the block uses ("toàn tỉnh", "toàn huyện"): a mask of scopeBit(). */
  scopes: number;
  /** A header block naming the issuer ("SỞ Y TẾ TỈNH X" over "TRUNG TÂM Y TẾ HUYỆN Y"). */
  issuer?: Issuer;
}

interface Ctx {
  cat: Catalogue;
  prose: string;
}

/** The indicator facts of a block (cached per block). */
export const blockIndicators = analysis('indicator-mentions', (block: Block, config: ResolvedConfig): BlockIndicators => extractBlock(block, config), { blockPhase: true });

export function extractBlock(block: Block, config: ResolvedConfig): BlockIndicators {
  const cat = catalogueFor(config);
  const out: BlockIndicators = { mentions: [], missingUnits: [], scopes: 0 };
  if (!block.segments.length) return out;
  const ctx: Ctx = { cat, prose: block.prose };
  // A short block in capitals naming a health body: the header block (read on the text, it may have no figure).
  if (block.prose.length < 600 && HEADER_HINT.test(block.prose)) out.issuer = issuerOfHeader(block.prose);
  const readings = readingsOf(block, config);
  // A place only compared with ("cao hơn mức chung của toàn tỉnh") does not say whose report it is.
  for (const r of readings) for (const h of r.hits) if (h.type === 'place' && OWN_SCOPE.has(h.key) && !comparedPlace(r, h.s, 0)) out.scopes |= scopeBit(h.key as Scope);

  const tables = new Map<number, number[]>();
  const captions = new Map<number, Context | undefined>();
  const para = { period: undefined as PeriodSpec | undefined };
  let lastCaption: Context | undefined;
  block.segments.forEach((seg, i) => {
    const r = readings[i];
    if (seg.kind === 'table-cell') {
      const id = seg.table!.tableId;
      let list = tables.get(id);
      if (!list) {
        tables.set(id, (list = []));
        captions.set(id, lastCaption);
      }
      list.push(i);
      return;
    }
    if (seg.kind === 'heading') {
      out.heading = { ...contextOf(r, true), level: seg.level ?? 1 };
      // A section about one facility or department (never the document's title).
      const unit = (seg.level ?? 1) >= 2 ? sectionUnitOf(r.toks) : undefined;
      if (unit) out.heading.unit = unit;
    }
    para.period = undefined;
    extractProse(ctx, r, i, out.mentions, out.missingUnits, para);
    lastCaption = isCaption(r) ? captionOf(r) : undefined;
  });
  for (const [id, segs] of tables) extractTable(ctx, block, readings, segs, id, out.mentions, captions.get(id));
  // A caption right before a table in the same block belongs to that table (applied in resolve); one ending the block, to the next block.
  if (lastCaption && block.segments[block.segments.length - 1].kind !== 'table-cell') out.caption = lastCaption;
  return out;
}

const HEADER_HINT = /Y TẾ|BỆNH VIỆN|UBND|ỦY BAN|UỶ BAN|TTYT/u;
const OWN_SCOPE = new Set<string>(['province', 'district', 'hospital', 'commune']);

/** What a segment left unread reads as: nothing. */
const EMPTY_READING: Reading = { toks: [], hits: [], hitOf: [], unitAt: [], groupOf: [], closeOf: new Map(), openOf: new Map() };
/** Words a paragraph without figures may matter by: its province scope ("toàn tỉnh", "thành phố ta") or a caption ("Bảng 2"). */
const MAY_MATTER = /tỉnh|phố|toàn huyện|địa bàn huyện|toàn viện|toàn xã|địa bàn xã|bảng|biểu/iu;

/**
 * The reading of each segment of a block. Segments that cannot give a figure
 * or a context are left unread: paragraphs without a number (unless they may
 * be a caption or name the province) and tables without a number. Shared by
 * the fraction, ratio and mention extractors of a block; transient (tokens are
 * many and short-lived): the extractors that document steps read are computed
 * in the block phase (analysis blockPhase) while the readings are still there.
 */
export const readingsOf = analysis('indicator-readings', (block: Block, config: ResolvedConfig): Reading[] => readBlock(block, config), { transient: true });

function readBlock(block: Block, config: ResolvedConfig): Reading[] {
  const cat = catalogueFor(config);
  const segs = block.segments;
  let tablesWithNumbers: Set<number> | undefined;
  const keep = (i: number, counts: readonly number[]): boolean => {
    const seg = segs[i];
    if (counts[i] > 0 || seg.kind === 'heading') return true;
    if (seg.kind === 'table-cell') {
      if (!tablesWithNumbers) {
        tablesWithNumbers = new Set();
        for (let k = 0; k < segs.length; k++) if (counts[k] > 0 && segs[k].table) tablesWithNumbers.add(segs[k].table!.tableId);
      }
      return tablesWithNumbers.has(seg.table!.tableId);
    }
    MAY_MATTER.lastIndex = 0;
    return MAY_MATTER.test(block.prose.slice(seg.start, seg.end));
  };
  const toks = segmentTokens(block, config, keep);
  return toks.map((t) => (t.length ? readTokens(t, cat) : EMPTY_READING));
}

/** What a table caption says, with the facility or department it is about ("Bảng 2. Khám bệnh tại các trạm y tế"). */
function captionOf(r: Reading): Context {
  const c = contextOf(r, true);
  const unit = sectionUnitOf(r.toks);
  return unit ? { ...c, unit } : c;
}

function isCaption(r: Reading): boolean {
  const t = r.toks[0];
  return !!t && t.t === 'w' && inW(t, CAPTION_WORDS) && /^\p{Lu}/u.test(t.raw);
}

// ---------------------------------------------------------------------------
// Sentences

const ABBREV = new Set(['tp', 'ts', 'ths', 'pgs', 'gs', 'bs', 'ds', 'ck', 'st', 'v', 'tt', 'bsck', 'ks', 'cn', 'ts.bs', 'ông', 'bà'].map((w) => K(w)));

function sentences(toks: readonly Tok[]): [number, number][] {
  const out: [number, number][] = [];
  let a = 0;
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    let brk = false;
    if (t.t === 'p' && (t.k === '.' || t.k === '!' || t.k === '?' || t.k === '…')) {
      if (t.k !== '.') brk = true;
      else {
        const prev = toks[i - 1];
        const next = toks[i + 1];
        const abbrev = prev?.t === 'w' && prev.e === t.s && ABBREV.has(prev.k);
        const glued = !!next && next.s === t.e && next.t !== 'p';
        brk = !abbrev && !glued;
      }
    } else if (t.t === 'nl') {
      const prev = toks[i - 1];
      const next = toks[i + 1];
      // A soft-wrapped line continues the sentence; a new line starting a capital or a figure does not.
      const cont = !!prev && !!next && next.t === 'w' && /^\p{Ll}/u.test(next.raw) && (prev.t === 'w' || prev.t === 'n' || prev.k === ',');
      brk = !cont;
    }
    if (brk) {
      if (i + 1 > a) out.push([a, i + 1]);
      a = i + 1;
    }
  }
  if (a < toks.length) out.push([a, toks.length]);
  return out;
}

// ---------------------------------------------------------------------------
// Figures

interface Fig {
  first: number;
  last: number;
  value: number;
  hi?: number;
  decimals: number;
  start: number;
  end: number;
  numStart: number;
  numEnd: number;
  unit: UnitInfo;
}

function figureAt(r: Reading, i: number): Fig | undefined {
  const toks = r.toks;
  const t = toks[i];
  if (!isN(t)) return undefined;
  if (t.num.kind === 'fraction') {
    const u = r.unitAt[i];
    const nu = t.num.numerator;
    if (!u || u.kind !== 'per' || !nu || nu.value === undefined) return undefined;
    return { first: i, last: i, value: nu.value, decimals: nu.decimals ?? 0, start: t.s, end: t.e, numStart: nu.start, numEnd: nu.end, unit: u };
  }
  const v = numValue(t);
  if (!v || isYearTok(t)) return undefined;
  let last = i;
  let hi: number | undefined;
  let decimals = v.decimals;
  if (t.num.rangeWith === 'next') {
    let j = i + 1;
    if (toks[j]?.t === 'p' && /[-–—]/.test(toks[j].k)) j++;
    const b = toks[j];
    const bv = numValue(b);
    if (isN(b) && b.num.rangeWith === 'prev' && bv && bv.value >= v.value) {
      last = j;
      hi = bv.value;
      decimals = Math.max(decimals, bv.decimals);
    }
  }
  const lt = toks[last] as Extract<Tok, { t: 'n' }>;
  let unit = r.unitAt[last] ?? { kind: 'bare', end: last + 1 };
  // "15%-30%": the first figure's own % sign.
  if (t.num.percent && unit.kind !== 'pct') unit = { kind: 'pct', end: last + 1, per: t.num.percent === '%' ? 100 : 1000 };
  return { first: i, last, value: v.value, hi, decimals, start: t.s, end: lt.e, numStart: t.num.start, numEnd: hi === undefined ? t.num.end : lt.num.end, unit };
}

function extractable(ind: Indicator): boolean {
  return ind.kind !== 'count' && ind.kind !== 'other';
}

/** Can a figure with this unit be a value of this indicator (named by `name`)? */
function compatible(ind: Indicator, u: UnitInfo, name: NameHit, fig: Fig, firstAfterName: boolean): boolean {
  if (u.kind === 'noun') {
    // "Số giường bệnh trên 10.000 dân là 32 giường": only right after a name that gave the denominator.
    return firstAfterName && !name.synthetic && name.per !== undefined && !!u.numInds?.includes(ind.id) && (ind.kind === 'rate' || ind.kind === 'ratio');
  }
  switch (ind.kind) {
    case 'percent':
      return u.kind === 'pct';
    case 'permille':
      return u.kind === 'pct' || u.kind === 'bare' || (u.kind === 'per' && u.den === ind.denominator);
    case 'ratio':
      return u.kind === 'bare' || (u.kind === 'per' && u.den === ind.denominator);
    case 'rate': {
      if (u.kind === 'per') return u.den === ind.denominator;
      if (u.kind !== 'bare') return false;
      const entry = name.entries.find((e) => e.ind === ind.id);
      return name.per !== undefined || !!(entry && !entry.needsPer);
    }
    case 'years':
      return (u.kind === 'years' || u.kind === 'bare') && fig.value >= 40 && fig.hi === undefined;
    default:
      return false;
  }
}

// ---------------------------------------------------------------------------
// Prose

function hitAt(r: Reading, k: number): Hit | undefined {
  const h = k >= 0 && k < r.hitOf.length ? r.hitOf[k] : -1;
  return h >= 0 ? r.hits[h] : undefined;
}

/** How far back (in tokens) a figure's qualifiers are looked for: keeps long run-on paragraphs linear. */
const WINDOW = 160;

const NEW_SUBJECT = pairSet(['tỷ lệ', 'tỷ suất', 'tỷ số', 'chỉ số', 'số lượng', 'tổng số', 'số lượt', 'số ca', 'số người']);

function extractProse(ctx: Ctx, r: Reading, seg: number, out: Mention[], missing: MissingUnit[], para: { period?: PeriodSpec }): void {
  const toks = r.toks;
  for (const [a, b] of sentences(toks)) {
    // Only figures give mentions: a sentence without a number token gives none.
    let hasNumber = false;
    for (let i = a; i < b && !hasNumber; i++) if (toks[i].t === 'n') hasNumber = true;
    if (!hasNumber) {
      const h0 = hitAt(r, a);
      if (h0?.type === 'period' && (h0.ptype === 'at' || h0.ptype === 'until')) para.period = h0.spec;
      continue;
    }
    const figAt = new Map<number, Mention>();
    const sentence: Sentence = { r, a, b, seg, figAt, claimed: new Set(), usedPost: new Set(), para, missing };
    const usedPost = sentence.usedPost;
    const sent: Mention[] = [];
    let cur: NameHit | undefined;
    // A count phrase ("Tổng số lượt khám bệnh") read apart from `cur`: for catalogued figures its words are words.
    let count: NameHit | undefined;
    let countLinked = 0;
    let words = 0;
    let linked = 0;
    for (let i = a; i < b; i++) {
      const t = toks[i];
      const hi = r.hitOf[i];
      if (hi >= 0) {
        const h = r.hits[hi];
        if (h.type === 'name' && h.name.count) {
          count = h.name;
          countLinked = 0;
          for (let x = h.s; x < h.e; x++) {
            if (++words > 14) cur = undefined;
            if (inPairs(NEW_SUBJECT, toks[x].k, toks[x + 1]?.k ?? '')) cur = undefined;
          }
        } else if (h.type === 'name') {
          cur = usedPost.has(hi) ? undefined : h.name;
          count = undefined;
          words = 0;
          linked = 0;
        } else words += h.e - h.s;
        i = h.e - 1;
        continue;
      }
      if (t.k === ';' || t.t === 'nl') {
        cur = undefined;
        count = undefined;
        continue;
      }
      if (t.t === 'w') {
        if (++words > 14) cur = count = undefined;
        // "tỷ lệ sử dụng các biện pháp tránh thai ...": another (uncatalogued) indicator starts; figures after it are not ours.
        if (inPairs(NEW_SUBJECT, t.k, toks[i + 1]?.k ?? '')) cur = undefined;
        continue;
      }
      if (!isN(t)) continue;
      const fig = figureLike(t) ? figureAt(r, i) : undefined;
      if (!fig) {
        cur = count = undefined;
        continue;
      }
      const counted = count ? countFigure(r, fig, count, countLinked === 0, b) : undefined;
      const m = decide(ctx, sentence, fig, counted ? { cur: count, firstAfterName: countLinked === 0, counted } : { cur, firstAfterName: linked === 0 });
      if (m && counted) {
        sent.push(m);
        figAt.set(fig.first, m);
        words = 0;
        // The figures listed after it count the same unit ("... 15.216 lượt, vượt kế hoạch (14.500 lượt)").
        if (!count!.synthetic) count = { ...count!, synthetic: true, count: { ...count!.count!, unit: counted.unit } };
        countLinked++;
        i = Math.max(i, fig.unit.end - 1, fig.last);
      } else if (m) {
        sent.push(m);
        figAt.set(fig.first, m);
        words = 0;
        count = undefined;
        // A figure known by its unit names its indicator for the figures listed after it ("13 bác sĩ/vạn dân, thực hiện đạt 12,5").
        if (!cur || !cur.entries.some((e) => e.ind === m.ind)) cur = { s: fig.first, e: fig.first, entries: [{ ind: m.ind, needsPer: false }], per: m.per, synthetic: true };
        linked++;
        i = Math.max(i, fig.unit.end - 1, fig.last);
      } else {
        // "giảm 6 lần trong 30 năm qua, từ mức 233/100.000 ...": a multiple or a duration does not end the list.
        if (fig.unit.kind !== 'times' && fig.unit.kind !== 'pp' && fig.unit.kind !== 'duration') cur = count = undefined;
        i = Math.max(i, fig.last, fig.unit.end - 1);
      }
    }
    markAmbiguous(ctx.cat, sent);
    out.push(...sent);
    const h0 = hitAt(r, a);
    if (h0?.type === 'period' && (h0.ptype === 'at' || h0.ptype === 'until')) para.period = h0.spec;
  }
}

/** One sentence being read: where it is and what its figures have taken so far. */
interface Sentence {
  r: Reading;
  /** The sentence's tokens are r.toks[a, b). */
  a: number;
  b: number;
  seg: number;
  /** The mentions made so far, by their figure's first token. */
  figAt: Map<number, Mention>;
  /** Qualifier hits after a figure that it took as its own (a later figure does not inherit them). */
  claimed: Set<number>;
  /** Name hits taken as the name written after a percentage ("93,2% dân số tham gia ..."). */
  usedPost: Set<number>;
  /** The period that opened the paragraph ("Năm 2023, ..."). */
  para: { period?: PeriodSpec };
  /** Figures of a percentage indicator written without "%" (for indicator-unit-mismatch). */
  missing: MissingUnit[];
}

/** What names a figure: the name before it in the sentence, and a count outside the catalogue it was read as. */
interface Naming {
  cur: NameHit | undefined;
  /** No figure was read between the name and this figure. */
  firstAfterName: boolean;
  /** A count named by `cur`, the phrase before it ("Tổng số lượt khám bệnh ... là 162.340 lượt"). */
  counted?: { id: string; unit: string; end?: number };
}

/** The mention a figure of a prose sentence gives, or undefined: its indicator, kind, role, period, place and sub-types. */
function decide(ctx: Ctx, sentence: Sentence, fig: Fig, naming: Naming): Mention | undefined {
  const { r, a, b, figAt, claimed, usedPost, para, seg, missing } = sentence;
  const { cur, firstAfterName, counted } = naming;
  const { cat } = ctx;
  const toks = r.toks;
  const u = fig.unit;
  if (!counted && (u.kind === 'times' || u.kind === 'pp' || u.kind === 'count' || u.kind === 'duration')) return undefined;
  if (u.kind === 'noun' && !(firstAfterName && cur && !cur.synthetic)) return undefined;
  // "đạt 98% kế hoạch", "102% so với chỉ tiêu": a ratio to the plan, not a level of the indicator.
  if (u.kind === 'pct') {
    const nh = hitAt(r, u.end);
    if ((nh?.type === 'qual' && (nh.qual.cat === 'target' || nh.qual.cat === 'prev')) || inW(toks[u.end], W_PLAN)) return undefined;
  }
  // A name right after a percentage: "93,2% dân số tham gia bảo hiểm y tế", "78% số xã ... đạt bộ tiêu chí ...".
  let post: NameHit | undefined;
  let postIdx = -1;
  if (u.kind === 'pct') {
    for (const k of [u.end, u.end + 1]) {
      if (k > u.end && !inW(toks[u.end], COUNTED_NOUN_LEAD)) break;
      const h = hitAt(r, k);
      if (h?.type === 'name' && h.s === k && k < b) {
        post = h.name;
        postIdx = r.hitOf[k];
        break;
      }
    }
  }
  let indId: string | undefined;
  let name: NameHit | undefined;
  if (counted) {
    indId = counted.id;
    name = cur;
  } else if (u.kind === 'per') {
    const byDen = (id: string) => cat.byId.get(id)?.denominator === u.den;
    const cands = [...new Set((u.numInds ?? cat.list.filter((x) => extractable(x) && x.denominator === u.den).map((x) => x.id)).filter(byDen))];
    if (u.numInds && cands.length === 1) indId = cands[0];
    else
      for (const nm of [cur, post]) {
        if (!nm) continue;
        const m = [...new Set(nm.entries.map((e) => e.ind))].filter((id) => cands.includes(id));
        if (m.length === 1) {
          indId = m[0];
          name = nm;
          break;
        }
      }
    if (!indId) return undefined;
    if (name === post && post) usedPost.add(postIdx);
  } else {
    name = post ?? cur;
    if (!name) return undefined;
    // "92%, 97% số hộ ...": a percentage of something named after it belongs to the old name only right after it.
    const nx = toks[u.end];
    if (!post && u.kind === 'pct' && nx?.t === 'w' && !FOLLOW_OK.has(nx.k) && /^\p{Ll}/u.test(nx.raw) && !(firstAfterName && !cur?.synthetic)) return undefined;
    const ids = [...new Set(name.entries.map((e) => e.ind))].filter((id) => extractable(cat.byId.get(id)!));
    const ok = ids.filter((id) => compatible(cat.byId.get(id)!, u, name!, fig, name === cur && firstAfterName));
    if (ok.length !== 1) {
      if (name === cur && u.kind === 'bare' && ids.length === 1 && cat.byId.get(ids[0])?.kind === 'percent' && fig.hi === undefined && fig.value <= 100 && endsClause(toks, fig.last + 1)) {
        missing.push({ ind: ids[0], start: fig.start, end: fig.end, numText: ctx.prose.slice(fig.numStart, fig.numEnd) });
      }
      return undefined;
    }
    indId = ok[0];
    if (name === post) usedPost.add(postIdx);
  }
  const ind = counted ? countIndicator(counted.id, cur!.count!.label) : cat.byId.get(indId)!;

  // Hedges and the marker right before the figure.
  let k = fig.first - 1;
  let hedge: Hedge | undefined;
  while (k >= a) {
    const h = hitAt(r, k);
    if (h?.type === 'qual' && h.qual.cat === 'hedge') {
      hedge ??= h.qual.val as Hedge;
      k = h.s - 1;
      continue;
    }
    break;
  }
  if (fig.hi !== undefined) hedge = undefined;
  let immediate: 'change' | 'level' | 'from' | undefined;
  const hk = hitAt(r, k);
  if (hk?.type === 'qual') {
    if (hk.qual.cat === 'change') immediate = 'change';
    else if (hk.qual.cat === 'level') immediate = 'level';
    else if (hk.qual.cat === 'from') immediate = 'from';
    else if (hk.qual.cat === 'achieved' && /^ước/i.test(hk.qual.label ?? '')) hedge ??= 'estimate';
  }
  // "so với năm 2022 (10,5)", "cùng kỳ năm trước: 10,5"
  let prev = false;
  for (let k2 = k, steps = 0; k2 >= a && steps < 8; steps++) {
    const tk = toks[k2];
    const h = hitAt(r, k2);
    if (!h && (tk.k === '(' || tk.k === ':')) {
      k2--;
      continue;
    }
    if (h?.type === 'period') {
      if (h.ptype === 'cmp') {
        prev = true;
        break;
      }
      k2 = h.s - 1;
      continue;
    }
    if (h?.type === 'qual' && h.qual.cat === 'prev') {
      prev = true;
      break;
    }
    if (h?.type === 'qual' && h.qual.cat === 'weak') {
      k2 = h.s - 1;
      continue;
    }
    break;
  }

  // "cao hơn cùng kỳ năm 2008 (58,2%)": the same part of that year (6 months, a quarter), not the whole year.
  let sameTerm = false;
  if (prev) for (let j = Math.max(a, fig.first - 12); j + 1 < fig.first && !sameTerm; j++) if (inW(toks[j], SAME_WORD) && inW(toks[j + 1], TERM_WORD)) sameTerm = true;
  let kind: MentionKind;
  let kindExplicit = true;
  let cue: string | undefined;
  const isFrom = immediate === 'from';
  if (immediate === 'change' || (name?.verb === 'change' && immediate !== 'level' && !isFrom)) kind = 'change';
  else if (isFrom || prev) kind = 'previous';
  else {
    const s = scanKind(r, k, a, figAt);
    kind = s.kind;
    kindExplicit = s.explicit;
    if (s.at >= 0) cue = wordsOf(ctx.prose, r, s.at, hitAt(r, s.at)?.e ?? s.at + 1);
  }
  // A figure quoted for comparison ("cao hơn mức chung của toàn tỉnh (81,2%)", "vượt kế hoạch (92%)").
  const ref = kind === 'change' ? undefined : readReference(r, fig.first, a, figAt);
  let refPlace: { key: string; label: string } | undefined;
  if (ref) {
    cue = wordsOf(ctx.prose, r, ref.s, ref.e);
    if (ref.role === 'target') {
      kind = 'target';
      kindExplicit = true;
    } else if (ref.role === 'place') {
      refPlace = ref.place;
      if (kind !== 'previous') {
        kind = 'achieved';
        kindExplicit = true;
      }
    }
  }

  // Postfix: what follows the unit up to the next figure, name or clause end.
  const postEnd = postfixEnd(r, u.end, b);
  let period: PeriodSpec | undefined;
  let periodFrom: Mention['periodFrom'];
  let periodBlocked = false;
  let place: { key: string; label: string } | undefined = refPlace;
  const subs = new Map<string, string>();
  const postClaims: number[] = [];
  for (let j = u.end; j < postEnd; j++) {
    const h = hitAt(r, j);
    if (!h) continue;
    const hix = r.hitOf[j];
    if (h.type === 'period' && !period && (h.ptype === 'at' || h.ptype === 'until') && j === firstHitAfter(r, u.end, postEnd)) {
      period = h.spec;
      periodFrom = 'sentence';
      postClaims.push(hix);
    } else if (h.type === 'place' && !place) {
      place = { key: h.key, label: h.label };
      postClaims.push(hix);
    } else if (h.type === 'sub') {
      // "66,9 tuổi (nam 64,2 tuổi, nữ 69,8 tuổi)": a sub-type right before the next figure is that figure's.
      if (labelsNextFigure(r, h.e)) break;
      const c = subCat(h.sub);
      if (!subs.has(c)) subs.set(c, h.sub);
      postClaims.push(hix);
    } else if (h.type === 'qual' && h.qual.cat === 'othertime' && !period) {
      // "40/100.000 trẻ đẻ sống những năm gần đây": another, unnamed time.
      periodBlocked = true;
    }
    j = h.e - 1;
  }
  // Prefix: the nearest visible qualifier before the figure in the sentence.
  let subsetAt = -1;
  let seenSubOrPlaceAfterSubset = false;
  // Places and sub-types do not carry across ";" from one list item to the next, only from the sentence's lead-in.
  let leadEnd = b;
  for (let j = a; j < Math.min(b, a + WINDOW); j++)
    if (toks[j].k === ';' || (toks[j].k === ':' && r.hitOf[j] < 0)) {
      leadEnd = j;
      break;
    }
  let crossed = false;
  let nowStop = false;
  for (let j = fig.first - 1; j >= Math.max(a, fig.first - WINDOW); j--) {
    if (toks[j].k === ';') crossed = true;
    const hix = r.hitOf[j];
    if (hix < 0) continue;
    const h = r.hits[hix];
    j = h.s;
    if (claimed.has(hix) || !visibleFrom(r, h.s, fig.first)) continue;
    if (crossed && h.type !== 'period' && (h.type !== 'place' || h.e > leadEnd)) continue;
    if (h.type === 'qual' && h.qual.cat === 'othertime' && !period && !nowStop) {
      // "Trước đây, tỷ lệ ... chỉ đạt 60%": not the report's year, and no other year named.
      periodBlocked = true;
    } else if (h.type === 'qual' && h.qual.cat === 'achieved' && /^(đến nay|hiện nay|hiện)$/i.test(h.qual.label ?? '') && !period) {
      // "..., đến nay đạt 32": now, not the period named earlier in the sentence.
      periodBlocked = true;
      nowStop = true;
    } else if (h.type === 'period' && !period && !periodBlocked) {
      if (h.ptype === 'at' || h.ptype === 'until') {
        if (isFrom) periodBlocked = true;
        else {
          period = h.spec;
          periodFrom = 'sentence';
        }
      } else if (h.ptype === 'from') {
        if (isFrom) {
          period = h.spec;
          periodFrom = 'sentence';
        } else periodBlocked = true;
      } else if (h.ptype === 'cmp' && kind === 'previous') {
        period = h.spec;
        periodFrom = 'sentence';
      }
    } else if (h.type === 'place' && !place) {
      // "So với toàn tỉnh, tỷ lệ ... của huyện đạt 86,4%": the place compared with is not this figure's.
      if (!ref && comparedPlace(r, h.s, a)) continue;
      place = { key: h.key, label: h.label };
      if (subsetAt < 0) seenSubOrPlaceAfterSubset = true;
    } else if (h.type === 'sub') {
      const c = subCat(h.sub);
      if (!subs.has(c)) subs.set(c, h.sub);
      if (subsetAt < 0) seenSubOrPlaceAfterSubset = true;
    } else if (h.type === 'qual' && h.qual.cat === 'subset' && subsetAt < 0) {
      // "một số khoa của bệnh viện tuyến tỉnh (... trên 120%)": some of them, whatever place follows.
      if (h.qual.val === 'some') subs.set('subset', 'subset:một số');
      else subsetAt = h.s;
    }
  }
  if (subsetAt >= 0 && !seenSubOrPlaceAfterSubset) {
    const words = toks.slice(subsetAt, Math.min(subsetAt + 5, fig.first)).filter((x) => x.t === 'w');
    subs.set('subset', 'subset:' + words.map((x) => (x as { raw: string }).raw.toLowerCase()).join(' '));
  }
  if (nowStop) periodBlocked = false;
  if (!period && !periodBlocked && !nowStop) {
    if (kind === 'previous') periodBlocked = true;
    else if (para.period) {
      period = para.period;
      periodFrom = 'paragraph';
    }
  }
  for (const c of postClaims) claimed.add(c);

  // "Tại các trạm y tế xã, tổng số lượt khám bệnh là ...": that facility's count, not the document's.
  if (counted && cur) {
    const at = locativeLead(r, a, cur.s);
    if (at) subs.set('unit', 'unit:' + at);
  }
  // "trẻ em dưới 1 tuổi" is part of what the indicator is (tiêm chủng đầy đủ, IMR): not a sub-type.
  if (ind.age && subs.get('age') === 'age:' + ind.age) subs.delete('age');
  const numText = ctx.prose.slice(fig.numStart, fig.numEnd);
  const writtenPer = u.kind === 'pct' || u.kind === 'per' ? u.per : name?.per;
  return {
    ind: ind.id,
    segment: seg,
    start: fig.start,
    end: fig.end,
    numStart: fig.numStart,
    numEnd: fig.numEnd,
    raw: ctx.prose.slice(fig.start, fig.end),
    numText,
    unitText: counted?.end !== undefined ? ctx.prose.slice(fig.end, toks[counted.end - 1].e).trim() : u.end > fig.last + 1 ? ctx.prose.slice(fig.end, toks[u.end - 1].e).trim() : '',
    value: fig.value,
    hi: fig.hi,
    decimals: fig.decimals,
    per: writtenPer,
    hedge,
    kind,
    kindExplicit,
    period,
    periodFrom,
    periodBlocked: periodBlocked || undefined,
    place: place?.key,
    placeLabel: place?.label,
    sub: [...subs.values()].sort(),
    unitExplicit: u.kind !== 'bare' || writtenPer !== undefined,
    ref: ref?.role,
    cue,
    sameTerm: sameTerm || undefined,
    countLabel: counted ? cur!.count!.label : undefined,
  };
}

/**
 * A figure of the count named by `name`: a count unit right after it that fits
 * the phrase ("162.340 lượt"), nothing else of substance after the unit ("3 ca
 * tử vong" is another count), or a bare figure right after a phrase that has
 * its unit ("Số lượt khám bệnh: 162.340."). Its identity, or undefined.
 */
function countFigure(r: Reading, fig: Fig, name: NameHit, firstAfterName: boolean, b: number): { id: string; unit: string; end?: number } | undefined {
  const toks = r.toks;
  const t = toks[fig.first];
  if (!isN(t) || t.num.kind !== 'number' || t.num.scale || t.num.percent || fig.hi !== undefined) return undefined;
  const phrase = name.count!;
  const cu = countUnitAt(toks, fig.last + 1);
  let next: number;
  if (cu) {
    next = cu.end;
    // "1.236 ca mắc", "12.480 ca phẫu thuật": the phrase's own words may be said again.
    let k = 0;
    while (next < b && k < phrase.words.length && toks[next].k === phrase.words[k]) {
      next++;
      k++;
    }
    if (k === 0 && toks[next]?.k === MAC) next++;
    // "270 lượt/ngày", "3 lượt/người/năm": a rate, not the count.
    if (toks[next]?.k === '/') return undefined;
  } else {
    if (!firstAfterName || name.synthetic || phrase.unit === undefined) return undefined;
    next = fig.last + 1;
  }
  const nx = toks[next];
  if (next < b && nx && !(nx.t === 'p' || nx.t === 'nl' || r.hitOf[next] >= 0 || (nx.t === 'w' && FOLLOW_OK.has(nx.k)))) return undefined;
  const id = countIdOf(phrase, cu?.unit);
  return id && cu ? { ...id, end: cu.end } : id;
}
const MAC = K('mắc');
const LOCATIVE = wordSet('tại', 'ở');

/**
 * The words after "tại"/"ở" before a count's phrase in its sentence ("Tại các
 * trạm y tế xã, tổng số lượt khám ..."), lower case, or undefined. A named place
 * there is read as a place (a hit), not as these words.
 */
function locativeLead(r: Reading, a: number, nameStart: number): string | undefined {
  const toks = r.toks;
  for (let j = Math.max(a, nameStart - 12); j < nameStart; j++) {
    if (!inW(toks[j], LOCATIVE) || r.hitOf[j] >= 0) continue;
    const words: string[] = [];
    for (let k = j + 1; k < nameStart && words.length < 5; k++) {
      const t = toks[k];
      if (t.t !== 'w' || r.hitOf[k] >= 0) break;
      words.push(t.raw.toLowerCase().normalize('NFC'));
    }
    if (words.length) return words.join(' ');
  }
  return undefined;
}

/** The prose of tokens [s, e) as written (for messages: the words that decided). */
function wordsOf(prose: string, r: Reading, s: number, e: number): string | undefined {
  if (s < 0 || e <= s || e > r.toks.length) return undefined;
  const text = prose.slice(r.toks[s].s, r.toks[e - 1].e).replace(/\s+/g, ' ').replace(/[\s(:]+$/, '');
  return text.length > 80 ? text.slice(0, 79) + '…' : text || undefined;
}

// Comparison words: the figure after them (with words between) is the other side of the comparison.
const COMPARATORS = new Set(['cao hơn', 'thấp hơn', 'vượt', 'vượt mức', 'hơn so với', 'so với', 'so cùng kỳ', 'chênh lệch', 'bằng'].map((w) => K(w)));
// (Not 'với' alone: "63,2 tuổi với nam giới và 70 tuổi ở nữ giới" compares nothing.)
const COMPARATOR_WORDS = wordSet('kém', 'tương', 'đương', 'sánh');
// Words that may stand between a comparison and its object ("cao hơn mức chung của toàn tỉnh", "so với tỷ lệ của tỉnh").
const OBJECT_GLUE = wordSet('của', 'mức', 'với', 'tỷ', 'tỉ', 'lệ', 'chung', 'nhiều', 'một', 'chút', 'đáng', 'kể', 'các', 'số', 'giá', 'trị');

function isComparator(r: Reading, k: number): { s: number } | undefined {
  const h = hitAt(r, k);
  if (h?.type === 'qual' && (h.qual.cat === 'change' || h.qual.cat === 'prev' || h.qual.cat === 'weak') && COMPARATORS.has(K(h.qual.label ?? ''))) return { s: h.s };
  const t = r.toks[k];
  if (!h && t?.t === 'w' && inW(t, COMPARATOR_WORDS)) return { s: k };
  return undefined;
}

/** Is the place hit at `s` the object of a comparison ("so với toàn tỉnh", "cao hơn mức chung của cả nước")? */
function comparedPlace(r: Reading, s: number, a: number): boolean {
  for (let k = s - 1, n = 0; k >= a && n < 5; k--, n++) {
    const h = hitAt(r, k);
    if (isComparator(r, k)) return true;
    if (h?.type === 'qual' && h.qual.cat === 'average') {
      k = h.s;
      continue;
    }
    if (!h && inW(r.toks[k], OBJECT_GLUE)) continue;
    return false;
  }
  return false;
}

interface Reference {
  role: RefRole;
  place?: { key: string; label: string };
  /** The tokens that decided [s, e): the comparison and its object. */
  s: number;
  e: number;
}

/**
 * Is the figure at token `f` quoted as the other side of a comparison or as a
 * norm? Read backwards inside its clause: a comparison word with an object
 * between it and the figure ("cao hơn mức chung của toàn tỉnh (81,2%)",
 * "vượt kế hoạch (92%)", "thấp hơn bình quân cả nước (13,9‰)"), a norm
 * ("theo khuyến cáo của WHO, ... là 105"), or someone's average with no
 * place named ("bình quân chung là 81,2%"). A verb of achievement ("đạt"),
 * another indicator's name or the sentence's own figure ends the search.
 */
function readReference(r: Reading, f: number, a: number, figAt: Map<number, Mention>): Reference | undefined {
  const toks = r.toks;
  let place: { key: string; label: string } | undefined;
  let target = -1;
  let period = -1;
  let average = -1;
  let norm = -1;
  let words = 0;
  // A closing bracket right before the figure: "(81,2%)" opened by the words before it.
  for (let k = f - 1; k >= Math.max(a, f - 40); k--) {
    const t = toks[k];
    if (t.k === ';' || t.t === 'nl') break;
    const m = figAt.get(k);
    if (m) {
      // "cao hơn toàn tỉnh (81,2%) và cả nước (80,0%)": a list of references.
      if (m.ref && m.ref !== 'norm') {
        if (place) return { role: 'place', place, s: k + 1, e: f };
        if (target >= 0) return { role: 'target', s: target, e: f };
        return { role: m.ref === 'target' ? 'target' : 'unknown', s: k, e: f };
      }
      break;
    }
    if (isN(t)) break;
    const h = hitAt(r, k);
    if (h) {
      if (h.type === 'name') break;
      if (h.type === 'qual' && h.qual.cat === 'norm') norm = h.s;
      else if (h.type === 'qual' && h.qual.cat === 'average') average = h.s;
      // The object of a comparison: "vượt kế hoạch (92%)" quotes the plan even though "vượt kế hoạch" says the own figure was achieved.
      else if (h.type === 'qual' && h.qual.cat === 'target' && targetValidity(r, h) !== 'neutral') target = h.s;
      else if (h.type === 'period' || (h.type === 'qual' && h.qual.cat === 'prev' && !isComparator(r, k))) period = h.s;
      else if (h.type === 'place' && !place && visibleFrom(r, h.s, f)) place = { key: h.key, label: h.label };
      const cmp = isComparator(r, h.s);
      if (cmp) {
        // Words between the comparison and the figure name its object; none: a change ("vượt 2%").
        if (h.e >= f || (words === 0 && !place && target < 0 && period < 0 && average < 0 && norm < 0)) return undefined;
        if (norm >= 0) return { role: 'norm', s: cmp.s, e: f };
        if (target >= 0) return { role: 'target', s: cmp.s, e: f };
        if (place) return { role: 'place', place, s: cmp.s, e: f };
        if (period >= 0) return { role: 'period', s: cmp.s, e: f };
        return { role: 'unknown', s: cmp.s, e: f };
      }
      if (h.type === 'qual' && (h.qual.cat === 'achieved' || (h.qual.cat === 'weak' && inW(toks[h.s], REACH_VERB)))) break;
      k = h.s;
      continue;
    }
    if (t.t === 'w') {
      if (isComparator(r, k)) {
        if (words === 0 && !place && target < 0 && average < 0 && norm < 0) return undefined;
        if (norm >= 0) return { role: 'norm', s: k, e: f };
        if (target >= 0) return { role: 'target', s: k, e: f };
        if (place) return { role: 'place', place, s: k, e: f };
        return { role: period >= 0 ? 'period' : 'unknown', s: k, e: f };
      }
      words++;
    }
  }
  if (norm >= 0) return { role: 'norm', s: norm, e: f };
  if (average >= 0 && !place) return { role: 'unknown', s: average, e: f };
  return undefined;
}

/** Does a figure follow at `j` (after "là", "đạt", ":")? */
function labelsNextFigure(r: Reading, j: number): boolean {
  let k = j;
  if (r.toks[k]?.k === ':' || inW(r.toks[k], W_LABEL_VERB)) k++;
  const h = hitAt(r, k);
  if (h?.type === 'qual' && h.qual.cat === 'hedge') k = h.e;
  return isN(r.toks[k]) && figureLike(r.toks[k]);
}
const W_LABEL_VERB = wordSet('là', 'đạt', 'chiếm', 'có');

function subCat(sub: string): string {
  return sub.slice(0, sub.indexOf(':'));
}

function firstHitAfter(r: Reading, from: number, to: number): number {
  let paren = -1;
  for (let j = from; j < to; j++) {
    if (r.hitOf[j] >= 0) {
      // "(2011)" right after the figure is its year; "(năm 2022 là 22,3%)" is an aside about another figure.
      if (paren >= 0) {
        const h = r.hits[r.hitOf[j]];
        if (r.toks[h.e]?.k !== ')') return -1;
      }
      return j;
    }
    const t = r.toks[j];
    if (t.t === 'w' && inW(t, W_POSTFIX_SKIP)) continue;
    if (t.k === '(' && paren < 0) {
      paren = j;
      continue;
    }
    return -1;
  }
  return -1;
}

/** End of a figure's postfix: the next figure, name, clause punctuation or conjunction. */
function postfixEnd(r: Reading, from: number, b: number): number {
  for (let j = from; j < b; j++) {
    const t = r.toks[j];
    const h = hitAt(r, j);
    if (h?.type === 'name') return j;
    if (t.k === ',' || t.k === ';' || t.k === ':' || t.t === 'nl') return j;
    if (isN(t) && !h) return j;
    if (t.t === 'w' && !h && inW(t, CLAUSE_LINKS) && !inW(r.toks[j + 1], YEAR_WORD)) return j;
    if (h) j = h.e - 1;
  }
  return b;
}

function endsClause(toks: readonly Tok[], j: number): boolean {
  const t = toks[j];
  if (!t || t.t === 'nl') return true;
  if (t.t === 'p') return [',', ';', '.', ')', ':', '!', '?'].includes(t.k);
  return t.t === 'w' && inW(t, AND_WORD);
}

/**
 * The kind, from the markers before the figure in its sentence: the nearest
 * strong marker (thực hiện, hoàn thành / kế hoạch, mục tiêu, phấn đấu) decides;
 * a figure listed after another one takes that one's kind ("phấn đấu đạt 13
 * bác sĩ/vạn dân; 95% dân số tham gia bảo hiểm y tế").
 */
function scanKind(r: Reading, from: number, a: number, figAt: Map<number, Mention>): { kind: MentionKind; explicit: boolean; at: number } {
  for (let k = from; k >= Math.max(a, from - WINDOW); k--) {
    // An aside "(kế hoạch 11)" before the figure does not set its kind.
    const open = r.openOf.get(k);
    if (open !== undefined && open >= a) {
      k = open;
      continue;
    }
    const m = figAt.get(k);
    // A reference quoted before ("vượt kế hoạch (92%)") does not pass its kind on.
    if (m && !m.ref && (m.kind === 'achieved' || m.kind === 'target')) return { kind: m.kind, explicit: m.kindExplicit, at: -1 };
    const h = hitAt(r, k);
    if (!h) continue;
    if (h.type === 'qual') {
      if (h.qual.cat === 'achieved') return { kind: 'achieved', explicit: true, at: h.s };
      if (h.qual.cat === 'target') {
        const v = targetValidity(r, h);
        if (v === 'target') return { kind: 'target', explicit: true, at: h.s };
        if (v === 'achieved') return { kind: 'achieved', explicit: true, at: h.s };
      }
    }
    k = h.s;
  }
  return { kind: 'achieved', explicit: false, at: -1 };
}

/** "chỉ tiêu" is a target unless it is "các chỉ tiêu", "3/3 chỉ tiêu", "đạt/vượt/hoàn thành chỉ tiêu", "kế hoạch hóa". */
function targetValidity(r: Reading, h: Hit): 'target' | 'achieved' | 'neutral' {
  const toks = r.toks;
  // "10/12 chỉ tiêu kế hoạch", "đạt chỉ tiêu kế hoạch": a run of target words is judged by what precedes the run.
  const before = hitAt(r, h.s - 1);
  if (before?.type === 'qual' && before.qual.cat === 'target') return targetValidity(r, before);
  let k = h.s - 1;
  while (k >= 0 && inW(toks[k], AUX_BEFORE_TARGET)) k--;
  const p = toks[k];
  const ph = hitAt(r, k);
  if (ph?.type === 'qual' && (ph.qual.cat === 'achieved' || (ph.qual.cat === 'weak' && inW(toks[ph.s], REACH_VERB)) || (ph.qual.cat === 'change' && inW(toks[ph.s], EXCEED_VERB)))) return 'achieved';
  if (ph?.type === 'qual' && ph.qual.cat === 'prev') return 'neutral';
  if (isN(p) || inW(p, PLURAL_OR_GENERIC)) return 'neutral';
  const nx = toks[h.e];
  if (inW(nx, HOA_SUFFIX)) return 'neutral';
  // "Chỉ tiêu số bác sĩ/vạn dân: ..." opening a sentence names the indicator (chỉ tiêu = indicator), not a target.
  const nh = hitAt(r, h.e);
  const opens = h.s === 0 || toks[h.s - 1].k === '.' || toks[h.s - 1].k === '\n' || toks[h.s - 1].k === '-';
  if (nh?.type === 'name' && h.e - h.s === 2 && inW(toks[h.s], CHI_WORD) && opens) return 'neutral';
  // "Chỉ tiêu chưa đạt: tỷ lệ ... đạt 93,2%", "Chỉ tiêu vượt:": a heading word of a list of indicators by result, not a target.
  if (h.e - h.s === 2 && inW(toks[h.s], CHI_WORD) && opens) {
    let k2 = h.e;
    while (k2 < h.e + 3 && toks[k2]?.t === 'w') k2++;
    if (k2 > h.e && toks[k2]?.k === ':' && toks.slice(h.e, k2).some((t) => inW(t, REACH_VERB) || inW(t, EXCEED_VERB))) return 'neutral';
  }
  return 'target';
}

/** Several different values with the same qualifiers in one sentence: an enumeration we cannot tell apart. */
function markAmbiguous(cat: Catalogue, ms: Mention[]): void {
  if (ms.length < 2) return;
  const groups = new Map<string, Mention[]>();
  for (const m of ms) {
    if (m.kind === 'change' || m.ref === 'norm' || m.ref === 'unknown') continue;
    const k = [m.ind, m.kind, periodKeyLocal(m), m.place ?? '', m.sub.join('+')].join('|');
    const g = groups.get(k);
    if (g) g.push(m);
    else groups.set(k, [m]);
  }
  for (const g of groups.values()) {
    if (g.length < 2) continue;
    const ind = indicatorOf(cat, g[0]);
    const iv = g.map((m) => intervalOf(m, factorOf(ind, m)));
    let clash = false;
    for (let x = 1; x < iv.length && !clash; x++) if (!overlaps(iv[0], iv[x])) clash = true;
    if (clash) for (const m of g) m.ambiguous = true;
  }
}

function periodKeyLocal(m: Mention): string {
  return m.periodBlocked ? 'blocked' : m.period ? specKey(m.period) : '';
}

// A period's JSON, made once per period object (periods are shared by the
// mentions of a sentence or a table column and never changed once read).
const specKeys = new WeakMap<PeriodSpec, string>();
function specKey(p: PeriodSpec): string {
  let k = specKeys.get(p);
  if (k === undefined) specKeys.set(p, (k = JSON.stringify(p)));
  return k;
}

/** The indicator of a mention: the catalogue's, or the one standing for its count phrase. */
export function indicatorOf(cat: Catalogue, m: Mention): Indicator {
  return cat.byId.get(m.ind) ?? countIndicator(m.ind, m.countLabel);
}

/** Factor from the written base to the catalogue unit (14 per 10.000 = 140 per 100.000). */
export function factorOf(ind: Indicator, m: { per?: number }): number {
  const native = ind.per ?? (ind.kind === 'percent' ? 100 : ind.kind === 'permille' ? 1000 : undefined);
  if (!native || !m.per) return 1;
  return native / m.per;
}

// ---------------------------------------------------------------------------
// Headings and captions

/** "chỉ tiêu" (indicator or target) in a heading: a target only as "Chỉ tiêu năm 2025", "Chỉ tiêu được giao". */
function isChiTieu(r: Reading, h: Hit): boolean {
  return h.e - h.s === 2 && inW(r.toks[h.s], W_CHI);
}
function headingTarget(r: Reading, h: Hit): boolean {
  const nx = hitAt(r, h.e);
  return nx?.type === 'period' || inW(r.toks[h.e], W_GIAO) || (inW(r.toks[h.e], W_DUOC) && inW(r.toks[h.e + 1], W_GIAO));
}
const W_CHI = wordSet('chỉ');
const W_POSTFIX_SKIP = wordSet('vào', 'trong', 'của', 'tại', 'ở');
const W_PLAN = wordSet('kh', 'so');
const W_GIAO = wordSet('giao');
const W_DUOC = wordSet('được');

// "báo cáo kết quả" is three words: as a pair of two folded words it never matches (kept as it was).
const HEAD_ACHIEVED = pairSet(['tình hình', 'đánh giá', 'tổng kết', 'sơ kết', 'thực trạng', 'báo cáo kết quả']);
const HEAD_TARGET = pairSet(['phương hướng', 'nhiệm vụ', 'giải pháp']);

/** What a heading, caption or header says: one period, a kind, a place. */
export function contextOf(r: Reading, heading: boolean): Context {
  const out: Context = {};
  const periods = new Map<string, PeriodSpec>();
  let achieved = false;
  let target = false;
  for (const h of r.hits) {
    if (h.type === 'period' && (h.ptype === 'at' || h.ptype === 'until')) periods.set(specKey(h.spec), h.spec);
    else if (h.type === 'qual' && h.qual.cat === 'achieved') achieved = true;
    else if (h.type === 'qual' && h.qual.cat === 'target' && (!heading || !isChiTieu(r, h) || headingTarget(r, h))) {
      const v = targetValidity(r, h);
      if (v === 'target') target = true;
      else if (v === 'achieved') achieved = true;
    } else if (h.type === 'place' && !out.place) {
      if (!heading || h.key === 'national' || /^place:/.test(h.key) || /^level:/.test(h.key)) out.place = { key: h.key, label: h.label };
    }
  }
  for (let i = 0; i + 1 < r.toks.length; i++) {
    const a = r.toks[i].k;
    const b = r.toks[i + 1].k;
    if (inPairs(HEAD_ACHIEVED, a, b)) achieved = true;
    if (inPairs(HEAD_TARGET, a, b)) target = true;
  }
  if (periods.size === 1) out.period = [...periods.values()][0];
  out.kind = achieved ? 'achieved' : target ? 'target' : undefined;
  return out;
}

// ---------------------------------------------------------------------------
// Tables: a row names the indicator and the column header gives the year or
// kind ("Thực hiện 2023", "Kế hoạch 2024"), or the other way round.

const UNIT_HEADERS = new Set(['đvt', 'đơn vị tính', 'dvt', 'đơn vị tính (đvt)'].map((w) => lexString(w).map((t) => t.k).join(' ')));
const FILLER = new Set(
  ['năm', 'cả', 'số', 'liệu', 'giá', 'trị', 'ghi', 'chú', 'tt', 'stt', 'nội', 'dung', 'chỉ', 'tiêu', 'đơn', 'vị', 'tính', 'kết', 'quả', 'chung', 'tổng', 'cộng', 'the', 'value'].map((w) => K(w)),
);

interface Cell {
  seg: number;
  row: number;
  col: number;
  r: Reading;
}

function extractTable(ctx: Ctx, block: Block, readings: Reading[], segs: number[], tableId: number, out: Mention[], caption: Context | undefined): void {
  const cells: Cell[] = segs.map((s) => ({ seg: s, row: block.segments[s].table!.row, col: block.segments[s].table!.col, r: readings[s] }));
  const header = new Map<number, Cell>();
  const rows = new Map<number, Cell[]>();
  for (const c of cells) {
    if (c.row === 0) header.set(c.col, c);
    else {
      const l = rows.get(c.row);
      if (l) l.push(c);
      else rows.set(c.row, [c]);
    }
  }
  let unitCol = -1;
  for (const [col, c] of header) if (UNIT_HEADERS.has(c.r.toks.filter((t) => t.t === 'w' || t.k === '(' || t.k === ')').map((t) => t.k).join(' '))) unitCol = col;
  const headerCtx = new Map<number, HeaderInfo>();
  for (const [col, c] of header) headerCtx.set(col, withColumnRole(headerInfo(c.r), ctx.prose.slice(block.segments[c.seg].start, block.segments[c.seg].end)));
  const made: { m: Mention; ctxKey: string }[] = [];

  for (const [, rowCells] of rows) {
    rowCells.sort((x, y) => x.col - y.col);
    // The row label: the first cell that is not a lone figure (a numbering cell "1", "I" is skipped; a year "2023" is a label).
    const label = rowCells.find((c) => c.col !== unitCol && !loneFigure(c.r) && !romanNumbering(c.r.toks));
    if (!label) continue;
    const unitCell = unitCol >= 0 ? rowCells.find((c) => c.col === unitCol) : undefined;
    let rowName = label.r.hits.find((h): h is Extract<Hit, { type: 'name' }> => h.type === 'name')?.name;
    if (!rowName && unitCell) {
      // "Số bác sĩ | Bác sĩ/vạn dân": the head noun in the label, the denominator in the unit column.
      const u = unitCell.r.hits.find((h): h is Extract<Hit, { type: 'name' }> => h.type === 'name')?.name;
      if (u?.per && label.r.toks.some((_, k) => ctx.cat.numerators.match(label.r.toks, k)?.values.some((id) => u.entries.some((e) => e.ind === id)))) rowName = u;
    }
    const rowUnit = unitFromText(label.r, unitCell?.r);
    const rowInfo = headerInfo(label.r);
    for (const c of rowCells) {
      if (c === label || c.col === unitCol || c.col < label.col) continue;
      const fig = loneFigure(c.r);
      if (!fig) continue;
      const hdr = headerCtx.get(c.col);
      let name = rowName;
      let qual: HeaderInfo | undefined = hdr;
      let own: HeaderInfo | undefined = rowInfo;
      let unit = rowUnit;
      if (!name && hdr?.name) {
        name = hdr.name;
        qual = rowInfo;
        own = hdr;
        unit = hdr.unit;
      }
      if (!name || !qual || qual.comparison) continue;
      let countId: { id: string; unit: string } | undefined;
      if (name.count) {
        // A count is read only where the other axis says which value it is: a column "TH 2024", "KH 2025", "Năm 2023",
        // "6 tháng" for a row naming it; the total row ("Tổng số", "Toàn tỉnh") or a year row for a column naming it.
        const fromRow = name === rowName;
        if (fromRow ? !(hdr?.period || hdr?.kind) : !(rowInfo.period || totalRow(label.r))) continue;
        countId = tableCountId(name, fromRow ? label.r : header.get(c.col)?.r, fromRow ? unitCell?.r : undefined);
        if (!countId) continue;
      }
      // The other axis qualifies the figure; what the indicator's own cell says (a year, a place) applies too.
      qual = mergeInfo(qual, own);
      const m = countId ? countMention(ctx, c, fig, countId.id, name.count!.label, qual) : tableMention(ctx, c, fig, name, unit, qual);
      if (m) {
        m.tableId = tableId;
        // Say why: the column header (or row label) that gave the kind and period.
        const hc = name === rowName ? header.get(c.col) : label;
        if (hc && hc.r.toks.length) m.cue = wordsOf(ctx.prose, hc.r, 0, hc.r.toks.length);
        // A caption in the same block ("Bảng 3. ... năm 2023" right above the table).
        if (!m.period && caption?.period) {
          m.period = caption.period;
          m.periodFrom = 'table';
        }
        if (!m.kindExplicit && caption?.kind) {
          m.kind = caption.kind;
          m.kindExplicit = true;
        }
        if (caption?.unit && countId) m.sub = [...m.sub, 'unit:' + caption.unit].sort();
        made.push({ m, ctxKey: [m.ind, m.kind, m.period ? specKey(m.period) : 'null', m.place ?? '', m.sub.join('+')].join('|') });
      }
    }
  }
  // The same indicator in two rows (or columns) with the same qualifiers and different values: sections we cannot see.
  const groups = new Map<string, Mention[]>();
  for (const x of made) {
    const g = groups.get(x.ctxKey);
    if (g) g.push(x.m);
    else groups.set(x.ctxKey, [x.m]);
  }
  for (const g of groups.values()) {
    if (g.length < 2) continue;
    const ind = indicatorOf(ctx.cat, g[0]);
    const iv = g.map((m) => intervalOf(m, factorOf(ind, m)));
    if (iv.some((x) => !overlaps(iv[0], x))) for (const m of g) m.ambiguous = true;
  }
  for (const x of made) out.push(x.m);
}

/** A numbering cell "I", "IV." (the cell's tokens written together). */
function romanNumbering(toks: readonly Tok[]): boolean {
  // Only words and a final "." can spell it: test the joined text only then.
  for (let k = 0; k < toks.length; k++) if (toks[k].t !== 'w' && !(k === toks.length - 1 && toks[k].k === '.')) return false;
  return /^[IVXLivxl]+\.?$/.test(toks.map((t) => (t.t === 'w' ? t.raw : t.k)).join(''));
}

interface HeaderInfo {
  name?: NameHit;
  unit?: { pct?: number; per?: number };
  period?: PeriodSpec;
  kind?: MentionKind;
  place?: { key: string; label: string };
  sub: string[];
  comparison: boolean;
}

const SEX_HEADERS = new Map([
  [K('nam'), 'sex:nam'],
  [K('nữ'), 'sex:nữ'],
]);
const HDR_TARGET = new Set(['kh', 'ct'].map((w) => K(w)));
const HDR_ACHIEVED = new Set(['th', 'tt'].map((w) => K(w)));

function headerInfo(r: Reading): HeaderInfo {
  const info: HeaderInfo = { sub: [], comparison: false };
  const c = contextOf(r, false);
  info.period = c.period;
  info.kind = c.kind;
  info.place = c.place;
  const leftover: string[] = [];
  for (let i = 0; i < r.toks.length; i++) {
    const t = r.toks[i];
    const h = hitAt(r, i);
    if (h) {
      if (h.type === 'name' && !info.name) info.name = h.name;
      if (h.type === 'sub') info.sub.push(h.sub);
      if (h.type === 'qual' && (h.qual.cat === 'change' || h.qual.cat === 'prev')) {
        if (h.qual.cat === 'prev') info.kind = 'previous';
        else info.comparison = true;
      }
      if (h.type === 'qual' && h.qual.cat === 'weak' && inW(r.toks[h.s], SO_WORD)) info.comparison = true;
      i = h.e - 1;
      continue;
    }
    if (t.t === 'w') {
      if (HDR_TARGET.has(t.k)) info.kind = 'target';
      else if (HDR_ACHIEVED.has(t.k)) info.kind ??= 'achieved';
      else if (inW(t, SO_WORD) || inW(t, CHENH_WORD)) info.comparison = true;
      else if (!FILLER.has(t.k) && !/^[IVXLivxl]+$/.test(t.raw)) leftover.push(t.k);
    }
    if (t.t === 'p' && (t.k === '%' || t.k === '‰')) info.unit = { pct: t.k === '%' ? 100 : 1000 };
    if (t.k === '/' && HDR_ACHIEVED.has(r.toks[i - 1]?.k ?? '') && HDR_TARGET.has(r.toks[i + 1]?.k ?? '')) info.comparison = true;
  }
  if (info.name?.per) info.unit = { per: info.name.per };
  // A bare "%" or "Tỷ lệ (%)" column beside values is a ratio to plan or year, not a level.
  if (!info.name && info.unit?.pct && !info.period) info.comparison = true;
  // A column "Nam" / "Nữ" is the sex, as "nam giới" / "nữ giới" in prose.
  if (leftover.length === 1 && SEX_HEADERS.has(leftover[0])) info.sub.push(SEX_HEADERS.get(leftover[0])!);
  else if (leftover.length && !info.name) info.sub.push('col:' + leftover.join(' '));
  return info;
}

const HALF: Record<string, PeriodSpec> = { H1: { months: 6 }, '9M': { months: 9 }, Q1: { quarter: 1 }, Q2: { quarter: 2 }, Q3: { quarter: 3 }, Q4: { quarter: 4 } };

/**
 * What the column header says by its role (columns.ts) when the words read
 * as in prose did not say it: "6 tháng", "Quý II", "6 tháng/2008" give their
 * part of the year; "% so KH năm", "Tăng/giảm" are ratios or changes of other
 * cells, never values of the row.
 */
function withColumnRole(info: HeaderInfo, text: string): HeaderInfo {
  if (info.name || info.comparison) return info;
  const cr = readColumnHeader(text);
  if (cr.role === 'ratio' || cr.role === 'change') return { ...info, comparison: true };
  if (info.period || !cr.period || !HALF[cr.period] || (cr.years && cr.years.length > 1)) return info;
  const period: PeriodSpec = { ...HALF[cr.period] };
  if (cr.year !== undefined) period.year = cr.year;
  return { ...info, period, kind: info.kind ?? (cr.role === 'target' ? 'target' : cr.role === 'previous' ? 'previous' : undefined), sub: info.sub.filter((x) => !x.startsWith('col:')) };
}

function mergeInfo(main: HeaderInfo, own: HeaderInfo | undefined): HeaderInfo {
  if (!own) return main;
  return {
    ...main,
    period: main.period ?? own.period,
    kind: main.kind ?? own.kind,
    place: main.place ?? own.place,
    // (Most cells: no sub-type of their own, and at most one on the other axis: nothing to merge.)
    sub: main.sub.length <= 1 && own.sub.every((x) => x.startsWith('col:')) ? main.sub : [...new Set([...main.sub, ...own.sub.filter((x) => !x.startsWith('col:'))])],
  };
}

function unitFromText(label: Reading, unitCell: Reading | undefined): { pct?: number; per?: number } | undefined {
  for (const r of [unitCell, label]) {
    if (!r) continue;
    for (const t of r.toks) if (t.t === 'p' && (t.k === '%' || t.k === '‰')) return { pct: t.k === '%' ? 100 : 1000 };
    const name = r.hits.find((h): h is Extract<Hit, { type: 'name' }> => h.type === 'name')?.name;
    if (name?.per) return { per: name.per };
    for (const h of r.hits) if (h.type === 'unit') return undefined;
  }
  return undefined;
}

interface LoneFig extends Fig {
  hedge?: Hedge;
}

/** A cell that is just a figure: "12,5", "~ 95%", "2,0 - 2,1", "12,5 bác sĩ/vạn dân". */
function loneFigure(r: Reading): LoneFig | undefined {
  const toks = r.toks;
  let i = 0;
  let hedge: Hedge | undefined;
  while (i < toks.length) {
    const h = hitAt(r, i);
    if (h?.type === 'qual' && h.qual.cat === 'hedge') {
      hedge ??= h.qual.val as Hedge;
      i = h.e;
      continue;
    }
    if (h?.type === 'qual' && h.qual.cat === 'achieved' && /^ước/i.test(h.qual.label ?? '')) {
      hedge ??= 'estimate';
      i = h.e;
      continue;
    }
    break;
  }
  if (!figureLike(toks[i])) return undefined;
  const fig = figureAt(r, i);
  if (!fig) return undefined;
  let j = Math.max(fig.last + 1, fig.unit.end);
  while (j < toks.length && toks[j].t === 'p' && /[*†‡)]/.test(toks[j].k)) j++;
  if (j < toks.length) return undefined;
  if (fig.unit.kind === 'count' || fig.unit.kind === 'times' || fig.unit.kind === 'pp') return undefined;
  // figureAt made the object for this call: give it the hedge in place of a copy.
  const lone: LoneFig = fig;
  lone.hedge = hedge;
  return lone;
}

const TOTAL_WORDS = wordSet('tổng', 'số', 'cộng', 'chung', 'toàn', 'bộ');

/** A total row: "Tổng số", "Tổng cộng", "Cộng", "Toàn tỉnh" (the document's own scope or the country). */
function totalRow(r: Reading): boolean {
  let words = 0;
  for (let i = 0; i < r.toks.length; i++) {
    const t = r.toks[i];
    const h = hitAt(r, i);
    if (h) {
      if (h.type !== 'place' || !/^(national|province|district|hospital|commune)$/.test(h.key)) return false;
      words++;
      i = h.e - 1;
      continue;
    }
    if (t.t === 'n') return false;
    if (t.t === 'w') {
      if (!inW(t, TOTAL_WORDS)) return false;
      words++;
    }
  }
  return words > 0;
}

/**
 * The identity of a count named in a table cell: its phrase's unit, else the
 * unit column ("lượt") or the unit in parentheses after the phrase ("Số lượt
 * khám bệnh (lượt)"); a unit there that differs from the phrase's is refused.
 */
function tableCountId(name: NameHit, cell: Reading | undefined, unitCell: Reading | undefined): { id: string; unit: string } | undefined {
  let unit: string | undefined;
  if (unitCell && unitCell.toks.length) {
    const u = countUnitAt(unitCell.toks, 0);
    if (!u || u.end !== unitCell.toks.length) return undefined;
    unit = u.unit;
  }
  if (cell && cell.toks[name.e]?.k === '(') {
    const u = countUnitAt(cell.toks, name.e + 1);
    if (u && cell.toks[u.end]?.k === ')') {
      if (unit !== undefined && unit !== u.unit) return undefined;
      unit = u.unit;
    }
  }
  return countIdOf(name.count!, unit);
}

function countMention(ctx: Ctx, c: Cell, fig: LoneFig, id: string, label: string, q: HeaderInfo): Mention | undefined {
  const t = c.r.toks[fig.first];
  if (fig.unit.kind !== 'bare' || !isN(t) || t.num.kind !== 'number' || t.num.scale || fig.hi !== undefined) return undefined;
  return { ...cellFigure(ctx, c, fig, q), ind: id, unitText: '', sub: [...q.sub].sort(), unitExplicit: true, countLabel: label };
}

/** What a table cell's figure says whatever its indicator: where it is, its value, and what the headers make it. */
function cellFigure(ctx: Ctx, c: Cell, fig: LoneFig, q: HeaderInfo) {
  return {
    segment: c.seg,
    start: fig.start,
    end: fig.end,
    numStart: fig.numStart,
    numEnd: fig.numEnd,
    raw: ctx.prose.slice(fig.start, fig.end),
    numText: ctx.prose.slice(fig.numStart, fig.numEnd),
    value: fig.value,
    hi: fig.hi,
    decimals: fig.decimals,
    hedge: fig.hedge,
    kind: q.kind ?? ('achieved' as const),
    kindExplicit: !!q.kind,
    period: q.period,
    periodFrom: q.period ? ('table' as const) : undefined,
    place: q.place?.key,
    placeLabel: q.place?.label,
  };
}

function tableMention(ctx: Ctx, c: Cell, fig: LoneFig, name: NameHit, unit: { pct?: number; per?: number } | undefined, q: HeaderInfo): Mention | undefined {
  const { cat } = ctx;
  const ids = [...new Set(name.entries.map((e) => e.ind))].filter((id) => extractable(cat.byId.get(id)!));
  let per: number | undefined;
  let explicit = false;
  const u = fig.unit;
  if (u.kind === 'pct' || u.kind === 'per') {
    per = u.per;
    explicit = true;
  } else if (unit?.pct || unit?.per) {
    per = unit.pct ?? unit.per;
    explicit = true;
  } else if (name.per) {
    per = name.per;
    explicit = true;
  }
  const ok = ids.filter((id) => {
    const ind = cat.byId.get(id)!;
    switch (ind.kind) {
      case 'percent':
        return u.kind === 'pct' || u.kind === 'bare';
      case 'permille':
      case 'ratio':
        return u.kind !== 'years';
      case 'rate':
        return (u.kind === 'per' && u.den === ind.denominator) || (u.kind === 'bare' && (per !== undefined || !name.entries.find((e) => e.ind === id)?.needsPer) && !unit?.pct);
      case 'years':
        return (u.kind === 'bare' || u.kind === 'years') && fig.value >= 40 && fig.value < 130;
      default:
        return false;
    }
  });
  if (ok.length !== 1) return undefined;
  const ind = cat.byId.get(ok[0])!;
  if (ind.kind === 'percent' && per !== undefined && per !== 100 && per !== 1000) return undefined;
  return {
    ...cellFigure(ctx, c, fig, q),
    ind: ind.id,
    unitText: u.end > fig.last + 1 ? ctx.prose.slice(fig.end, c.r.toks[u.end - 1].e).trim() : '',
    per,
    // "trẻ dưới 5 tuổi" in the row label is part of what the indicator is (as in prose), not a sub-type.
    sub: (ind.age ? q.sub.filter((x) => x !== 'age:' + ind.age) : [...q.sub]).sort(),
    unitExplicit: explicit,
  };
}
