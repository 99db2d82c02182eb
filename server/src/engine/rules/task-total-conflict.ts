// task-total-conflict: one task group ("nhiệm vụ trọng tâm" of one year) given
// two different totals in one document ("10 nhiệm vụ trọng tâm" ... "8/9 nhiệm
// vụ trọng tâm"). Reported on the later total with the earlier one as related
// information. Groups are noun + modifier ("nhiệm vụ trọng tâm", "chỉ tiêu chủ
// yếu") + year; counts without a modifier, of units (xã, tỉnh), hedged
// ("khoảng 10") or subsets ("trong đó 3 nhiệm vụ") are not totals.
import { msg, type DocDraft, type Rule } from '../rule';
import { docTasks } from '../tasks/match';
import { lineOf, padLike, periodEn, periodVi } from '../tasks/text';

export const rule: Rule = {
  meta: {
    id: 'task-total-conflict',
    family: 'task',
    severity: 'warning',
    enabledByDefault: true,
    description: msg('Cùng một nhóm nhiệm vụ/chỉ tiêu có hai tổng số khác nhau trong văn bản.', 'The same group of tasks or targets is given two different totals in one document.'),
    fixable: 'suggestion',
  },
  checkDocument(doc, ctx) {
    const out: DocDraft[] = [];
    for (const { later, earlier } of docTasks(doc, ctx.config).conflicts) {
      const line = lineOf(doc, earlier.ref.block, earlier.numStart);
      const written = later.ref.block.prose.slice(later.numStart, later.numEnd);
      const fixText = padLike(earlier.total, written);
      out.push({
        block: later.ref.block,
        start: later.numStart,
        end: later.numEnd,
        message: msg(
          later.label === earlier.label
            ? `Tổng số “${later.label}”${periodVi(later.ref.period)} ở đây là ${later.total}, nhưng ở dòng ${line} là ${earlier.total}.`
            : `Tổng số “${later.label}”${periodVi(later.ref.period)} ở đây là ${later.total}, không khớp với ${earlier.total} “${earlier.label}” ở dòng ${line}.`,
          later.label === earlier.label
            ? `The total of “${later.label}”${periodEn(later.ref.period)} is ${later.total} here but ${earlier.total} on line ${line}.`
            : `The total of “${later.label}”${periodEn(later.ref.period)} is ${later.total} here, which does not fit the ${earlier.total} “${earlier.label}” on line ${line}.`,
        ),
        related: [{ block: earlier.ref.block, start: earlier.numStart, end: earlier.numEnd, message: msg(`Tổng số ${earlier.total} nêu trước đó`, `Total ${earlier.total} stated earlier`) }],
        fixes: [{ title: msg(`Dùng ${earlier.total} (như ở dòng ${line})`, `Use ${earlier.total} (as on line ${line})`), edits: [{ start: later.numStart, end: later.numEnd, newText: fixText }], safe: false }],
        data: { total: later.total, earlierTotal: earlier.total, group: later.label, period: later.ref.period },
      });
    }
    return out;
  },
};
