// Editor support for task counts: every count in the document with absolute
// offsets and what the rules matched it with (the enumeration after it, the
// earlier total of its group), and the task groups for the outline.
// Usage (server): const doc = buildDocModel(text, config, cache); taskSummary(doc, config).
import type { Block, Locale, Msg } from '../types';
import { msg, localize } from '../msg';
import type { DocModel } from '../rule';
import type { ResolvedConfig } from '../config';
import { docOffset } from '../engine';
import { docTasks, type CountRef, type TotalRef } from './match';
import { countText, periodEn, periodVi } from './text';

export { taskFactsOf, type TaskCount, type MalformedCount, type BlockTaskFacts } from './counts';
export { docTasks, type DocTasks, type ListMatch, type TotalRef, type CountRef } from './match';
export { nounMatcher, DEFAULT_TASK_NOUNS, DEFAULT_UNIT_NOUNS } from './nouns';

/** Absolute document offsets [start, end). */
export interface DocRange {
  start: number;
  end: number;
}

export interface TaskCountSummary extends DocRange {
  kind: 'fraction' | 'total';
  /** The count as written: "6/6 nhiệm vụ trọng tâm". */
  text: string;
  /** Fraction: the count. */
  x?: number;
  /** Fraction: the total; bare count: the number. */
  y?: number;
  /** Where the number(s) are: "6/6" or "10". */
  numbers: DocRange;
  noun: string;
  nounClass: 'task' | 'unit';
  /** Group label "nhiệm vụ trọng tâm" (noun + modifier). */
  group: string;
  /** Group key (noun|modifier|period) when the count is a total of a task group. */
  groupKey?: string;
  /** "2024", "next" or "" (unknown). */
  period: string;
  /** Hedged ("khoảng 10") or a subset ("trong đó 3"): not compared with lists or totals. */
  approx: boolean;
  /** The enumeration it was matched with. */
  list?: DocRange & {
    kind: 'markdown' | 'numbered';
    items: number;
    expected: number[];
    matches: boolean;
    itemRanges: DocRange[];
  };
  /** The earlier total of the same group it was compared with. */
  earlier?: DocRange & { total: number; text: string; conflicts: boolean };
  /** A stated rest ("chỉ còn 3 tỉnh"). */
  complement?: DocRange & { value: number; expected: number };
}

export interface TaskGroupSummary {
  key: string;
  /** "nhiệm vụ trọng tâm (năm 2024)" */
  label: Msg;
  noun: string;
  period: string;
  /** The first total stated; all distinct totals in document order. */
  total: number;
  totals: number[];
  /** Range of the first mention (for the outline's selection range). */
  first: DocRange;
  /** Indices into `counts`. */
  counts: number[];
}

export interface TaskSummary {
  counts: TaskCountSummary[];
  groups: TaskGroupSummary[];
}

const abs = (b: Block, s: number, e: number): DocRange => {
  const start = docOffset(b, s);
  return { start, end: Math.max(start, docOffset(b, e)) };
};

