// indicator-conflict: the same indicator, sub-type, period, place and kind
// given two values that cannot both be right (after unit conversion, rounding
// and hedges). Reported on the later mention, with the earlier ones as related
// information and one fix per other value.
import type { DraftFix } from '../types';
import { msg, type DocDraft, type Rule } from '../rule';
import { resolveDocument, display, readingOf, KIND_LABEL, type ResolvedMention } from '../indicators/resolve';
import { overlaps, formatVi } from '../indicators/compare';
import { factorOf } from '../indicators/mentions';

/** Keep messages readable when a figure disagrees with many others. */
const MAX_RELATED = 5;
/** Distinct values remembered per fact (bounds the work on pathological documents). */
const MAX_CLASSES = 50;

export const rule: Rule = {
  meta: {
    id: 'indicator-conflict',
    family: 'indicator',
    severity: 'warning',
    enabledByDefault: true,
    description: msg(
      'Cùng một chỉ số (cùng kỳ, cùng địa bàn, cùng loại: thực hiện/chỉ tiêu) được ghi hai giá trị khác nhau trong văn bản.',
      'The same indicator (same period, place and kind: achieved/target) is given two different values in the document.',
    ),
    fixable: 'suggestion',
  },
  checkDocument(doc, ctx) {
    const res = resolveDocument(doc, ctx.config);
    let st = doc.store.get(STORE_KEY) as State | undefined;
    if (!st || st.configKey !== ctx.config.key) doc.store.set(STORE_KEY, (st = { configKey: ctx.config.key, groups: new Map(), lists: new WeakMap(), epoch: 0, touched: [], gen: -1, lineGen: -1, out: [] }));
    // The same mentions on the same lines as last time: the same findings.
    if (st.gen === res.gen && st.lineGen === res.lineGen) return st.out;
    const epoch = ++st.epoch;
    const touched = st.touched;
    touched.length = 0;
    // Regroup: one pass, no allocation for groups that already exist; note which ones changed.
    for (const list of res.lists) {
      // A block's compared mentions and their groups, looked up once per resolved list (the lists of unchanged blocks are kept).
      let le = st.lists.get(list);
      if (!le) {
        le = { rms: [], groups: [] };
        for (const rm of list) {
          if (!rm.key) continue;
          let g = st.groups.get(rm.key);
          if (!g) st.groups.set(rm.key, (g = { members: [], n: 0, epoch: 0, changed: true, reports: [] }));
          le.rms.push(rm);
          le.groups.push(g);
        }
        st.lists.set(list, le);
      }
      for (let k = 0; k < le.rms.length; k++) {
        const rm = le.rms[k];
        const g = le.groups[k];
        if (g.epoch !== epoch) {
          g.epoch = epoch;
          g.n = 0;
          g.changed = false;
          touched.push(g);
        }
        if (g.members[g.n] !== rm) {
          g.members[g.n] = rm;
          g.changed = true;
        }
        g.n++;
      }
    }
    // Forget the groups of keys no longer in the document (only lists gone for good refer to them).
    if (st.groups.size > 2 * touched.length + 64) {
      st.groups = new Map();
      for (const g of touched) st.groups.set(g.members[0].key!, g);
    }
    const out: DocDraft[] = [];
    // No block with mentions changed line since the last findings: their line numbers still hold.
    const moved = st.lineGen !== res.lineGen;
    for (const g of touched) {
      if (g.n !== g.members.length) {
        g.members.length = g.n;
        g.changed = true;
      }
      if (g.n < 2) {
        g.reports.length = 0;
        continue;
      }
      // The same mentions in the same order give the same verdicts; only the line numbers in the messages may have moved.
      if (g.changed) g.reports = judge(g.members, g.reports);
      for (const r of g.reports) {
        let same = !!r.draft;
        if (moved) for (let i = 0; i < r.others.length && same; i++) if (r.others[i].line + 1 !== r.lines[i]) same = false;
        if (!same) {
          for (let i = 0; i < r.others.length; i++) r.lines[i] = r.others[i].line + 1;
          r.draft = report(r.rm, r.others, r.lines);
        }
        out.push(r.draft!);
      }
    }
    st.gen = res.gen;
    st.lineGen = res.lineGen;
    st.out = out;
    return out;
  },
};

const STORE_KEY = 'indicator-conflict';

/** What this rule keeps between checks of one document (DocModel.store). */
interface State {
  configKey: string;
  groups: Map<string, Group>;
  /** Per resolved list (one block's mentions): its compared mentions and their groups. */
  lists: WeakMap<readonly ResolvedMention[], { rms: ResolvedMention[]; groups: Group[] }>;
  /** Check counter: a group's `epoch` says it was seen in the current check. */
  epoch: number;
  /** Groups seen in the current check, in document order of their first mention. */
  touched: Group[];
  /** The resolve generations the last findings were made with, and those findings. */
  gen: number;
  lineGen: number;
  out: DocDraft[];
}

