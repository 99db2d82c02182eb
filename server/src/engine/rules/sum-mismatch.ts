// sum-mismatch: a total that its exhaustive parts do not add up to (prose and
// tables), parts of a "trong đó" subset that exceed their total, shares of a
// complete split that do not make 100%, and a share that does not match its
// count over the total. Only breakdowns read as exhaustive are summed
// (docs/rules/sum-mismatch.md says which); no safe fix: the wrong figure is unknown.
import type { Draft } from '../types';
import { msg, type Rule } from '../rule';
import { blockBreakdowns, breakdownIssues, toDraft } from '../sums';
import { tableIssues } from '../sums/tables';

export const rule: Rule = {
  meta: {
    id: 'sum-mismatch',
    family: 'indicator',
    severity: 'warning',
    enabledByDefault: true,
    description: msg(
      'Tổng không bằng tổng các thành phần (trong văn bản hoặc trong bảng), hoặc tỷ lệ các thành phần không cộng lại thành 100%.',
      'A total differs from the sum of its parts (in prose or a table), or the shares of a complete split do not add up to 100%.',
    ),
    fixable: 'suggestion',
  },
  checkBlock(block, ctx) {
    const out: Draft[] = [];
    for (const b of blockBreakdowns(block, ctx.config)) for (const i of breakdownIssues(b)) out.push(toDraft(i));
    if (block.type === 'table' || block.segments.some((s) => s.kind === 'table-cell')) for (const i of tableIssues(block, ctx.config)) out.push(toDraft(i));
    return out;
  },
};