/** Task counts and groups of a document, in document offsets (for hover and the outline). */
export function taskSummary(doc: DocModel, config: ResolvedConfig): TaskSummary {
  const dt = docTasks(doc, config);
  const totalOf = new Map<CountRef, TotalRef>();
  for (const t of dt.totals) totalOf.set(t.ref, t);
  const conflicting = new Set(dt.conflicts.map((c) => c.later));
  const counts: TaskCountSummary[] = [];
  const groups = new Map<string, TaskGroupSummary>();
  for (const ref of dt.counts) {
    const c = ref.count;
    const b = ref.block;
    const group = c.noun.cls === 'task' && c.modifier ? `${c.noun.text} ${c.modifier}` : c.noun.text;
    const s: TaskCountSummary = {
      ...abs(b, c.start, c.phraseEnd),
      kind: c.kind === 'fraction' ? 'fraction' : 'total',
      text: countText(c),
      numbers: abs(b, c.x.s, c.kind === 'fraction' ? c.y!.e : c.x.e),
      noun: c.noun.text,
      nounClass: c.noun.cls,
      group,
      period: ref.period,
      approx: c.approx || c.subset,
    };
    if (c.kind === 'fraction') {
      s.x = c.x.value;
      s.y = c.y!.value;
    } else s.y = c.x.value;
    const lm = dt.lists.get(c);
    if (lm) {
      s.list = {
        start: docOffset(lm.range.block, lm.range.start),
        end: docOffset(lm.range.endBlock, lm.range.end),
        kind: lm.kind,
        items: lm.items,
        expected: lm.expected,
        matches: lm.matches,
        itemRanges: lm.itemRanges.map((r) => abs(r.block, r.start, r.end)),
      };
    }
    const e = dt.earlier.get(c);
    const t = totalOf.get(ref);
    if (e) {
      s.earlier = {
        ...abs(e.ref.block, e.numStart, e.numEnd),
        total: e.total,
        text: countText(e.ref.count),
        conflicts: !!t && conflicting.has(t),
      };
    }
    if (c.complement && c.kind === 'fraction') {
      s.complement = { ...abs(b, c.complement.s, c.complement.e), value: c.complement.value, expected: c.y!.value - c.x.value };
    }
    const index = counts.length;
    counts.push(s);
    // Outline: task groups by their totals; other counts grouped by noun and period.
    if (t) {
      s.groupKey = t.key;
      let g = groups.get(t.key);
      if (!g) {
        g = { key: t.key, label: msg(`${t.label}${periodVi(ref.period)}`, `${t.label}${periodEn(ref.period)}`), noun: c.noun.text, period: ref.period, total: t.total, totals: [], first: s.numbers, counts: [] };
        groups.set(t.key, g);
      }
      if (!g.totals.includes(t.total)) g.totals.push(t.total);
      g.counts.push(index);
    } else if (c.noun.cls === 'task' && !s.approx) {
      const key = `${group}||${ref.period}`;
      let g = groups.get(key);
      const total = s.y!;
      if (!g) {
        g = { key, label: msg(`${group}${periodVi(ref.period)}`, `${group}${periodEn(ref.period)}`), noun: c.noun.text, period: ref.period, total, totals: [], first: s.numbers, counts: [] };
        groups.set(key, g);
      }
      if (!g.totals.includes(total)) g.totals.push(total);
      g.counts.push(index);
    }
  }
  return { counts, groups: [...groups.values()] };
}

/** Hover text for a count (Markdown, in the given locale). */
export function taskHover(s: TaskCountSummary, locale: Locale, lineOf: (offset: number) => number): string {
  const lines: Msg[] = [];
  const what = s.kind === 'fraction' ? msg(`**${s.text}**: ${s.x}/${s.y}`, `**${s.text}**: ${s.x} of ${s.y}`) : msg(`**${s.text}**: tổng số ${s.y}`, `**${s.text}**: total ${s.y}`);
  const year = s.period && s.period !== 'next' ? msg(periodVi(s.period), periodEn(s.period)) : msg('', '');
  lines.push(msg(what.vi + year.vi, what.en + year.en));
  if (s.list) {
    const l = s.list;
    const at = lineOf(l.start) + 1;
    const kind = l.kind === 'markdown' ? msg('danh sách', 'list') : msg('các mục đánh số', 'numbered items');
    const verdict = l.matches ? msg(' ✓', ' ✓') : msg(` ✗ (cần ${l.expected.join(' hoặc ')})`, ` ✗ (expected ${l.expected.join(' or ')})`);
    lines.push(msg(`So với ${kind.vi} ở dòng ${at}: ${l.items} mục${verdict.vi}`, `Matched with the ${kind.en} on line ${at}: ${l.items} items${verdict.en}`));
  }
  if (s.earlier) {
    const at = lineOf(s.earlier.start) + 1;
    const mark = s.earlier.conflicts ? ' ✗' : ' ✓';
    lines.push(msg(`Tổng số nêu trước ở dòng ${at}: ${s.earlier.total}${mark}`, `Earlier total on line ${at}: ${s.earlier.total}${mark}`));
  }
  if (s.complement) {
    lines.push(msg(`Số còn lại nêu trong câu: ${s.complement.value} (cần ${s.complement.expected})`, `Stated rest: ${s.complement.value} (expected ${s.complement.expected})`));
  }
  return lines.map((m) => localize(m, locale)).join('\n\n');
}
