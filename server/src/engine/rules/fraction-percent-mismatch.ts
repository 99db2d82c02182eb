// fraction-percent-mismatch: a percentage stated beside its own fraction that
// does not match it within the precision written. "150/226 xã (66,3%)" is
// fine (66,37 truncated), "150/226 xã (70%)" is not.
import type { Draft } from '../types';
import { msg, type Rule } from '../rule';
import { fractionPairs } from '../indicators/fractions';
import { tableRatios, cellTexts } from '../indicators/tableratios';
import { formatVi, roundTo } from '../indicators/compare';

export const rule: Rule = {
  meta: {
    id: 'fraction-percent-mismatch',
    family: 'indicator',
    severity: 'warning',
    enabledByDefault: true,
    description: msg(
      'Tỷ lệ phần trăm không khớp với phân số của nó ("150/226 xã (70%)"), hoặc ô "So sánh (%)" của bảng không khớp với hai ô nó so sánh.',
      'A percentage does not match its own fraction ("150/226 xã (70%)"), or a table\'s "So sánh (%)" cell does not match the two cells it compares.',
    ),
    fixable: 'suggestion',
  },
  checkBlock(block, ctx) {
    const out: Draft[] = [];
    for (const p of fractionPairs(block, ctx.config)) {
      if (p.ok) continue;
      const frac = p.base
        ? `${block.prose.slice(p.base.numStart, p.base.numEnd)}/${block.prose.slice(p.base.denStart, p.base.denEnd)}`
        : `${p.numerator}/${p.denominator}`;
      const exactVi = formatVi(roundTo(p.exact, Math.max(2, p.decimals + 1)), Math.max(2, p.decimals + 1)).replace(/,?0+$/, '');
      const exactEn = exactVi;
      const right = formatVi(roundTo(p.exact, p.decimals), p.decimals);
      const written = block.prose.slice(p.pctStart, p.pctEnd);
      out.push({
        start: p.pctStart,
        end: p.pctEnd,
        message: msg(
          `${written} không khớp với ${frac}: ${frac} = ${exactVi}%, làm tròn ${p.decimals ? `đến ${p.decimals} chữ số thập phân ` : ''}là ${right}%.`,
          `${written} does not match ${frac}: ${frac} = ${exactEn}%, which rounds to ${right}%.`,
        ),
        related: p.base
          ? [
              { start: p.base.numStart, end: p.base.numEnd, message: msg(`Tử số ${block.prose.slice(p.base.numStart, p.base.numEnd)}`, `Numerator ${block.prose.slice(p.base.numStart, p.base.numEnd)}`) },
              { start: p.base.denStart, end: p.base.denEnd, message: msg(`Mẫu số ${block.prose.slice(p.base.denStart, p.base.denEnd)}`, `Denominator ${block.prose.slice(p.base.denStart, p.base.denEnd)}`) },
            ]
          : [{ start: p.fracStart, end: p.fracEnd, message: msg(`Phân số ${frac}`, `The fraction ${frac}`) }],
        // Not safe: the fraction may be the wrong figure.
        fixes: [{ title: msg(`Sửa thành ${right}%`, `Change to ${right}%`), edits: [{ start: p.pctNumStart, end: p.pctNumEnd, newText: right }], safe: false }],
        data: { numerator: p.numerator, denominator: p.denominator, written: p.written, exact: p.exact },
      });
    }
    // Table ratio cells against the two cells they compare.
    for (const t of tableRatios(block, ctx.config)) {
      // A "Tăng/giảm (%)" cell is a change: change-mismatch reports it.
      if (t.ok || t.change) continue;
      const { written, a, b, exactVi, right } = cellTexts(block.prose, t);
      out.push({
        start: t.start,
        end: t.end,
        message: msg(
          `${written} (cột "${t.ratioHeader}") không khớp với hai ô nó so sánh: ${a} ("${t.num.header}") / ${b} ("${t.den.header}") = ${exactVi}%, làm tròn là ${right}.`,
          `${written} (column "${t.ratioHeader}") does not match the two cells it compares: ${a} ("${t.num.header}") / ${b} ("${t.den.header}") = ${exactVi}%, which rounds to ${right}.`,
        ),
        related: [
          { start: t.num.start, end: t.num.end, message: msg(`Tử số: ${t.num.header}`, `Numerator: ${t.num.header}`) },
          { start: t.den.start, end: t.den.end, message: msg(`Mẫu số: ${t.den.header}`, `Denominator: ${t.den.header}`) },
        ],
        fixes: [{ title: msg(`Sửa thành ${right}`, `Change to ${right}`), edits: [{ start: t.numStart, end: t.numEnd, newText: right }], safe: false }],
        data: { numerator: t.num.value, denominator: t.den.value, written: t.written, exact: t.exact, table: true },
      });
    }
    return out;
  },
};
