// Document-level task-count facts, built from the per-block facts (counts.ts)
// in one linear walk: which enumeration each claimed count introduces (a
// Markdown list, or explicitly numbered items "(1) (2)", "a) b)", "thứ nhất,
// thứ hai" in the same or the following blocks) and the totals of each task
// group (noun + modifier + year) with the earlier total each one is compared
// with. Shared by task-count-list-mismatch, task-total-conflict and the
// editor summary, so hover shows exactly what the rules compared.
// Incremental: through a DocumentCache, a check redoes only what the blocks
// an edit replaced can change (see compute and DocModel.store); positions and
// line numbers are always read from the blocks' current places.
import type { Block, ListInfo, Segment } from '../types';
import { analysis, type DocModel } from '../rule';
import { commonEnds } from '../blockdiff';
import { keptFor } from '../groups';
import { firstStartAtOrAfter, countAtOrBelow } from '../search';
import type { ResolvedConfig } from '../config';
import { taskFactsOf, type BlockTaskFacts, type Marker, type SegmentFacts, type TaskCount, type YearHint } from './counts';

export interface SegRef {
  block: Block;
  seg: Segment;
  si: number;
  facts: SegmentFacts;
}

export interface CountRef {
  block: Block;
  count: TaskCount;
  /** Position in document order. */
  order: number;
  /** Resolved period: "2024", "next" (relative, no document year) or "" (unknown). */
  period: string;
}

export interface ItemRange {
  block: Block;
  start: number;
  end: number;
}

export interface ListMatch {
  claim: CountRef;
  kind: 'markdown' | 'numbered';
  /** Number of items (top-level items, or numbered items). */
  items: number;
  /** Acceptable numbers of items for the claim (x, y or y − x for a fraction). */
  expected: number[];
  matches: boolean;
  /** Where the enumeration is: from its first item to the end of its last (may span blocks). */
  range: SpanRange;
  itemRanges: ItemRange[];
}

export interface SpanRange {
  block: Block;
  start: number;
  endBlock: Block;
  end: number;
}

export interface TotalRef {
  ref: CountRef;
  total: number;
  /** Group key: noun|modifier|period. */
  key: string;
  /** "nhiệm vụ trọng tâm" */
  label: string;
  /** Offsets (prose, in ref.block) of the number that states the total. */
  numStart: number;
  numEnd: number;
  /**
   * A group named by its noun alone: "hoàn thành 8/8 chỉ tiêu" states the WHOLE set of the
   * period's targets; "đề ra 4 nhóm giải pháp" DEFINES it. Key noun||period.
   */
  bare?: 'whole' | 'defined';
}

export interface DocTasks {
  counts: CountRef[];
  lists: Map<TaskCount, ListMatch>;
  totals: TotalRef[];
  /** For each total: the first earlier total of the same group it is compared with. */
  earlier: Map<TaskCount, TotalRef>;
  conflicts: { later: TotalRef; earlier: TotalRef }[];
}

const memo = new WeakMap<DocModel, Map<ResolvedConfig, DocTasks>>();

/** Task facts of a document (memoized per document model and config). */
export function docTasks(doc: DocModel, config: ResolvedConfig): DocTasks {
  let byConfig = memo.get(doc);
  if (!byConfig) memo.set(doc, (byConfig = new Map()));
  let r = byConfig.get(config);
  if (!r) byConfig.set(config, (r = compute(doc, config)));
  return r;
}

/** Entries a block contributes to the flat segment sequence (see Flat). */
function flatSize(b: Block): number {
  return b.segments.length ? b.segments.length : b.type !== 'html' ? 1 : 0;
}

/**
 * The segments of the document in order, as one "flat" sequence without
 * building it: a block with segments contributes them all, any other block but
 * HTML contributes one break (`null`: code, front matter end enumerations).
 * `at(k)` gives entry k (undefined past the end); only the few entries the
 * list matching looks at are ever materialized. `maxSeen` records how far a
 * matching looked, so its result can be kept while those blocks stay.
 */
