// The document-level step: give every mention the period, kind and place it
// inherits from the headings above it, a table caption, or the document's year,
// then its comparison key and its value in the catalogue unit. Linear in the
// number of blocks and mentions; cached per DocModel so the indicator rules and
// the editor features share one pass.
//
// Incremental: a block's resolved mentions depend only on the block, the
// heading stack above it, the caption before it, the document's year and
// whether the document speaks of its province. They are kept per block (in
// the engine's keptFor) with those inputs and reused while the inputs are the same
// objects/values; positions (document offsets, lines) are read from the
// block's current start and line, so blocks that moved need no work.
import type { DocModel } from '../rule';
import { keptFor } from '../groups';
import type { Block, Msg } from '../types';
import type { ResolvedConfig } from '../config';
import { catalogueFor, type Catalogue, type Indicator } from './catalogue';
import { blockIndicators, factorOf, indicatorOf, type BlockIndicators, type Context, type Mention, type MentionKind } from './mentions';
import type { PeriodSpec } from './read';
import { intervalOf } from './compare';
import { isCountId } from './counts';
import { lineInBlock } from '../lines';
import { issuerOfTitle, sameUnit, scopeBit, scopeOfFrontMatter, scopeOfPlaceLabel, SCOPES, SCOPE_LABEL, unitOfPlaceLabel, type Issuer, type Scope } from './scope';

/** The document's own scope and how it was read. */
export interface DocScope {
  scope?: Scope;
  /** The issuer's own place key ("place:ninh phuoc"): figures of that place are the document's own. */
  place?: string;
  /** The unit word the issuer's place was written with ("tỉnh"), when written. */
  unit?: string;
  /** Where it was read and the words that decided ("header: TRUNG TÂM Y TẾ HUYỆN NINH PHƯỚC"). */
  from?: 'front matter' | 'header' | 'title' | 'text';
  words?: string;
}
const NO_SCOPE: DocScope = {};

type HeadingCtx = Context & { level: number };

/** Where a block's mentions sit in the document now (updated on every check). */
interface BlockRes {
  /** Zero-based document line of the block's first line. */
  line: number;
  list: ResolvedMention[];
  // The inputs the list was resolved with.
  headings: HeadingCtx[];
  caption: Context | undefined;
  docYear: number | undefined;
  scope: DocScope;
}

export class ResolvedMention {
  /** Line of the figure inside its block (-1: not computed yet). */
  private lineIn = -1;
  constructor(
    readonly m: Mention,
    readonly block: Block,
    readonly ind: Indicator,
    readonly period: PeriodSpec | undefined,
    /** Comparison key of the period ("2023", "6T/2023", "2021-2025"), undefined when unknown. */
    readonly periodKey: string | undefined,
    readonly place: string,
    private readonly placeRaw: string | undefined,
    readonly kind: MentionKind,
    /** Mentions with the same key are the same fact; undefined: never compared. */
    readonly key: string | undefined,
    /** The interval of true values in the catalogue unit. */
    readonly interval: [number, number],
    /** The value in the catalogue unit (and the top of a range). */
    readonly norm: number,
    readonly normHi: number | undefined,
    private readonly pos: BlockRes,
    /** Where the period, place and kind were read. */
    readonly how: Reading,
  ) {}
  get periodLabel(): Msg | undefined {
    return this.period && this.periodKey ? periodLabel(this.period) : undefined;
  }
  get placeLabel(): Msg {
    return placeLabelOf(this.place, this.placeRaw);
  }
  /** The document's scope this mention was resolved with. */
  get docScope(): DocScope {
    return this.pos.scope;
  }
  /** Document offsets of the figure. */
  get start(): number {
    return this.block.start + this.block.toSource(this.m.start);
  }
  get end(): number {
    return Math.max(this.start, this.block.start + this.block.toSource(this.m.end));
  }
  /** Zero-based line of the figure. */
  get line(): number {
    if (this.lineIn < 0) this.lineIn = lineInBlock(this.block, this.m.start);
    return this.pos.line + this.lineIn;
  }
}

