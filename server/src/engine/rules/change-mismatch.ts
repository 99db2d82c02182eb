// change-mismatch: a stated change that the two values it joins do not give
// ("đạt 74,5 tuổi, tăng 0,3 tuổi so với năm 2022 (74,0 tuổi)"), a new total
// that the old one plus the increase does not give, a "tăng" between falling
// values; and, as information, a change of two percentages written with "%"
// where the difference in points is meant.
import type { Draft } from '../types';
import { msg, type Rule } from '../rule';
import { blockChanges, changeIssue, toDraft } from '../sums';
import { tableRatios, cellTexts } from '../indicators/tableratios';

export const rule: Rule = {
  meta: {
    id: 'change-mismatch',
    family: 'indicator',
    severity: 'warning',
    enabledByDefault: true,
    description: msg(
      'Mức tăng/giảm ghi trong câu không khớp với hai giá trị mà nó nối (giá trị năm nay và năm trước, hoặc tổng cũ cộng phần tăng).',
      'A stated increase or decrease does not match the two values it joins (this and the earlier value, or the old total plus the increase).',
    ),
    fixable: 'suggestion',
  },
  checkBlock(block, ctx) {
    const out: Draft[] = [];
    for (const c of blockChanges(block, ctx.config)) {
      const i = changeIssue(c);
      if (i) out.push(toDraft(i));
    }
    // A "Tăng/giảm (%)" table cell against the two period cells of its row.
    for (const t of tableRatios(block, ctx.config)) {
      if (t.ok || !t.change) continue;
      const { written, a, b, exactVi, right } = cellTexts(block.prose, t, Math.abs(t.exact));
      out.push({
        start: t.start,
        end: t.end,
        message: msg(
          `${written} (cột "${t.ratioHeader}") không khớp với hai ô của dòng: (${a} − ${b}) / ${b} = ${exactVi}%, làm tròn là ${right}.`,
          `${written} (column "${t.ratioHeader}") does not match the two cells of its row: (${a} − ${b}) / ${b} = ${exactVi}%, which rounds to ${right}.`,
        ),
        related: [
          { start: t.num.start, end: t.num.end, message: msg(`Giá trị sau: ${t.num.header}`, `Later value: ${t.num.header}`) },
          { start: t.den.start, end: t.den.end, message: msg(`Giá trị trước: ${t.den.header}`, `Earlier value: ${t.den.header}`) },
        ],
        fixes: [{ title: msg(`Sửa thành ${right}`, `Change to ${right}`), edits: [{ start: t.numStart, end: t.numEnd, newText: right }], safe: false }],
        data: { later: t.num.value, earlier: t.den.value, written: t.written, exact: t.exact, table: true },
      });
    }
    return out;
  },
};
