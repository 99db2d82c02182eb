// change-mismatch: a stated change that the two values it joins do not give
// ("đạt 74,5 tuổi, tăng 0,3 tuổi so với năm 2022 (74,0 tuổi)"), a new total
// that the old one plus the increase does not give, a "tăng" between falling
// values; and, as information, a change of two percentages written with "%"
// where the difference in points is meant.
import type { Draft } from '../types';
import { msg, type Rule } from '../rule';
import { blockChanges, changeIssue, toDraft } from '../sums';

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
    return out;
  },
};