/** Where a mention's period, place and kind came from (for "say why"). */
export interface Reading {
  period: 'sentence' | 'paragraph' | 'table' | 'caption' | 'heading' | 'document' | 'none';
  place: 'text' | 'heading' | 'scope';
  kind: 'text' | 'caption' | 'heading' | 'deadline' | 'default';
  /** The report's scope gave the place, but the sentence compares the figure with that very place: not compared. */
  contrasted?: true;
}

export interface DocIndicators {
  mentions: ResolvedMention[];
  /** Zero-based document line of a prose offset in a block. */
  lineOf(block: Block, proseOffset: number): number;
  /** The resolved mentions per block with mentions, in document order (what `mentions` flattens). */
  readonly lists: readonly (readonly ResolvedMention[])[];
  /** Changes when the resolved mentions (the objects or their order) change between checks of one document. */
  readonly gen: number;
  /** Changes when a block with mentions moved to another line. */
  readonly lineGen: number;
}

const cache = new WeakMap<DocModel, { key: string; value: DocIndicators }>();

// Per-block flags of the walk (compact: the walk over unchanged blocks reads only these arrays).
const SEG = 1;
const HEAD = 2;
const CAP = 4;
const MENT = 8;

interface State {
  configKey: string;
  /** The blocks of the previous check and, in parallel, what the walk needs of each. */
  blocks: readonly Block[];
  flags: Uint8Array;
  /** Canonical heading context (HEAD) / caption (CAP) of each block. */
  head: (HeadingCtx | undefined)[];
  /** Own-scope words of each block (scopeBit mask) and its header-block or title issuer. */
  scopes: Uint8Array;
  issuer: (Issuer | undefined)[];
  /** The scope of the previous check (the same object while it says the same). */
  scope: DocScope;
  cap: (Context | undefined)[];
  res: (BlockRes | undefined)[];
  gen: number;
  lineGen: number;
  /**
   * Headings and captions by value: an edited heading that says the same
   * (same period, kind, place, level) stands for the same object, so the
   * blocks under it keep their resolved mentions.
   */
  byValue: Map<string, Context>;
}

function canonical<T extends Context>(st: State, c: T): T {
  const key = JSON.stringify(c);
  let x = st.byValue.get(key);
  if (!x) {
    // Bounded: a long editing session adds a few stale entries per edited heading.
    if (st.byValue.size > 20000) st.byValue.clear();
    st.byValue.set(key, (x = c));
  }
  return x as T;
}
const STORE_KEY = 'indicators:resolved';

export function resolveDocument(doc: DocModel, config: ResolvedConfig): DocIndicators {
  const c = cache.get(doc);
  if (c && c.key === config.key) return c.value;
  const kept = keptFor(doc, STORE_KEY, (): { st?: State } => ({}));
  let st = kept.st;
  if (!st || st.configKey !== config.key) {
    st = { configKey: config.key, blocks: [], flags: new Uint8Array(0), head: [], cap: [], res: [], scopes: new Uint8Array(0), issuer: [], scope: NO_SCOPE, gen: 0, lineGen: 0, byValue: new Map() };
    kept.st = st;
  }
  const value = resolve(doc, config, st);
  cache.set(doc, { key: config.key, value });
  return value;
}

/**
 * Whose report: front matter, else the first header block or title naming an
 * issuer (in the first blocks), else the one own-scope word the text uses
 * ("toàn tỉnh" and never "toàn huyện"). Unknown: figures without a place are
 * the document's own ('doc') and figures that name a level keep it.
 */
