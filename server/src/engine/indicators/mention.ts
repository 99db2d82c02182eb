// What a mention is (an indicator's figure read from a block) and the helpers
// the prose and table readers share: the figure at a token, which indicators
// its unit fits, the hit at a token, the words that decided, and figures of one
// enumeration that cannot be told apart.
import type { Catalogue, Indicator } from './catalogue';
import { foldKeyOf as K } from './lexicon';
import { intervalOf, overlaps, type Hedge } from './compare';
import { countIndicator } from './counts';
import { isN, isYearTok, numValue, type NumTok } from './numbers';
import type { PeriodSpec } from './period';
import type { NameHit, Reading, UnitInfo } from './read';
import type { Issuer } from './scope';

export type MentionKind = 'achieved' | 'target' | 'previous' | 'change';

export type RefRole = 'place' | 'period' | 'target' | 'norm' | 'unknown';

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
  /**
   * Places the sentence compares this figure with ("…, thấp hơn … so với toàn tỉnh", "cao hơn mức chung
   * của toàn tỉnh (81,2%)"), set when the figure names no place of its own: it is not theirs.
   */
  notPlaces?: string[];
  /** A count outside the catalogue (ind "count:…"): its noun phrase as written. */
  countLabel?: string;
}

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

/** What every reader of a block needs: the catalogue and the block's prose (to quote the text). */
export interface ReadCtx {
  cat: Catalogue;
  prose: string;
}

/** A figure: its tokens [first, last], value (a range: value..hi), where it is, and the unit after it. */
export interface Fig {
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

const RANGE_DASH = /[-–—]/;

/** The figure at token i: a number, a range ("2,0 - 2,1"), a rate written as a fraction ("40/100.000"), with its unit. */
export function figureAt(r: Reading, i: number): Fig | undefined {
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
    if (toks[j]?.t === 'p' && RANGE_DASH.test(toks[j].k)) j++;
    const b = toks[j];
    const bv = numValue(b);
    if (isN(b) && b.num.rangeWith === 'prev' && bv && bv.value >= v.value) {
      last = j;
      hi = bv.value;
      decimals = Math.max(decimals, bv.decimals);
    }
  }
  const lt = toks[last] as NumTok;
  let unit = r.unitAt[last] ?? { kind: 'bare', end: last + 1 };
  // "15%-30%": the first figure's own % sign.
  if (t.num.percent && unit.kind !== 'pct') unit = { kind: 'pct', end: last + 1, per: t.num.percent === '%' ? 100 : 1000 };
  return { first: i, last, value: v.value, hi, decimals, start: t.s, end: lt.e, numStart: t.num.start, numEnd: hi === undefined ? t.num.end : lt.num.end, unit };
}

/** Is the indicator one whose values the mention reader reads (not a catalogue count or other)? */
export function extractable(ind: Indicator): boolean {
  return ind.kind !== 'count' && ind.kind !== 'other';
}

/** Can a prose figure with this unit be a value of this indicator (named by `name`)? */
export function compatible(ind: Indicator, u: UnitInfo, name: NameHit, fig: Fig, firstAfterName: boolean): boolean {
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

const SPACES = /\s+/g;
const TRAILING_OPENERS = /[\s(:]+$/;

/** The prose of tokens [s, e) as written (for messages: the words that decided). */
export function wordsOf(prose: string, r: Reading, s: number, e: number): string | undefined {
  if (s < 0 || e <= s || e > r.toks.length) return undefined;
  const text = prose.slice(r.toks[s].s, r.toks[e - 1].e).replace(SPACES, ' ').replace(TRAILING_OPENERS, '');
  return text.length > 80 ? text.slice(0, 79) + '…' : text || undefined;
}

// A period's JSON, made once per period object (periods are shared by the
// mentions of a sentence or a table column and never changed once read).
const specKeys = new WeakMap<PeriodSpec, string>();
/** A period as a key (equal periods, equal keys). */
export function specKey(p: PeriodSpec): string {
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

/** Mentions with the same qualifiers (grouped by the caller) and values that do not overlap: an enumeration we cannot tell apart. */
export function markClashes(cat: Catalogue, groups: Iterable<Mention[]>): void {
  for (const g of groups) {
    if (g.length < 2) continue;
    const ind = indicatorOf(cat, g[0]);
    const iv = g.map((m) => intervalOf(m, factorOf(ind, m)));
    let clash = false;
    for (let x = 1; x < iv.length && !clash; x++) if (!overlaps(iv[0], iv[x])) clash = true;
    if (clash) for (const m of g) m.ambiguous = true;
  }
}

/**
 * Two-word phrases as first word -> second words (folded), so a pair of
 * tokens is looked up without building the string "a b" for every token.
 * A phrase of another length is kept whole as its key "w1 w2 w3" split at
 * the first space, which no pair of single tokens can match (as before).
 */
export function pairSet(phrases: string[]): Map<string, Set<string>> {
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
/** Is the pair of folded words (a, b) one of the phrases? */
export function inPairs(m: Map<string, Set<string>>, a: string, b: string): boolean {
  const set = m.get(a);
  return !!set && set.has(b);
}

