// task-breakdown-mismatch: a whole broken down by status in one sentence whose
// parts do not add up: "Trong 12 nhiệm vụ trọng tâm, đã hoàn thành 8 nhiệm vụ, 4
// nhiệm vụ đang triển khai và 1 nhiệm vụ chưa triển khai" (8 + 4 + 1 = 13). Parts
// adding up to more than the whole are always a slip; fewer only when their
// statuses cover every item ("đạt" with "chưa đạt"; done, in progress and not
// started), since a status left unsaid may hold the rest. The reading lives in
// tasks/breakdown.ts.
import type { Draft } from '../types';
import { msg, type Rule } from '../rule';
import { taskFactsOf } from '../tasks/counts';
import { breakdownOf } from '../tasks/breakdown';

export const rule: Rule = {
  meta: {
    id: 'task-breakdown-mismatch',
    family: 'task',
    severity: 'warning',
    enabledByDefault: true,
    description: msg(
      'Các phần của một tổng số nhiệm vụ/chỉ tiêu (hoàn thành, đang triển khai, chưa triển khai...) cộng lại không bằng tổng số.',
      'The parts of a task or target total (completed, in progress, not started…) do not add up to the total.',
    ),
    fixable: 'none',
  },
  checkBlock(block, ctx) {
    const out: Draft[] = [];
    const counts = taskFactsOf(block, ctx.config).counts;
    for (let i = 0; i < counts.length; i++) {
      const whole = counts[i];
      const b = breakdownOf(counts, i);
      if (!b) continue;
      const total = whole.x.value;
      if (b.sum === total || (b.sum < total && !b.exhaustive)) continue;
      // Fewer: a part told in the next sentence ("; 2 chỉ tiêu chưa có số liệu đánh giá") may hold the rest.
      const after = counts[i + b.parts.length + 1];
      if (b.sum < total && after && after.segment === whole.segment && after.noun.syllables.join(' ') === whole.noun.syllables.join(' ')) continue;
      const sum = b.parts.map((p) => p.x.raw).join(' + ');
      const noun = whole.noun.text;
      out.push({
        start: whole.x.s,
        end: whole.end,
        message:
          b.sum > total
            ? msg(
                `Các phần cộng lại nhiều hơn tổng số: ${sum} = ${b.sum} ${noun}, nhưng tổng số là ${total}.`,
                `The parts add up to more than the total: ${sum} = ${b.sum}, but the total is ${total}.`,
              )
            : msg(
                `Các phần cộng lại không bằng tổng số: ${sum} = ${b.sum} ${noun}, nhưng tổng số là ${total}.`,
                `The parts do not add up to the total: ${sum} = ${b.sum}, but the total is ${total}.`,
              ),
        related: b.parts.map((p) => ({ start: p.x.s, end: p.end, message: msg(`Phần “${p.x.raw} ${p.noun.text}”`, `Part “${p.x.raw} ${p.noun.text}”`) })),
        data: { total, sum: b.sum, parts: b.parts.map((p) => p.x.value), noun },
      });
    }
    return out;
  },
};