class Flat {
  readonly length: number;
  maxSeen = 0;
  /** base[bi]: flat index of block bi's first entry; base[blocks.length] = length. */
  constructor(private readonly blocks: readonly Block[], readonly base: Int32Array, private readonly config: ResolvedConfig) {
    this.length = base[blocks.length];
  }
  /** Index of the block holding flat entry k (the last block whose first entry is at or before k). */
  blockAt(k: number): number {
    return Math.max(0, Math.min(this.blocks.length - 1, countAtOrBelow(this.base, k) - 1));
  }
  at(k: number): SegRef | null | undefined {
    if (k > this.maxSeen) this.maxSeen = k;
    if (k < 0 || k >= this.length) return undefined;
    const bi = this.blockAt(k);
    const block = this.blocks[bi];
    if (!block.segments.length) return null;
    const si = k - this.base[bi];
    return { block, seg: block.segments[si], si, facts: taskFactsOf(block, this.config).segments[si] };
  }
}

/**
 * What a block contributes to the document step, kept (engine keptFor) between
 * checks: its counts with their resolved periods, the totals among them, and
 * the enumeration each claim was matched with. Valid while the block (so its
 * facts), the heading context flowing into it and the document year are the
 * same; `order` is renumbered on every check. A claim's match also depends on
 * the blocks after it that the matching looked at (`span` blocks): it is kept
 * only while that run of blocks is unchanged.
 */
interface BlockEntry {
  facts: BlockTaskFacts;
  context: YearHint | undefined;
  year: number | undefined;
  refs: CountRef[];
  totals: TotalRef[];
  /** Indices of the refs that may introduce an enumeration (see matchEnumeration). */
  claims: number[];
  /** Per ref: the matched enumeration (claims only). */
  lists: (ListMatch | undefined)[];
  /** Per ref: blocks after this one the matching read, or -1 (not a claim / not matched yet). */
  span: Int32Array;
}

/**
 * The previous check's walk: its blocks, flat bases, and the blocks that carry
 * headings or counts (the only ones the walk needs), by index.
 */
interface Store {
  config: ResolvedConfig;
  blocks: readonly Block[];
  base: Int32Array;
  items: Items;
  /** The last result and the document year it was made with. */
  result?: DocTasks;
  year?: number;
  /** Each claim's item (position in `items`) and the blocks after it its matching read. */
  claimItem: number[];
  claimSpan: number[];
}

/** Blocks with headings or counts, in order: index, facts and (with counts) the kept entry. */
interface Items {
  block: Block[];
  index: number[];
  facts: BlockTaskFacts[];
  entry: (BlockEntry | undefined)[];
}

const noItems = (): Items => ({ block: [], index: [], facts: [], entry: [] });

function pushItem(to: Items, from: Items, k: number, index: number): void {
  to.block.push(from.block[k]);
  to.index.push(index);
  to.facts.push(from.facts[k]);
  to.entry.push(from.entry[k]);
}

const STORE_KEY = 'tasks';

function storeOf(doc: DocModel, config: ResolvedConfig): Store {
  const kept = keptFor(doc, STORE_KEY, (): { st?: Store } => ({}));
  let st = kept.st;
  if (!st || st.config !== config) kept.st = st = { config, blocks: [], base: new Int32Array(1), items: noItems(), claimItem: [], claimSpan: [] };
  return st;
}

/**
 * The document step. Blocks an edit did not touch are the same objects, so the
 * walk compares this check's blocks with the last one's: the unchanged prefix
 * and suffix keep their flat bases (shifted) and their list of blocks with
 * headings or counts; only the blocks in between are looked at. Then one pass
 * over the blocks with headings or counts resolves periods and matches
 * (reusing what each block derived before) and compares the totals.
 */
