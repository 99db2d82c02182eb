// task-count-malformed: a half-written count — "6/ nhiệm vụ" (no total),
// "/6 nhiệm vụ" (no count), "6//6 nhiệm vụ" (doubled slash). Only the doubled
// slash has a certain fix; a missing number cannot be guessed.
import type { Draft } from '../types';
import { msg, type Rule } from '../rule';
import { taskFactsOf } from '../tasks/counts';

export const rule: Rule = {
  meta: {
    id: 'task-count-malformed',
    family: 'task',
    severity: 'error',
    enabledByDefault: true,
    description: msg('Số đếm nhiệm vụ/chỉ tiêu viết dở: “6/ nhiệm vụ”, “/6 nhiệm vụ”, “6//6”.', 'A half-written task count: “6/ nhiệm vụ”, “/6 nhiệm vụ”, “6//6”.'),
    fixable: 'safe',
  },
  checkBlock(block, ctx) {
    const out: Draft[] = [];
    for (const m of taskFactsOf(block, ctx.config).malformed) {
      const written = block.prose.slice(m.start, m.end).replace(/\u0000/g, '');
      const noun = m.noun.text;
      if (m.form === 'no-total') {
        out.push({
          start: m.start,
          end: m.slashEnd,
          message: msg(`Số đếm viết dở “${written}”: thiếu tổng số sau dấu “/”.`, `Half-written count “${written}”: the total after the slash is missing.`),
          data: { form: m.form, noun },
        });
      } else if (m.form === 'no-count') {
        out.push({
          start: m.slashStart,
          end: m.y!.e,
          message: msg(`Số đếm viết dở “${written}”: thiếu số đã thực hiện trước dấu “/”.`, `Half-written count “${written}”: the number before the slash is missing.`),
          data: { form: m.form, noun },
        });
      } else {
        const fixed = `${m.x!.raw}/${m.y!.raw}`;
        out.push({
          start: m.x!.s,
          end: m.y!.e,
          message: msg(`Dấu “/” bị lặp trong “${written}”; viết “${fixed} ${noun}”.`, `Doubled slash in “${written}”; write “${fixed} ${noun}”.`),
          fixes: [{ title: msg(`Sửa thành “${fixed}”`, `Change to “${fixed}”`), edits: [{ start: m.slashStart, end: m.slashEnd, newText: '/' }], safe: true }],
          data: { form: m.form, noun },
        });
      }
    }
    return out;
  },
};
