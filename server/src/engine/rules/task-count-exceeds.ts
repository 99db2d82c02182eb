// task-count-exceeds: "7/6 nhiệm vụ" — a count larger than its own total.
// The fix "6/6" is offered (never applied automatically) only when the text
// claims completion ("hoàn thành", "đạt 100%"): then the total is the likelier
// intent; otherwise either number may be the wrong one.
import type { Draft } from '../types';
import { msg, type Rule } from '../rule';
import { taskFactsOf } from '../tasks/counts';
import { padLike } from '../tasks/text';

export const rule: Rule = {
  meta: {
    id: 'task-count-exceeds',
    family: 'task',
    severity: 'error',
    enabledByDefault: true,
    description: msg('Số nhiệm vụ/chỉ tiêu đã thực hiện lớn hơn tổng số ("7/6 nhiệm vụ").', 'A task or target count larger than its total ("7/6 nhiệm vụ").'),
    fixable: 'suggestion',
  },
  checkBlock(block, ctx) {
    const out: Draft[] = [];
    for (const c of taskFactsOf(block, ctx.config).counts) {
      if (c.kind !== 'fraction') continue;
      const x = c.x.value;
      const y = c.y!.value;
      if (x <= y) continue;
      const noun = c.noun.text;
      const d: Draft = {
        start: c.x.s,
        end: c.y!.e,
        message: msg(
          `“${c.x.raw}/${c.y!.raw} ${noun}”: số đã thực hiện (${x}) lớn hơn tổng số (${y}).`,
          `“${c.x.raw}/${c.y!.raw} ${noun}”: the count (${x}) is larger than the total (${y}).`,
        ),
        data: { x, y, noun },
      };
      const claimsAll = !c.negated && (c.verb === 'hoàn thành' || (c.complete !== undefined && c.complete.text.includes('100')));
      if (claimsAll) {
        const fixed = `${padLike(y, c.x.raw)}/${c.y!.raw}`;
        d.fixes = [
          {
            title: msg(`Sửa thành “${fixed}” (hoàn thành toàn bộ)`, `Change to “${fixed}” (all completed)`),
            edits: [{ start: c.x.s, end: c.x.e, newText: padLike(y, c.x.raw) }],
            safe: false,
          },
        ];
      }
      out.push(d);
    }
    return out;
  },
};