function compute(doc: DocModel, config: ResolvedConfig): DocTasks {
  const st = storeOf(doc, config);
  const blocks = doc.blocks;
  const n = blocks.length;
  const prev = st.blocks;
  const on = prev.length;
  const { start: p, end: sfx } = commonEnds(prev, blocks);
  const delta = n - on;
  const mid = n - sfx; // blocks [p, mid) are new or moved; they replace the old [p, oldMid)
  const oldMid = on - sfx;
  const old = st.items;
  const base = flatBases(blocks, st.base, p, mid, delta);

  // The shortcut: no heading or count among the blocks replaced or added, the
  // same document year, and no claim's matching read a replaced block: the
  // last result stands as it is (its counts, periods, matches and totals are
  // all derived from blocks that are still there, in the same order).
  if (st.result && st.year === doc.year) {
    let k0 = 0;
    while (k0 < old.index.length && old.index[k0] < p) k0++;
    let touched = k0 < old.index.length && old.index[k0] < oldMid;
    for (let bi = p; !touched && bi < mid; bi++) {
      const b = blocks[bi];
      if (!b.segments.length) continue;
      const f = taskFactsOf(b, config);
      touched = f.headings.length > 0 || f.counts.length > 0;
    }
    for (let i = 0; !touched && i < st.claimItem.length; i++) {
      const bi = old.index[st.claimItem[i]];
      touched = !(bi + st.claimSpan[i] < p || bi >= oldMid);
    }
    if (!touched) {
      if (delta) for (let k = k0; k < old.index.length; k++) old.index[k] += delta;
      st.blocks = blocks;
      st.base = base;
      return st.result;
    }
  }
  const flat = new Flat(blocks, base, config);

  // Blocks with headings or counts: the prefix's and the suffix's are kept, the middle's looked up.
  const items = noItems();
  let k = 0;
  for (; k < old.block.length && old.index[k] < p; k++) pushItem(items, old, k, old.index[k]);
  // Entries of blocks that were in the old middle, for blocks that only moved.
  let moved: Map<Block, BlockEntry> | undefined;
  for (; k < old.block.length && old.index[k] < oldMid; k++) if (old.entry[k]) (moved ??= new Map()).set(old.block[k], old.entry[k]!);
  for (let bi = p; bi < mid; bi++) {
    const b = blocks[bi];
    if (!b.segments.length) continue;
    const f = taskFactsOf(b, config);
    if (f.headings.length || f.counts.length) {
      items.block.push(b);
      items.index.push(bi);
      items.facts.push(f);
      items.entry.push(moved?.get(b));
    }
  }
  for (; k < old.block.length; k++) pushItem(items, old, k, old.index[k] + delta);
  st.blocks = blocks;
  st.base = base;
  st.items = items;

  const counts: CountRef[] = [];
  const totals: TotalRef[] = [];
  const lists = new Map<TaskCount, ListMatch>();
  const headingHints: (YearHint | undefined)[] = [];
  const claimItem: number[] = [];
  const claimSpan: number[] = [];
  for (let q = 0; q < items.block.length; q++) {
    const block = items.block[q];
    const bi = items.index[q];
    const facts = items.facts[q];
    const hs = facts.headings;
    for (let h = 0; h < hs.length; h++) {
      const level = hs[h].level;
      headingHints[level] = hs[h].year;
      headingHints.length = level + 1;
    }
    if (!facts.counts.length) continue;
    let context: YearHint | undefined;
    for (const h of headingHints) if (h) context = h;
    let e = items.entry[q];
    if (!e || e.facts !== facts || e.context !== context || e.year !== doc.year) {
      e = blockEntry(block, facts, context, doc.year);
      items.entry[q] = e;
    }
    for (let r = 0; r < e.refs.length; r++) {
      const ref = e.refs[r];
      ref.order = counts.length;
      counts.push(ref);
    }
    for (let ci = 0; ci < e.claims.length; ci++) {
      const r = e.claims[ci];
      const ref = e.refs[r];
      const c = ref.count;
      // A kept match is valid when the blocks it read are all in the unchanged prefix, or all in the suffix.
      const span = e.span[r];
      if (span < 0 || !(bi + span < p || bi >= mid)) {
        flat.maxSeen = 0;
        e.lists[r] = matchEnumeration(ref, flat, base[bi] + c.segment);
        e.span[r] = flat.blockAt(Math.min(flat.maxSeen, flat.length - 1)) - bi;
      }
      const m = e.lists[r];
      if (m) lists.set(c, m);
      claimItem.push(q);
      claimSpan.push(e.span[r]);
    }
    for (const t of e.totals) totals.push(t);
  }

  // Totals of task groups, compared in document order.
  const earlier = new Map<TaskCount, TotalRef>();
  const conflicts: { later: TotalRef; earlier: TotalRef }[] = [];
  // Per group: the first total, the first without an owner, and the first per owner. Owners are
  // compatible when equal or one extends the other ("được quốc hội" / "được quốc hội giao").
  const firstAny = new Map<string, TotalRef>();
  const firstNoOwner = new Map<string, TotalRef>();
  const byOwner = new Map<string, TotalRef[]>();
  // Bare-noun sets per noun|period: the first definition, and the smallest whole so far.
  const firstDefined = new Map<string, TotalRef>();
  const smallestWhole = new Map<string, TotalRef>();
  // The largest named group per noun|period so far ("10 chỉ tiêu chủ yếu"): a part larger than a later whole.
  const largestPart = new Map<string, TotalRef>();
  for (const t of totals) {
    const c = t.ref.count;
    const bareKey = `${c.noun.text}||${t.ref.period}`;
    if (t.bare) {
      let e: TotalRef | undefined;
      if (t.bare === 'defined') {
        e = firstDefined.get(bareKey);
        if (e && e.total !== t.total) conflicts.push({ later: t, earlier: e });
        if (!e) firstDefined.set(bareKey, t);
      }
      // A named group stated earlier with more items than this whole (or this definition).
      const part = largestPart.get(bareKey);
      if (part && part.total > t.total && !(e && e.total !== t.total)) conflicts.push({ later: t, earlier: part });
      if (e || part) earlier.set(c, e ?? part!);
      const w = smallestWhole.get(bareKey);
      if (!w || t.total < w.total) smallestWhole.set(bareKey, t);
      continue;
    }
    {
      // A named group larger than the whole set of its noun and period stated earlier.
      const whole = smallestWhole.get(bareKey);
      if (whole && t.total > whole.total && !c.owner && MAIN_MODIFIERS.has(c.modifier)) {
        conflicts.push({ later: t, earlier: whole });
        earlier.set(c, whole);
      }
      const lp = largestPart.get(bareKey);
      if (!c.owner && MAIN_MODIFIERS.has(c.modifier) && (!lp || t.total > lp.total)) largestPart.set(bareKey, t);
    }
    const key = t.key;
    let e: TotalRef | undefined;
    const owned = byOwner.get(key) ?? [];
    if (c.owner) {
      const a = owned.slice(0, 20).find((o) => ownersCompatible(o.ref.count.owner!, c.owner!, !!c.modifier));
      const b = firstNoOwner.get(key);
      e = a && b ? (order(a, b) < 0 ? a : b) : (a ?? b);
      // Without a modifier, the owner is the group's name: an owner-less mention is not the same group.
      if (!c.modifier) e = a;
    } else if (c.modifier) e = firstAny.get(key);
    if (e) {
      earlier.set(c, e);
      if (e.total !== t.total) conflicts.push({ later: t, earlier: e });
    }
    if (!firstAny.has(key)) firstAny.set(key, t);
    if (c.owner) {
      if (owned.length < 50 && !owned.some((o) => o.ref.count.owner === c.owner)) owned.push(t);
      byOwner.set(key, owned);
    } else if (!firstNoOwner.has(key)) firstNoOwner.set(key, t);
  }
  const result: DocTasks = { counts, lists, totals, earlier, conflicts };
  st.result = result;
  st.year = doc.year;
  st.claimItem = claimItem;
  st.claimSpan = claimSpan;
  return result;
}