function docScope(doc: DocModel, st: State): DocScope {
  let next: DocScope = NO_SCOPE;
  const fm = scopeOfFrontMatter(doc.frontMatter);
  if (fm) next = { scope: fm.scope, place: fm.place, unit: fm.unit, from: 'front matter', words: fm.words };
  else {
    let seen = 0;
    for (let i = 0; i < st.flags.length && seen < 12; i++) {
      if (!(st.flags[i] & SEG)) continue;
      seen++;
      const is = st.issuer[i];
      if (is) {
        next = { scope: is.scope, place: is.place, unit: is.unit, from: st.flags[i] & HEAD ? 'title' : 'header', words: is.words };
        break;
      }
    }
    if (!next.scope) {
      let mask = 0;
      for (let i = 0; i < st.scopes.length; i++) mask |= st.scopes[i];
      const own = SCOPES.filter((s) => mask & scopeBit(s));
      if (own.length === 1) next = { scope: own[0], from: 'text', words: SCOPE_LABEL[own[0]].vi };
    }
  }
  const prev = st.scope;
  if (prev.scope === next.scope && prev.place === next.place && prev.from === next.from && prev.words === next.words) return prev;
  st.scope = next;
  return next;
}

// The title's place ("Báo cáo ... tỉnh Lai Châu năm 2023") is the report's own
// scope, not a section's.
function titleCtx(h: HeadingCtx): HeadingCtx {
  return h.level === 1 && h.place?.key !== 'national' ? { ...h, place: undefined } : h;
}

function sameInputs(br: BlockRes, headings: HeadingCtx[], caption: Context | undefined, docYear: number | undefined, scope: DocScope): boolean {
  if (br.caption !== caption || br.docYear !== docYear || br.scope !== scope || br.headings.length !== headings.length) return false;
  for (let i = 0; i < headings.length; i++) if (br.headings[i] !== headings[i]) return false;
  return true;
}

/**
 * Bring the per-block arrays of the state up to date with the document's
 * blocks: blocks kept from the previous check at the start and the end are
 * copied (no look at the block itself), the ones in between are read.
 */
function sync(st: State, blocks: readonly Block[], config: ResolvedConfig): void {
  const P = st.blocks;
  const n = blocks.length;
  if (P === blocks) return;
  let pre = 0;
  while (pre < n && pre < P.length && blocks[pre] === P[pre]) pre++;
  let suf = 0;
  while (suf < n - pre && suf < P.length - pre && blocks[n - 1 - suf] === P[P.length - 1 - suf]) suf++;
  if (pre === n && n === P.length) {
    st.blocks = blocks;
    return;
  }
  // Blocks that left took their mentions with them.
  for (let i = pre; i < P.length - suf; i++) if (st.flags[i] & MENT) st.gen++;
  // As many blocks as before (an edit inside blocks): update the arrays in place.
  const inPlace = n === P.length;
  const flags = inPlace ? st.flags : new Uint8Array(n);
  const head: (HeadingCtx | undefined)[] = inPlace ? st.head : new Array(n);
  const cap: (Context | undefined)[] = inPlace ? st.cap : new Array(n);
  const res: (BlockRes | undefined)[] = inPlace ? st.res : new Array(n);
  const scopes = inPlace ? st.scopes : new Uint8Array(n);
  const issuer: (Issuer | undefined)[] = inPlace ? st.issuer : new Array(n);
  const copy = (from: number, to: number, len: number) => {
    for (let k = 0; k < len; k++) {
      flags[to + k] = st.flags[from + k];
      head[to + k] = st.head[from + k];
      cap[to + k] = st.cap[from + k];
      res[to + k] = st.res[from + k];
      scopes[to + k] = st.scopes[from + k];
      issuer[to + k] = st.issuer[from + k];
    }
  };
  if (!inPlace) {
    copy(0, 0, pre);
    copy(P.length - suf, n - suf, suf);
  }
  for (let i = pre; i < n - suf; i++) {
    flags[i] = 0;
    head[i] = undefined;
    cap[i] = undefined;
    res[i] = undefined;
    scopes[i] = 0;
    issuer[i] = undefined;
    const b = blocks[i];
    if (!b.segments.length) continue;
    const info = blockIndicators(b, config);
    let f = SEG;
    if (info.heading) {
      f |= HEAD;
      head[i] = canonical(st, titleCtx(info.heading));
      // The title's place ("Báo cáo ... huyện Ninh Phước năm 2023") says whose report it is.
      const tp = info.heading.level === 1 ? info.heading.place : undefined;
      if (tp) {
        const sc = tp.key === 'national' ? 'national' : scopeOfPlaceLabel(tp.label);
        if (sc) issuer[i] = { scope: sc, place: sc === 'national' ? undefined : tp.key, words: tp.label, unit: unitOfPlaceLabel(tp.label) };
      }
      // "... của Trung tâm Y tế khu vực Lạc Thủy": the issuing body named in the title.
      if (info.heading.level === 1 && !issuer[i]) issuer[i] = issuerOfTitle(b.prose);
    }
    if (info.issuer) issuer[i] = info.issuer;
    scopes[i] = info.scopes;
    if (info.caption) {
      f |= CAP;
      cap[i] = canonical(st, info.caption);
    }
    if (info.mentions.length) f |= MENT;
    flags[i] = f;
  }
  Object.assign(st, { blocks, flags, head, cap, res, scopes, issuer });
}

