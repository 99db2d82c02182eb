// indicator-conflict: the same indicator, sub-type, period, place and kind
// given two values that cannot both be right (after unit conversion, rounding
// and hedges). Reported on the later mention, with the earlier ones as related
// information and one fix per other value.
import type { Block, DraftFix } from '../types';
import { groupSpec, msg, type DocDraft, type Member, type Rule } from '../rule';
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
  // One group per fact (indicator, sub-type, period, place, kind): its
  // summary is which mentions conflict with which earlier values; a member's
  // drafts are redone when its mentions or their verdicts change, or when a
  // line its messages quote moved.
  groups: groupSpec<ResolvedMention, Verdicts>({
    documentFacts: (doc, ctx) => factsOf(resolveDocument(doc, ctx.config).lists),
    key: (rm) => rm.key,
    summary: (g) => judge(g.members),
    sameFor(m, a, b) {
      for (const rm of m.facts) {
        const x = a.get(rm);
        const y = b.get(rm);
        if (x !== y && (!x || !y || x.length !== y.length || x.some((c, k) => c !== y[k]))) return false;
      }
      return true;
    },
    drafts(m, verdicts, _g, _ctx, lines) {
      const out: DocDraft[] = [];
      for (const rm of m.facts) {
        const others = verdicts.get(rm);
        if (others) out.push(report(rm, others, others.map((c) => lines.lineOf(c.block, c.m.start) + 1)));
      }
      return out;
    },
  }),
};

/** Each block's resolved mentions (the same array while the block's resolution holds). */
function* factsOf(lists: readonly (readonly ResolvedMention[])[]): Iterable<{ block: Block; facts: readonly ResolvedMention[] }> {
  for (const list of lists) if (list.length) yield { block: list[0].block, facts: list };
}

/** The mentions that disagree with earlier values of their fact, each with those values (first mention of each). */
type Verdicts = Map<ResolvedMention, ResolvedMention[]>;

function judge(members: readonly Member<ResolvedMention>[]): Verdicts | undefined {
  let n = 0;
  for (const m of members) n += m.facts.length;
  if (n < 2) return undefined;
  const verdicts: Verdicts = new Map();
  // Distinct values seen so far (first mention of each); the first one is the reference.
  const classes: ResolvedMention[] = [];
  for (const m of members)
    for (const rm of m.facts) {
      if (classes.length && !overlaps(rm.interval, classes[0].interval)) {
        verdicts.set(
          rm,
          classes.filter((c) => !overlaps(c.interval, rm.interval)).slice(0, MAX_RELATED),
        );
      }
      if (!classes.length || (classes.length < MAX_CLASSES && !classes.some((c) => c.m.hedge === rm.m.hedge && c.norm === rm.norm && c.normHi === rm.normHi))) classes.push(rm);
    }
  return verdicts;
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