/**
 * Flat bases of this check's blocks: the unchanged prefix keeps the last ones,
 * the middle is counted, the unchanged suffix shifts by what the middle added
 * (updated in place when the number of blocks is the same).
 */
function flatBases(blocks: readonly Block[], oldBase: Int32Array, p: number, mid: number, delta: number): Int32Array {
  const n = blocks.length;
  const on = n - delta;
  let size = 0;
  for (let bi = p; bi < mid; bi++) size += flatSize(blocks[bi]);
  const flatDelta = oldBase[p] + size - oldBase[on - (n - mid)];
  // As many blocks as before: update in place (the array is only this store's).
  const base = delta === 0 ? oldBase : new Int32Array(n + 1);
  if (delta === 0) {
    for (let bi = p; bi < mid; bi++) base[bi + 1] = base[bi] + flatSize(blocks[bi]);
    if (flatDelta) for (let bi = mid + 1; bi <= n; bi++) base[bi] += flatDelta;
    return base;
  }
  base.set(oldBase.subarray(0, p + 1));
  for (let bi = p; bi < mid; bi++) base[bi + 1] = base[bi] + flatSize(blocks[bi]);
  for (let bi = mid + 1; bi <= n; bi++) base[bi] = oldBase[bi - delta] + flatDelta;
  return base;
}