function resolve(doc: DocModel, config: ResolvedConfig, st: State): DocIndicators {
  const blocks = doc.blocks;
  sync(st, blocks, config);
  const { flags, head, cap, res } = st;
  const scope = docScope(doc, st);
  const docYear = doc.year;
  const headings: HeadingCtx[] = [];
  let caption: Context | undefined;
  const lists: ResolvedMention[][] = [];
  let cat: Catalogue | undefined;
  for (let i = 0; i < blocks.length; i++) {
    const f = flags[i];
    if (!(f & SEG)) continue;
    if (f & HEAD) {
      const h = head[i]!;
      while (headings.length && headings[headings.length - 1].level >= h.level) headings.pop();
      headings.push(h);
      caption = undefined;
    }
    if (f & MENT) {
      const lineStart = doc.blockLine(i);
      let br = res[i];
      if (!br || !sameInputs(br, headings, caption, docYear, scope)) {
        br = { line: lineStart, list: [], headings: headings.slice(), caption, docYear, scope };
        resolveBlock((cat ??= catalogueFor(config)), blocks[i], blockIndicators(blocks[i], config), br);
        res[i] = br;
        st.gen++;
      }
      if (br.line !== lineStart) {
        br.line = lineStart;
        st.lineGen++;
      }
      lists.push(br.list);
    }
    caption = f & CAP ? cap[i] : undefined;
  }
  let mentions: ResolvedMention[] | undefined;
  return {
    get mentions() {
      if (!mentions) {
        mentions = [];
        for (const l of lists) for (const rm of l) mentions.push(rm);
      }
      return mentions;
    },
    lineOf: (block: Block, proseOffset: number): number => doc.lineOf(block, proseOffset),
    lists,
    gen: st.gen,
    lineGen: st.lineGen,
  };
}

