// indicator-conflict: the same indicator, sub-type, period, place and kind
// given two values that cannot both be right (after unit conversion, rounding
// and hedges). Reported on the later mention, with the earlier ones as related
// information and one fix per other value.
import type { DraftFix } from '../types';
import { msg, type DocDraft, type Rule } from '../rule';
import { resolveDocument, display, KIND_LABEL, type ResolvedMention } from '../indicators/resolve';
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
    fixable: true,
  },
  checkDocument(doc, ctx) {
    const { mentions, lineOf } = resolveDocument(doc, ctx.config);
    const groups = new Map<string, ResolvedMention[]>();
    for (const rm of mentions) {
      if (!rm.key) continue;
      const g = groups.get(rm.key);
      if (g) g.push(rm);
      else groups.set(rm.key, [rm]);
    }
    const out: DocDraft[] = [];
    for (const g of groups.values()) {
      if (g.length < 2) continue;
      // Distinct values seen so far (first mention of each); the first one is the reference.
      const classes: ResolvedMention[] = [g[0]];
      for (let i = 1; i < g.length; i++) {
        const rm = g[i];
        if (!overlaps(rm.interval, classes[0].interval)) {
          const others = classes.filter((c) => !overlaps(c.interval, rm.interval)).slice(0, MAX_RELATED);
          out.push(report(rm, others, (c) => lineOf(c.block, c.m.start) + 1));
        }
        if (classes.length < MAX_CLASSES && !classes.some((c) => c.m.hedge === rm.m.hedge && c.norm === rm.norm && c.normHi === rm.normHi)) classes.push(rm);
      }
    }
    return out;
  },
};

function report(rm: ResolvedMention, others: ResolvedMention[], lineNo: (c: ResolvedMention) => number): DocDraft {
  const here = display(rm.m);
  const ctxVi = [rm.periodLabel?.vi, rm.placeLabel.vi, KIND_LABEL[rm.kind].vi].filter(Boolean).join(', ');
  const ctxEn = [rm.periodLabel?.en, rm.placeLabel.en, KIND_LABEL[rm.kind].en].filter(Boolean).join(', ');
  const listVi = others.map((c) => `${display(c.m).vi} (dòng ${lineNo(c)})`).join(', ');
  const listEn = others.map((c) => `${display(c.m).en} (line ${lineNo(c)})`).join(', ');
  const fixes: DraftFix[] = [];
  const seen = new Set<string>();
  for (const c of others) {
    const text = replacementFor(rm, c);
    if (text === undefined || seen.has(text) || text === rm.m.numText) continue;
    seen.add(text);
    fixes.push({
      title: msg(`Dùng ${text} (như dòng ${lineNo(c)})`, `Use ${text} (as on line ${lineNo(c)})`),
      edits: [{ start: rm.m.numStart, end: rm.m.numEnd, newText: text }],
      safe: false,
    });
  }
  return {
    block: rm.block,
    start: rm.m.start,
    end: rm.m.end,
    message: msg(
      `${rm.ind.name_vi} (${ctxVi}) ghi ${here.vi} ở đây nhưng ${listVi} ở chỗ khác.`,
      `${rm.ind.name_en ?? rm.ind.name_vi} (${ctxEn}) is ${here.en} here but ${listEn} elsewhere.`,
    ),
    related: others.map((c) => ({
      block: c.block,
      start: c.m.start,
      end: c.m.end,
      message: msg(`Giá trị khác của cùng chỉ số: ${display(c.m).vi}`, `Other value of the same indicator: ${display(c.m).en}`),
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