/** A block's counts with their periods, and the totals of task groups among them. */
function blockEntry(block: Block, facts: BlockTaskFacts, context: YearHint | undefined, year: number | undefined): BlockEntry {
  const periodOf = (h: YearHint | undefined): string =>
    h?.year !== undefined ? String(h.year) : h?.next ? (year !== undefined ? String(year + 1) : 'next') : year !== undefined ? String(year) : '';
  // The count's own year wins, with its own part; a count that names only a part ("Trong 6 tháng cuối
  // năm, ...") takes the heading's year. "2025@6 tháng cuối" is another group than "2025".
  const resolve = (h: YearHint | undefined): string => {
    if (h?.span) return `span:${h.span}`;
    const own = !!h && (h.year !== undefined || !!h.next);
    const part = own ? h!.part : (h?.part ?? context?.part);
    return periodOf(own ? h : context) + (part ? `@${part}` : '');
  };
  const refs: CountRef[] = [];
  const totals: TotalRef[] = [];
  for (const c of facts.counts) {
    const ref: CountRef = { block, count: c, order: 0, period: resolve(c.yearHint) };
    refs.push(ref);
    if (c.noun.cls !== 'task' || c.approx || c.subset) continue;
    // Another unit's tasks ("Trung tâm Y tế huyện A có 4 nhiệm vụ trọng tâm", "các xã đề ra ...") are another group.
    if (otherUnitSubject(block.prose, Math.max(c.sentenceStart, c.start - 80), c.start)) continue;
    if (!c.modifier && !c.owner) {
      // The noun alone: the whole set ("hoàn thành 8/8 chỉ tiêu") or its definition ("đề ra 4 nhóm giải pháp").
      const key = `${c.noun.text}||${ref.period}`;
      if (c.kind === 'fraction' && c.x.value <= c.y!.value && c.y!.value > 1) totals.push({ ref, total: c.y!.value, key, label: c.noun.text, numStart: c.y!.s, numEnd: c.y!.e, bare: 'whole' });
      else if (c.kind === 'bare' && !c.verb && !c.negated && definedBy(block.prose, c.start, c.noun.text)) totals.push({ ref, total: c.x.value, key, label: c.noun.text, numStart: c.x.s, numEnd: c.x.e, bare: 'defined' });
      continue;
    }
    let total: number;
    let num = c.x;
    if (c.kind === 'fraction') {
      // "7/6" is task-count-exceeds' business; its total is not trusted here.
      if (c.x.value > c.y!.value) continue;
      total = c.y!.value;
      num = c.y!;
    } else {
      if (c.verb || c.negated) continue;
      total = c.x.value;
    }
    const key = `${c.noun.text}|${groupModifier(c)}|${ref.period}`;
    const label = c.modifier ? `${c.noun.text} ${c.modifier}` : `${c.noun.text} ${c.owner}`;
    totals.push({ ref, total, key, label, numStart: num.s, numEnd: num.e });
  }
  const claims: number[] = [];
  for (let r = 0; r < refs.length; r++) {
    const c = refs[r].count;
    if (c.intro && !c.intro.ambiguous && expectedItems(c)) claims.push(r);
  }
  return { facts, context, year, refs, totals, claims, lists: refs.map(() => undefined), span: new Int32Array(refs.length).fill(-1) };
}

/**
 * The modifier that names the group. A set assigned by someone ("chỉ tiêu kinh tế - xã hội chủ yếu do
 * Quốc hội giao") is the same set with or without the trailing "chủ yếu", "chính", "cơ bản": what was
 * assigned is the set. Without an assigner, "chỉ tiêu chuyên môn chủ yếu" may be a part of "chỉ tiêu
 * chuyên môn" and stays another group.
 */
function groupModifier(c: TaskCount): string {
  const m = c.modifier;
  if (!c.owner || giverOf(c.owner) === undefined) return m;
  for (const tail of MAIN_MODIFIERS) if (m.length > tail.length + 1 && m.endsWith(' ' + tail)) return m.slice(0, m.length - tail.length - 1);
  return m;
}

/** The assigner of an owner "được X giao" / "do X giao" ("" for a plain "được giao"), else undefined. */
function giverOf(owner: string): string | undefined {
  const m = /^(?:được|do)((?: [^ ]+){0,7}) giao$/u.exec(owner);
  return m ? m[1].trim() : undefined;
}