function resolveBlock(cat: Catalogue, block: Block, info: BlockIndicators, br: BlockRes): void {
  const { headings, caption, docYear, scope } = br;
  const inner = <K extends keyof Context>(k: K): Context[K] | undefined => {
    for (let i = headings.length - 1; i >= 0; i--) if (headings[i][k] !== undefined) return headings[i][k];
    return undefined;
  };
  for (const m of info.mentions) {
    const ind = cat.byId.get(m.ind) ?? (isCountId(m.ind) ? indicatorOf(cat, m) : undefined);
    if (!ind) continue;
    const tableCaption = m.tableId !== undefined ? caption : undefined;
    // Period: the mention's own, else the caption's, the nearest heading's, the document's year.
    let period = m.period;
    const how: Reading = { period: m.period ? (m.periodFrom ?? 'sentence') : 'none', place: 'scope', kind: m.kindExplicit ? 'text' : 'default' };
    const fallback = tableCaption?.period ?? inner('period') ?? (docYear ? { year: docYear } : undefined);
    if (!period && !m.periodBlocked) {
      period = fallback;
      how.period = tableCaption?.period ? 'caption' : inner('period') ? 'heading' : docYear ? 'document' : 'none';
    }
    // "6 tháng đầu năm" with no year: the year of the caption, the headings above, or the document.
    if (period && period.year === undefined && (period.months !== undefined || period.quarter !== undefined)) {
      let year = tableCaption?.period?.year;
      for (let i = headings.length - 1; i >= 0 && year === undefined; i--) year = headings[i].period?.year;
      year ??= docYear;
      if (year !== undefined) period = { ...period, year };
    }
    const periodKey = period && period.year !== undefined ? keyOf(period) : undefined;
    // Kind: stated, else the caption's or heading's ("Kế hoạch năm 2024"), else achieved.
    let kind = m.kind;
    // "so với năm 2022 (8,2)", "từ 24,3% năm 2022": an earlier level with its year named, before the report's year,
    // is that year's achieved value (compared as such; still shown as an earlier level).
    const earlierAchieved = kind === 'previous' && !m.sameTerm && m.periodFrom === 'sentence' && m.period?.year !== undefined && docYear !== undefined && m.period.year < docYear && m.period.year2 === undefined;
    // A figure of an earlier year than the plan its caption or heading is about ("2025" beside "KH 2026" under
    // "Phương hướng năm 2026") is that year's result, not part of the plan.
    const ctxYear = tableCaption?.period?.year ?? inner('period')?.year;
    const earlierThanPlan = m.period?.year !== undefined && m.period.year2 === undefined && ctxYear !== undefined && m.period.year < ctxYear;
    if (!m.kindExplicit && kind === 'achieved' && !(earlierThanPlan && (tableCaption?.kind ?? inner('kind')) === 'target')) {
      kind = tableCaption?.kind ?? inner('kind') ?? 'achieved';
      if (tableCaption?.kind) how.kind = 'caption';
      else if (inner('kind')) how.kind = 'heading';
    }
    // "Đến năm 2030: 100% ...": a deadline after the report's year (or in a report of unknown year) is a target.
    if (!m.kindExplicit && period?.until && period.year !== undefined && (docYear === undefined || period.year > docYear) && kind === 'achieved') {
      kind = 'target';
      how.kind = 'deadline';
    }
    // Place: stated, else the nearest heading's (a district section), else the document's scope.
    let place = m.place;
    let placeLabelRaw = m.placeLabel;
    if (place) how.place = 'text';
    else {
      const hp = inner('place');
      if (hp) {
        place = hp.key;
        placeLabelRaw = hp.label;
        how.place = 'heading';
      }
    }
    // The document's own scope: no place, its level's words ("toàn huyện" in a district's report) or its own named place.
    if (!place || place === scope.scope || (scope.place !== undefined && place === scope.place && sameUnit(placeLabelRaw, scope.unit))) {
      place = scope.scope ?? 'doc';
      placeLabelRaw = undefined;
    } else if (place === scope.place) {
      // The issuer's name under another unit word ("thành phố Hưng Yên" in the province's report): another place, keyed apart
      // so it meets neither the report's own figures nor, across reports, the issuer's.
      place = `${place}@${unitOfPlaceLabel(placeLabelRaw) ?? ''}`;
    }
    // "Ở Mường La, tỷ lệ … đạt 85,2%, thấp hơn … so với toàn tỉnh" in the province's report: the scope says
    // the province, the sentence says not the province. Whose figure it is cannot be read: it is not compared.
    if (!m.place && how.place !== 'heading' && m.notPlaces && (m.notPlaces.includes(place) || (scope.place !== undefined && m.notPlaces.includes(scope.place)))) how.contrasted = true;
    const f = factorOf(ind, m);
    const comparable = ind.compare !== false && kind !== 'change' && !m.ambiguous && !how.contrasted && periodKey !== undefined && m.ref !== 'norm' && m.ref !== 'unknown';
    let sub = m.sub.length === 0 ? '' : m.sub.length === 1 ? m.sub[0] : m.sub.join('+');
    // A count under a heading about one facility or department ("### Khoa Nội") is that unit's.
    const unit = isCountId(m.ind) ? (tableCaption?.unit ?? inner('unit')) : undefined;
    if (unit) sub = sub ? sub + '+unit:' + unit : 'unit:' + unit;
    br.list.push(
      new ResolvedMention(
        m,
        block,
        ind,
        period,
        periodKey,
        place,
        placeLabelRaw,
        kind,
        comparable ? ind.id + '|' + sub + '|' + periodKey + '|' + place + '|' + (earlierAchieved ? 'achieved' : kind) : undefined,
        intervalOf(m, f),
        m.value * f,
        m.hi === undefined ? undefined : m.hi * f,
        br,
        how,
      ),
    );
  }
}

