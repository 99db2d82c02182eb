// fraction-percent-mismatch: a percentage stated beside its own fraction that
// does not match it within the precision written. "150/226 xã (66,3%)" is
// fine (66,37 truncated), "150/226 xã (70%)" is not.
import type { Draft } from '../types';
import { msg, type Rule } from '../rule';
import { fractionPairs } from '../indicators/fractions';
import { formatVi, roundTo } from '../indicators/compare';

export const rule: Rule = {
  meta: {
    id: 'fraction-percent-mismatch',
    family: 'indicator',
    severity: 'warning',
    enabledByDefault: true,
    description: msg(
      'Tỷ lệ phần trăm ghi cạnh phân số của nó không khớp với phân số (ví dụ "150/226 xã (70%)").',
      'A percentage written next to its own fraction does not match it (e.g. "150/226 xã (70%)").',
    ),
    fixable: 'suggestion',
  },
  checkBlock(block, ctx) {
    const out: Draft[] = [];
    for (const p of fractionPairs(block, ctx.config)) {
      if (p.ok) continue;
      const frac = `${p.numerator}/${p.denominator}`;
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
        related: [{ start: p.fracStart, end: p.fracEnd, message: msg(`Phân số ${frac}`, `The fraction ${frac}`) }],
        // Not safe: the fraction may be the wrong figure.
        fixes: [{ title: msg(`Sửa thành ${right}%`, `Change to ${right}%`), edits: [{ start: p.pctNumStart, end: p.pctNumEnd, newText: right }], safe: false }],
        data: { numerator: p.numerator, denominator: p.denominator, written: p.written, exact: p.exact },
      });
    }
    return out;
  },
};