// A unit as the subject of the count's clause (its first words): the count is that unit's, not the report's.
const OTHER_UNIT = /^[ \u00a0]*(?:[\p{L}\p{M}]+[ \u00a0]+){0,2}?(?:xã(?![ \u00a0]hội)|phường|thị trấn|huyện|quận|thị xã|bệnh viện|trung tâm y tế|trạm y tế|khoa|phòng khám|đơn vị)(?![\p{L}\p{M}])/iu;
// The writer naming itself by its kind alone, as the clause's subject right before its verb: "Trung tâm Y
// tế huyện đã hoàn thành", "Bệnh viện đạt", "Trạm y tế xã có". A name ("Bệnh viện Đa khoa", "bệnh viện
// đa khoa tỉnh", "Trạm y tế xã Tân Lập") or a plural ("các trạm") makes it another unit.
const OWN_UNIT = /^[ \u00a0]*(?:trung tâm y tế|trung tâm|bệnh viện|trạm y tế|trạm|đơn vị)(?:[ \u00a0]+(?:huyện|quận|thị xã|thành phố|tỉnh|xã|phường|thị trấn))?[ \u00a0]+(?:đã|đều|cũng|đạt|hoàn thành|vượt|có|đề ra|tập trung|triển khai|thực hiện|xác định)(?![\p{L}\p{M}])/u;
function otherUnitSubject(prose: string, from: number, to: number): boolean {
  let clause = prose.slice(from, to);
  const cut = Math.max(...['.', ';', ':', '!', '?', ',', '\n'].map((ch) => clause.lastIndexOf(ch)));
  if (cut >= 0) clause = clause.slice(cut + 1);
  if (!OTHER_UNIT.test(clause)) return false;
  return !OWN_UNIT.test(clause.normalize('NFC').toLowerCase());
}

// Modifiers that name the report's main set of a noun ("10 chỉ tiêu chủ yếu"): the set a bare
// "hoàn thành 8/8 chỉ tiêu" refers to. A domain modifier ("chỉ tiêu chuyên môn") names another set.
const MAIN_MODIFIERS = new Set(['chủ yếu', 'chính', 'cơ bản', 'trọng tâm', 'chủ chốt', 'trọng yếu', 'quan trọng']);

// Verbs that define a set by its size ("đề ra 4 nhóm giải pháp"); "thực hiện", "triển khai"
// only for "nhóm ..." nouns, which name the set itself (a bare "thực hiện 3 nhiệm vụ" may be a part).
const DEFINING = /(?:^|[^\p{L}\p{M}])(?:đề ra|đặt ra|xác định|bao gồm|gồm|đề xuất)(?![\p{L}\p{M}])/iu;
const DEFINING_GROUP = /(?:^|[^\p{L}\p{M}])(?:thực hiện|triển khai|tập trung|với)(?![\p{L}\p{M}])/iu;
/** The clause before a count (cut at punctuation; "và" keeps it: "đề ra 6 nhiệm vụ ... và 4 nhóm giải pháp") defines its set. */
function definedBy(prose: string, start: number, noun: string): boolean {
  let before = prose.slice(Math.max(0, start - 60), start);
  const cut = Math.max(...['.', ';', ':', '!', '?', ',', '\n', '(', ')'].map((c) => before.lastIndexOf(c)));
  if (cut >= 0) before = before.slice(cut + 1);
  return DEFINING.test(before) || (noun.startsWith('nhóm ') && DEFINING_GROUP.test(before));
}

/**
 * Equal, one extends the other ("được quốc hội" / "được quốc hội giao"), or the same assigner. A plain
 * "được giao" fits any assigner only in a named group ("chỉ tiêu chuyên môn được giao" / "chỉ tiêu
 * chuyên môn Sở Y tế giao"; "chỉ tiêu kinh tế - xã hội chủ yếu do Hội đồng nhân dân giao" / "chỉ tiêu
 * kinh tế - xã hội được giao": writers restate their assigned set so): "10 chỉ tiêu được giao" may
 * gather what several bodies assigned, "8 chỉ tiêu do Sở Y tế giao" is one body's.
 */
function ownersCompatible(a: string, b: string, named: boolean): boolean {
  if (a === b || a.startsWith(b + ' ') || b.startsWith(a + ' ')) return true;
  if (!named) return false;
  const ga = giverOf(a);
  const gb = giverOf(b);
  return ga !== undefined && gb !== undefined && (ga === gb || ga === '' || gb === '');
}

function order(a: TotalRef, b: TotalRef): number {
  return a.ref.order - b.ref.order;
}

/** The numbers of items a claim can be followed by. */
export function expectedItems(c: TaskCount): number[] | undefined {
  if (c.approx) return undefined;
  if (c.kind === 'bare') return [c.x.value];
  const x = c.x.value;
  const y = c.y!.value;
  if (x > y) return undefined;
  return x === y ? [y] : [x, y, y - x];
}