export function keyOf(p: PeriodSpec): string {
  let k: string;
  if (p.year2 !== undefined) k = `${p.year}-${p.year2}`;
  else if (p.months !== undefined) k = `${p.months}T/${p.year}`;
  else if (p.quarter !== undefined) k = `Q${p.quarter}/${p.year}`;
  else if (p.day !== undefined) k = `${p.day}/${p.month}/${p.year}`;
  else if (p.month !== undefined) k = `${p.month}/${p.year}`;
  else k = String(p.year);
  return p.prelim ? k + ' (sơ bộ)' : k;
}

export function periodLabel(p: PeriodSpec): Msg {
  const roman = ['', 'I', 'II', 'III', 'IV'];
  let vi: string;
  let en: string;
  if (p.year2 !== undefined) {
    vi = `giai đoạn ${p.year}-${p.year2}`;
    en = `${p.year}-${p.year2}`;
  } else if (p.months !== undefined) {
    vi = `${p.months} tháng đầu năm ${p.year}`;
    en = `first ${p.months} months of ${p.year}`;
  } else if (p.quarter !== undefined) {
    vi = `quý ${roman[p.quarter] ?? p.quarter}/${p.year}`;
    en = `Q${p.quarter} ${p.year}`;
  } else if (p.day !== undefined) {
    vi = `đến ${p.day}/${p.month}/${p.year}`;
    en = `as of ${p.year}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`;
  } else if (p.month !== undefined) {
    vi = `tháng ${p.month}/${p.year}`;
    en = `${p.year}-${String(p.month).padStart(2, '0')}`;
  } else {
    vi = `năm ${p.year}`;
    en = String(p.year);
  }
  if (p.prelim) {
    vi += ' (sơ bộ)';
    en += ' (preliminary)';
  }
  return { vi, en };
}

function placeLabelOf(key: string, raw: string | undefined): Msg {
  if ((SCOPES as readonly string[]).includes(key)) return SCOPE_LABEL[key as Scope];
  if (key === 'doc') return { vi: 'phạm vi báo cáo', en: 'report scope' };
  return { vi: raw ?? key, en: raw ?? key };
}

export const KIND_LABEL: Record<MentionKind, Msg> = {
  achieved: { vi: 'thực hiện', en: 'achieved' },
  target: { vi: 'chỉ tiêu', en: 'target' },
  previous: { vi: 'kỳ trước', en: 'earlier level' },
  change: { vi: 'mức thay đổi', en: 'change' },
};

const HEDGE_WORD: Record<string, Msg> = {
  approx: { vi: 'khoảng ', en: 'about ' },
  estimate: { vi: 'ước ', en: 'est. ' },
  near: { vi: 'gần ', en: 'nearly ' },
  lower: { vi: 'trên ', en: 'over ' },
  upper: { vi: 'dưới ', en: 'under ' },
};

/** The figure as a reader sees it: hedge, figure, unit ("trên 90%", "12,5 bác sĩ/vạn dân"). */
export function display(m: Mention): Msg {
  const h = m.hedge ? HEDGE_WORD[m.hedge] : { vi: '', en: '' };
  const unit = m.unitText ? ' ' + m.unitText : '';
  return { vi: h.vi + m.raw + unit, en: h.en + m.raw + unit };
}