/** The mentions stating one fact (same key), in document order. */
interface Group {
  members: ResolvedMention[];
  /** Members seen so far in the current check. */
  n: number;
  epoch: number;
  changed: boolean;
  reports: Report[];
}

interface Report {
  rm: ResolvedMention;
  others: ResolvedMention[];
  /** The (1-based) lines of `others` the draft was written with. */
  lines: number[];
  draft?: DocDraft;
}

function judge(g: readonly ResolvedMention[], previous: readonly Report[]): Report[] {
  const reports: Report[] = [];
  // A report about the same mention against the same others keeps its draft (a big group edited in one place).
  const before = previous.length ? new Map(previous.map((r) => [r.rm, r])) : undefined;
  // Distinct values seen so far (first mention of each); the first one is the reference.
  const classes: ResolvedMention[] = [g[0]];
  for (let i = 1; i < g.length; i++) {
    const rm = g[i];
    if (!overlaps(rm.interval, classes[0].interval)) {
      const others = classes.filter((c) => !overlaps(c.interval, rm.interval)).slice(0, MAX_RELATED);
      const p = before?.get(rm);
      if (p && p.others.length === others.length && p.others.every((c, k) => c === others[k])) reports.push(p);
      else reports.push({ rm, others, lines: [] });
    }
    if (classes.length < MAX_CLASSES && !classes.some((c) => c.m.hedge === rm.m.hedge && c.norm === rm.norm && c.normHi === rm.normHi)) classes.push(rm);
  }
  return reports;
}

function report(rm: ResolvedMention, others: ResolvedMention[], lines: readonly number[]): DocDraft {
  const here = display(rm.m);
  // Labels and displays made once each (a changed big group rebuilds many drafts).
  const period = rm.periodLabel;
  const place = rm.placeLabel;
  const kind = KIND_LABEL[rm.kind];
  const ctxVi = [period?.vi, place.vi, kind.vi].filter(Boolean).join(', ');
  const ctxEn = [period?.en, place.en, kind.en].filter(Boolean).join(', ');
  const shown = others.map((c) => display(c.m));
  // Say why: how both figures were read (period, place, kind and the words that decided).
  const how = readingOf(rm);
  const howOther = readingOf(others[0]);
  const listVi = shown.map((d, i) => `${d.vi} (dòng ${lines[i]})`).join(', ');
  const listEn = shown.map((d, i) => `${d.en} (line ${lines[i]})`).join(', ');
  const fixes: DraftFix[] = [];
  const seen = new Set<string>();
  others.forEach((c, i) => {
    const text = replacementFor(rm, c);
    if (text === undefined || seen.has(text) || text === rm.m.numText) return;
    seen.add(text);
    fixes.push({
      title: msg(`Dùng ${text} (như dòng ${lines[i]})`, `Use ${text} (as on line ${lines[i]})`),
      edits: [{ start: rm.m.numStart, end: rm.m.numEnd, newText: text }],
      safe: false,
    });
  });
  return {
    block: rm.block,
    start: rm.m.start,
    end: rm.m.end,
    message: msg(
      `${rm.ind.name_vi} (${ctxVi}) ghi ${here.vi} ở đây nhưng ${listVi} ở chỗ khác. Cách đọc: ${here.vi} — ${how.vi}. ${shown[0].vi} (dòng ${lines[0]}) — ${howOther.vi}.`,
      `${rm.ind.name_en ?? rm.ind.name_vi} (${ctxEn}) is ${here.en} here but ${listEn} elsewhere. Read as: ${here.en} — ${how.en}. ${shown[0].en} (line ${lines[0]}) — ${howOther.en}.`,
    ),
    related: others.map((c, i) => ({
      block: c.block,
      start: c.m.start,
      end: c.m.end,
      message: msg(`Giá trị khác của cùng chỉ số: ${shown[i].vi}`, `Other value of the same indicator: ${shown[i].en}`),
    })),
    fixes,
    data: { indicator: rm.ind.id, key: rm.key, values: [rm.norm, ...others.map((c) => c.norm)] },
  };
}

/** The other value written in this mention's unit, when the other is a plain figure. */
function replacementFor(rm: ResolvedMention, other: ResolvedMention): string | undefined {
  if (other.m.hi !== undefined || rm.m.hi !== undefined) return undefined;
  if (other.m.hedge === 'lower' || other.m.hedge === 'upper') return undefined;
  const fHere = factorOf(rm.ind, rm.m);
  const fOther = factorOf(other.ind, other.m);
  if (fHere === fOther) return other.m.numText;
  // Written per another base: as many decimals as the other figure had, shifted by the change of base.
  return formatVi(other.norm / fHere, Math.max(0, other.m.decimals + Math.round(Math.log10(fHere))));
}