function matchEnumeration(ref: CountRef, flat: Flat, fi: number): ListMatch | undefined {
  const c = ref.count;
  const intro = c.intro;
  const expected = expectedItems(c);
  if (!intro || intro.ambiguous || !expected) return undefined;
  const here = flat.at(fi)!;
  let found: { kind: 'markdown' | 'numbered'; items: ItemRange[]; range: SpanRange } | undefined;
  if (intro.colon) found = markdownListAfter(here, flat, fi);
  if (!found && (intro.inlineMarker || intro.lastSentence)) {
    // "N nouns: (1) ..." — right after a colon even a single numbered item is an enumeration.
    const before = intro.inlineMarker ? here.block.prose.slice(c.phraseEnd, intro.inlineMarker.s).replace(/[\s\u0000]+$/u, '') : '';
    const afterColon = intro.inlineMarker ? /:$/.test(before) || /(?:^|\s)(?:gồm|là)$/u.test(before) : intro.colon;
    found = numberedAfter(here, flat, fi, intro.inlineMarker, afterColon);
  }
  if (!found) return undefined;
  const n = found.items.length;
  return { claim: ref, kind: found.kind, items: n, expected, matches: expected.includes(n), range: found.range, itemRanges: found.items };
}

const ITEM_IS_ELLIPSIS = /^[\s\u0000]*(?:…|\.\.\.|v\.v\.?|vv\.?)[\s\u0000.;]*$/u;

function markdownListAfter(here: SegRef, flat: Flat, fi: number): { kind: 'markdown'; items: ItemRange[]; range: SpanRange } | undefined {
  const block = here.block;
  let list: ListInfo | undefined;
  let listBlock = block;
  // In the same block: the first list that starts after the intro, with no other prose in between.
  const li = firstStartAtOrAfter(block.lists, here.seg.end);
  if (li < block.lists.length) {
    const l = block.lists[li];
    const si = firstStartAtOrAfter(block.segments, here.seg.end);
    const between = si < block.segments.length && block.segments[si].start < l.start;
    if (!between) list = l;
  }
  if (!list && here.si === block.segments.length - 1) {
    const next = flat.at(fi + 1);
    if (next && next.block !== block && next.block.type === 'list' && next.block.lists.length && next.si === 0) {
      list = next.block.lists[0];
      listBlock = next.block;
    }
  }
  if (!list || !list.items.length) return undefined;
  const l = list;
  // Item paragraphs, to read markers and the last item's text.
  const itemSegs = itemSegmentsOf(listBlock).get(l.listId) ?? [];
  if (l.ordered) {
    const first = itemSegs.find((x) => x.s.listItem!.index === 0);
    const n = first ? parseInt(first.s.listItem!.marker, 10) : 1;
    if (Number.isFinite(n) && n !== 1) return undefined;
  }
  for (const x of itemSegs) {
    const text = listBlock.prose.slice(x.s.start, x.s.end);
    if (ITEM_IS_ELLIPSIS.test(text)) return undefined;
  }
  // Flat index of the list's last item paragraph (a block's segments are contiguous in `flat`).
  const lastSi = itemSegs[itemSegs.length - 1]?.si ?? 0;
  const idx = listBlock === block ? fi + (lastSi - here.si) : fi + 1 + lastSi;
  // A last item that trails off ("…", "v.v.") makes the list open-ended.
  if (itemSegs.length && flat.at(idx)?.facts.openEnded) return undefined;
  // An ordered list continued after an interruption ("4." after a paragraph) is ambiguous.
  if (l.ordered) {
    let seen = 0;
    for (let k = idx + 1; seen < 6; k++) {
      const r = flat.at(k);
      if (!r) break;
      if (r.block === listBlock) continue;
      seen++;
      if (r.seg.kind === 'heading') break;
      const li = r.seg.listItem;
      if (li && li.ordered && li.index === 0 && parseInt(li.marker, 10) === l.items.length + 1) return undefined;
    }
  }
  const items = l.items.map((it) => ({ block: listBlock, start: it.start, end: trimEnd(listBlock, it.start, it.end) }));
  return { kind: 'markdown', items, range: { block: listBlock, start: l.start, endBlock: listBlock, end: trimEnd(listBlock, l.start, l.end) } };
}