const PERIOD_FROM: Record<Reading['period'], Msg> = {
  sentence: { vi: 'ghi trong câu', en: 'stated in the sentence' },
  paragraph: { vi: 'từ câu trước trong đoạn', en: 'from an earlier sentence of the paragraph' },
  table: { vi: 'từ tiêu đề cột/hàng của bảng', en: "from the table's column or row header" },
  caption: { vi: 'từ tên bảng', en: "from the table's caption" },
  heading: { vi: 'từ đề mục', en: 'from the heading' },
  document: { vi: 'năm của văn bản', en: "the document's year" },
  none: { vi: 'không rõ', en: 'unknown' },
};
const KIND_FROM: Record<Exclude<Reading['kind'], 'text'>, Msg> = {
  caption: PERIOD_FROM.caption,
  heading: PERIOD_FROM.heading,
  deadline: { vi: 'mốc "đến năm" sau năm báo cáo', en: '"by year" after the report\'s year' },
  default: { vi: 'mặc định: số liệu của câu', en: "default: the sentence's own figure" },
};
const REF_WHY: Record<string, Msg> = {
  place: { vi: 'số liệu của nơi khác được dẫn để so sánh', en: "another place's figure quoted for comparison" },
  period: { vi: 'số liệu kỳ khác được dẫn để so sánh', en: "another period's figure quoted for comparison" },
  target: { vi: 'chỉ tiêu được dẫn để so sánh', en: 'the target quoted for comparison' },
  norm: { vi: 'định mức/khuyến cáo, không phải số liệu của địa bàn', en: 'a norm or recommendation, not a value of a place' },
  unknown: { vi: 'số liệu dẫn để so sánh mà không rõ của ai', en: "a figure quoted for comparison whose owner is not named" },
};

/**
 * How a mention was read, for messages and hover: period, place and kind with
 * where each came from and the words that decided ("thực hiện (“đạt”)",
 * "toàn huyện (phạm vi văn bản: TRUNG TÂM Y TẾ HUYỆN X)").
 */
export function readingOf(rm: ResolvedMention): Msg {
  const p = rm.periodLabel;
  const pf = PERIOD_FROM[rm.how.period];
  const period: Msg = p ? { vi: `${p.vi} (${pf.vi})`, en: `${p.en} (${pf.en})` } : { vi: 'kỳ không rõ', en: 'period unknown' };
  const pl = rm.placeLabel;
  let place: Msg;
  if (rm.how.place === 'text') place = { vi: `${pl.vi} (ghi trong câu)`, en: `${pl.en} (stated in the sentence)` };
  else if (rm.how.place === 'heading') place = { vi: `${pl.vi} (từ đề mục)`, en: `${pl.en} (from the heading)` };
  else {
    const sc = rm.docScope;
    const w = sc.words ? `: ${sc.words}` : '';
    place = sc.scope
      ? { vi: `${pl.vi} (phạm vi văn bản${w})`, en: `${pl.en} (the document's scope${w})` }
      : { vi: `${pl.vi} (không ghi nơi)`, en: `${pl.en} (no place named)` };
  }
  const k = KIND_LABEL[rm.kind];
  const cue = rm.m.cue;
  let kind: Msg;
  if (rm.how.kind === 'text') kind = cue && !rm.m.ref ? { vi: `${k.vi} (“${cue}”)`, en: `${k.en} (“${cue}”)` } : k;
  else {
    const f = KIND_FROM[rm.how.kind];
    kind = { vi: `${k.vi} (${f.vi})`, en: `${k.en} (${f.en})` };
  }
  const sub = rm.m.sub.length ? rm.m.sub.map((x) => x.slice(x.indexOf(':') + 1)).join(', ') : '';
  const parts: Msg[] = [period, place, kind];
  if (sub) parts.push({ vi: `nhóm: ${sub}`, en: `subgroup: ${sub}` });
  if (rm.m.ref) {
    const r = REF_WHY[rm.m.ref];
    parts.push(cue ? { vi: `${r.vi} (“${cue}”)`, en: `${r.en} (“${cue}”)` } : r);
  }
  return { vi: parts.map((x) => x.vi).join('; '), en: parts.map((x) => x.en).join('; ') };
}
