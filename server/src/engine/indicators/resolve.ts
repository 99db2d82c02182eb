// The document-level step: give every mention the period, kind and place it
// inherits from the headings above it, a table caption, or the document's year,
// then its comparison key and its value in the catalogue unit. Linear in the
// number of blocks and mentions; cached per DocModel so the indicator rules and
// the editor features share one pass.
import type { DocModel } from '../rule';
import type { Block, Msg } from '../types';
import type { ResolvedConfig } from '../config';
import { catalogueFor, type Indicator } from './catalogue';
import { blockIndicators, factorOf, type Context, type Mention, type MentionKind } from './mentions';
import type { PeriodSpec } from './read';
import { intervalOf } from './compare';

export interface ResolvedMention {
  m: Mention;
  block: Block;
  ind: Indicator;
  period?: PeriodSpec;
  /** Comparison key of the period ("2023", "6T/2023", "2021-2025"), undefined when unknown. */
  periodKey?: string;
  periodLabel?: Msg;
  place: string;
  placeLabel: Msg;
  kind: MentionKind;
  /** Mentions with the same key are the same fact; undefined: never compared. */
  key?: string;
  /** The interval of true values in the catalogue unit. */
  interval: [number, number];
  /** The value in the catalogue unit (and the top of a range). */
  norm: number;
  normHi?: number;
  /** Document offsets of the figure. */
  start: number;
  end: number;
  /** Zero-based line of the figure. */
  line: number;
}

export interface DocIndicators {
  mentions: ResolvedMention[];
  /** Zero-based document line of a prose offset in a block. */
  lineOf(block: Block, proseOffset: number): number;
}

const cache = new WeakMap<DocModel, { key: string; value: DocIndicators }>();

export function resolveDocument(doc: DocModel, config: ResolvedConfig): DocIndicators {
  const c = cache.get(doc);
  if (c && c.key === config.key) return c.value;
  const value = resolve(doc, config);
  cache.set(doc, { key: config.key, value });
  return value;
}

/** Offsets of the newlines of a block's source (cached with the block). */
function newlinesOf(block: Block): number[] {
  let n = block.memo.get('newline-offsets') as number[] | undefined;
  if (!n) {
    n = [];
    for (let i = 0; i < block.source.length; i++) if (block.source.charCodeAt(i) === 10) n.push(i);
    block.memo.set('newline-offsets', n);
  }
  return n;
}

function resolve(doc: DocModel, config: ResolvedConfig): DocIndicators {
  const cat = catalogueFor(config);
  const lineStart = new Map<Block, number>();
  let line = 0;
  for (const b of doc.blocks) {
    lineStart.set(b, line);
    line += newlinesOf(b).length;
  }
  const lineOf = (block: Block, proseOffset: number): number => {
    const upto = block.toSource(proseOffset);
    const nl = newlinesOf(block);
    let lo = 0;
    let hi = nl.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (nl[mid] < upto) lo = mid + 1;
      else hi = mid;
    }
    return (lineStart.get(block) ?? 0) + lo;
  };

  const infos = doc.blocks.map((b) => (b.segments.length ? blockIndicators(b, config) : undefined));
  const provinceScope = infos.some((x) => x?.provinceScope);
  const docYear = doc.year;
  const headings: (Context & { level: number })[] = [];
  let caption: Context | undefined;
  const out: ResolvedMention[] = [];

  doc.blocks.forEach((block, bi) => {
    const info = infos[bi];
    if (!info) return;
    if (info.heading) {
      while (headings.length && headings[headings.length - 1].level >= info.heading.level) headings.pop();
      // The title's place ("Báo cáo ... tỉnh Lai Châu năm 2023") is the report's own scope, not a section's.
      headings.push(info.heading.level === 1 && info.heading.place?.key !== 'national' ? { ...info.heading, place: undefined } : info.heading);
      caption = undefined;
    }
    const inner = <K extends keyof Context>(k: K): Context[K] | undefined => {
      for (let i = headings.length - 1; i >= 0; i--) if (headings[i][k] !== undefined) return headings[i][k];
      return undefined;
    };
    for (const m of info.mentions) {
      const ind = cat.byId.get(m.ind);
      if (!ind) continue;
      const tableCaption = m.tableId !== undefined ? caption : undefined;
      // Period: the mention's own, else the caption's, the nearest heading's, the document's year.
      let period = m.period;
      const fallback = tableCaption?.period ?? inner('period') ?? (docYear ? { year: docYear } : undefined);
      if (!period && !m.periodBlocked) period = fallback;
      // "6 tháng đầu năm" with no year: the year of the caption, the headings above, or the document.
      if (period && period.year === undefined && period.months !== undefined) {
        let year = tableCaption?.period?.year;
        for (let i = headings.length - 1; i >= 0 && year === undefined; i--) year = headings[i].period?.year;
        year ??= docYear;
        if (year !== undefined) period = { ...period, year };
      }
      const periodKey = period && period.year !== undefined ? keyOf(period) : undefined;
      // Kind: stated, else the caption's or heading's ("Kế hoạch năm 2024"), else achieved.
      let kind = m.kind;
      if (!m.kindExplicit && kind === 'achieved') kind = tableCaption?.kind ?? inner('kind') ?? 'achieved';
      // "Đến năm 2030: 100% ...": a deadline after the report's year (or in a report of unknown year) is a target.
      if (!m.kindExplicit && period?.until && period.year !== undefined && (docYear === undefined || period.year > docYear) && kind === 'achieved') kind = 'target';
      // Place: stated, else the nearest heading's (a district section), else the document's scope.
      let place = m.place;
      let placeLabelRaw = m.placeLabel;
      if (!place) {
        const hp = inner('place');
        if (hp) {
          place = hp.key;
          placeLabelRaw = hp.label;
        }
      }
      if (!place) place = provinceScope ? 'province' : 'doc';
      const f = factorOf(ind, m);
      const interval = intervalOf(m, f);
      const comparable = ind.compare !== false && kind !== 'change' && !m.ambiguous && periodKey !== undefined;
      const start = block.start + block.toSource(m.start);
      out.push({
        m,
        block,
        ind,
        period,
        periodKey,
        periodLabel: period && periodKey ? periodLabel(period) : undefined,
        place,
        placeLabel: placeLabelOf(place, placeLabelRaw),
        kind,
        key: comparable ? [ind.id, m.sub.join('+'), periodKey, place, kind].join('|') : undefined,
        interval,
        norm: m.value * f,
        normHi: m.hi === undefined ? undefined : m.hi * f,
        start,
        end: Math.max(start, block.start + block.toSource(m.end)),
        line: lineOf(block, m.start),
      });
    }
    caption = info.caption;
  });
  return { mentions: out, lineOf };
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
  if (key === 'national') return { vi: 'cả nước', en: 'national' };
  if (key === 'province') return { vi: 'toàn tỉnh', en: 'province' };
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