/** The first paragraph of each list item, by list id (once per block). */
const itemSegmentsOf = analysis('task-list-items', (block: Block): Map<number, { s: Segment; si: number }[]> => {
  const m = new Map<number, { s: Segment; si: number }[]>();
  block.segments.forEach((s, si) => {
    if (!s.listItem) return;
    const list = m.get(s.listItem.listId) ?? [];
    list.push({ s, si });
    m.set(s.listItem.listId, list);
  });
  return m;
}) as (block: Block) => Map<number, { s: Segment; si: number }[]>;

function trimEnd(block: Block, start: number, end: number): number {
  let e = end;
  while (e > start && /[\s\u0000]/u.test(block.prose[e - 1])) e--;
  return e;
}

const VN_ALPHA = 'abcdđeghiklmnopqrstuvxy';
const LATIN = 'abcdefghijklmnopqrstuvwxyz';

function isSuccessor(prev: Marker, next: Marker): boolean {
  if (prev.style !== next.style) return false;
  if (prev.letter !== undefined && next.letter !== undefined) {
    const a = VN_ALPHA.indexOf(prev.letter);
    const b = LATIN.indexOf(prev.letter);
    return (a >= 0 && VN_ALPHA[a + 1] === next.letter) || (b >= 0 && LATIN[b + 1] === next.letter);
  }
  return next.rank === prev.rank + 1;
}

function numberedAfter(here: SegRef, flat: Flat, fi: number, inline: Marker | undefined, afterColon: boolean): { kind: 'numbered'; items: ItemRange[]; range: SpanRange } | undefined {
  let k = fi;
  let first = inline;
  if (!first) {
    const next = flat.at(fi + 1);
    if (!next || next.seg.kind === 'heading') return undefined;
    const m = next.facts.markers[0];
    if (!m || !m.atStart || m.rank !== 1) return undefined;
    // A Markdown list item starting with "a)" is a list: counted as a list, not here.
    if (next.seg.listItem && next.block === here.block) return undefined;
    first = m;
    k = fi + 1;
  }
  // One SegRef per segment: items in the same segment are told apart by `ref` identity below.
  let ref = flat.at(k)!;
  const starts: { ref: SegRef; m: Marker }[] = [{ ref, m: first }];
  let last = first;
  let mi = ref.facts.markers.indexOf(first);
  for (let guard = 0; guard < 500; guard++) {
    // Next strict marker of the style in the same segment.
    let q = mi + 1;
    while (q < ref.facts.markers.length && !(ref.facts.markers[q].strict && ref.facts.markers[q].style === last.style)) q++;
    const inSeg = ref.facts.markers[q];
    if (inSeg && isSuccessor(last, inSeg)) {
      starts.push({ ref, m: inSeg });
      last = inSeg;
      mi = q;
      continue;
    }
    if (inSeg) break; // another marker of the style, out of sequence
    const nx = flat.at(k + 1);
    if (!nx || nx.seg.kind === 'heading') break;
    const m0 = nx.facts.markers[0];
    if (m0 && m0.atStart && isSuccessor(last, m0)) {
      k++;
      ref = nx;
      starts.push({ ref, m: m0 });
      last = m0;
      mi = 0;
      continue;
    }
    break;
  }
  if (starts.length < 2 && !(afterColon && first.style !== 'ordinal')) return undefined;
  // Ambiguity: a later marker of the same style that would continue the series beyond where it stopped.
  const laterMarkers = (r: SegRef, after: number) => r.facts.markers.filter((m) => m.s > after && m.style === last.style && m.rank > last.rank);
  if (laterMarkers(ref, last.e).length) return undefined;
  for (let q = k + 1, seen = 0; seen < 4; q++, seen++) {
    const r = flat.at(q);
    if (!r || r.seg.kind === 'heading') break;
    if (laterMarkers(r, -1).length) return undefined;
  }
  // A last item that trails off ("…", "v.v.") is not an exhaustive list.
  const lastText = ref.block.prose.slice(last.e, ref.seg.end);
  if (/v\.v|…|\.\.\./u.test(lastText)) return undefined;
  const items: ItemRange[] = starts.map((st, q) => {
    const nextSt = starts[q + 1];
    const end = nextSt && nextSt.ref === st.ref ? nextSt.m.s : st.ref.seg.end;
    return { block: st.ref.block, start: st.m.s, end: trimEnd(st.ref.block, st.m.s, end) };
  });
  const lastItem = items[items.length - 1];
  return { kind: 'numbered', items, range: { block: items[0].block, start: items[0].start, endBlock: lastItem.block, end: lastItem.end } };
}
