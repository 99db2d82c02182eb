// task-count-incomplete: a count presented as complete ("hoàn thành toàn bộ",
// "hoàn thành 100%", "tất cả") while x < y (warning); a stated rest that does
// not add up ("60/63 tỉnh, chỉ còn 4 tỉnh": 63 − 60 = 3) (warning); and, as
// information, a plain x < y so reviewers see what is left ("8/9 chỉ tiêu":
// còn 1 chỉ tiêu chưa đạt). Unit nouns (xã, tỉnh, cơ sở, ...) never get the
// information: "150/226 xã đạt chuẩn", "378/412 cơ sở đạt yêu cầu" are coverage
// figures, not tasks left undone, and "60/63 tỉnh chi vượt quỹ" has nothing "left".
import type { Draft, Severity } from '../types';
import { msg, type Rule } from '../rule';
import { taskFactsOf } from '../tasks/counts';
import { restByStatusOf } from '../tasks/breakdown';

export const rule: Rule = {
  meta: {
    id: 'task-count-incomplete',
    family: 'task',
    severity: 'warning',
    enabledByDefault: true,
    description: msg(
      'Số đếm chưa đủ (x < y) nhưng được nói là hoàn thành toàn bộ, hoặc số còn lại ghi sai; (thông tin) số nhiệm vụ/chỉ tiêu còn lại.',
      'A count below its total (x < y) presented as complete, or a stated rest that does not add up; (information) how many tasks or targets are left.',
    ),
    fixable: 'suggestion',
    optionsSchema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        reportRemaining: { type: 'boolean', default: true, description: 'Report every x < y count as information naming how many are left.' },
      },
    },
  },
  checkBlock(block, ctx) {
    const out: Draft[] = [];
    const configured = ctx.config.rules['task-count-incomplete']?.severity;
    const infoSeverity: Severity = configured === 'hint' ? 'hint' : 'information';
    const reportRemaining = ctx.options.reportRemaining !== false;
    const counts = taskFactsOf(block, ctx.config).counts;
    for (let ci = 0; ci < counts.length; ci++) {
      const c = counts[ci];
      if (c.kind !== 'fraction') continue;
      const x = c.x.value;
      const y = c.y!.value;
      if (x > y || c.negated) continue;
      const rest = y - x;
      const noun = c.noun.text;
      const written = `${c.x.raw}/${c.y!.raw} ${noun}`;
      const notDoneVi = c.verb === 'hoàn thành' ? 'chưa hoàn thành' : c.verb ? 'chưa đạt' : 'còn lại';
      const notDoneEn = c.verb === 'hoàn thành' ? 'not completed' : c.verb ? 'not achieved' : 'left';
      // "14/18 nhiệm vụ; 4 nhiệm vụ đang triển khai", "còn 2 chỉ tiêu chưa đạt và 2 chỉ tiêu đang thực hiện": the rest told by status.
      const byStatus = x < y ? restByStatusOf(counts, ci) : undefined;
      if (byStatus && byStatus.sum === rest) continue;
      if (c.complement) {
        const k = c.complement.value;
        if (k !== rest) {
          out.push({
            start: c.complement.s,
            end: c.complement.e,
            message: msg(
              `Số còn lại (${k}) không khớp với “${written}”: ${y} − ${x} = ${rest}.`,
              `The stated rest (${k}) does not match “${written}”: ${y} − ${x} = ${rest}.`,
            ),
            related: [{ start: c.x.s, end: c.y!.e, message: msg(`Số đếm “${written}”`, `The count “${written}”`) }],
            fixes: [{ title: msg(`Sửa thành ${rest}`, `Change to ${rest}`), edits: [{ start: c.complement.s, end: c.complement.e, newText: String(rest) }], safe: false }],
            data: { x, y, rest, stated: k, noun },
          });
        }
        continue;
      }
      if (x === y) continue;
      if (byStatus && byStatus.sameSentence && byStatus.sum > rest) {
        const first = byStatus.parts[0];
        const last = byStatus.parts[byStatus.parts.length - 1];
        const sum = byStatus.parts.map((p) => p.x.raw).join(' + ');
        out.push({
          start: first.x.s,
          end: last.end,
          message: msg(
            `Số còn lại (${byStatus.parts.length > 1 ? `${sum} = ${byStatus.sum}` : byStatus.sum}) nhiều hơn phần chưa xong của “${written}”: ${y} − ${x} = ${rest}.`,
            `The rest stated (${byStatus.parts.length > 1 ? `${sum} = ${byStatus.sum}` : byStatus.sum}) is more than what “${written}” leaves: ${y} − ${x} = ${rest}.`,
          ),
          related: [{ start: c.x.s, end: c.y!.e, message: msg(`Số đếm “${written}”`, `The count “${written}”`) }],
          data: { x, y, rest, stated: byStatus.sum, noun },
        });
        continue;
      }
      if (c.complete) {
        out.push({
          start: c.x.s,
          end: c.y!.e,
          message: msg(
            `“${c.complete.text}” nhưng chỉ ${written}: còn ${rest} ${noun} ${notDoneVi === 'còn lại' ? 'chưa hoàn thành' : notDoneVi}.`,
            `“${c.complete.text}” (complete) but only ${written}: ${rest} ${notDoneEn === 'left' ? 'not completed' : notDoneEn}.`,
          ),
          related: [{ start: c.complete.s, end: c.complete.e, message: msg('Cụm từ nói là hoàn thành toàn bộ', 'The words claiming completion') }],
          data: { x, y, rest, noun, claim: c.complete.text },
        });
        continue;
      }
      if (!reportRemaining || c.noun.cls !== 'task') continue;
      out.push({
        start: c.x.s,
        end: c.y!.e,
        severity: infoSeverity,
        message:
          notDoneVi === 'còn lại'
            ? msg(`${written}: còn lại ${rest} ${noun} (${y} − ${x}).`, `${written}: ${rest} left (${y} − ${x}).`)
            : msg(`${written}: còn ${rest} ${noun} ${notDoneVi} (${y} − ${x}).`, `${written}: ${rest} ${notDoneEn} (${y} − ${x}).`),
        data: { x, y, rest, noun },
      });
    }
    return out;
  },
};
