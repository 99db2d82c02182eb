// number-format: how numbers and their signs are written.
//   "99,3 %"  -> "99,3%"   (NUM-03: no space before % or ‰, as CLDR vi and the official press)
//   "13,9%o", "13,9 %0", "13,9 o/oo" -> "13,9‰"   (NUM-04: the permille sign)
//   "10 .000", "10. 000" -> "10.000"   (a thousands group broken by a space)
//   "đạt 17, 25%", a table cell "17, 25" -> "17,25"   (a space inside a decimal)
// Grouping with a plain space ("10 000", QĐ 1989) is legitimate and not reported.
import type { Draft } from '../types';
import { msg, type Rule } from '../rule';
import { numbersOf } from '../vietnamese/numbers';
import { proseRuns } from '../vietnamese/text';

// "%o" / "%0" / "%₀" / "o/oo" after a number (and an optional space), not followed by a letter or digit.
const PERMILLE = /(\d)([ \u00a0]?)(%o|%0|%₀|o\/oo)(?![\p{L}\p{N}])/gu;
// A digit group broken by spaces around its dot: "10 .000", "10 . 000", "10. 000".
const ANY_PERMILLE = /%[o0₀]|o\/oo/;
// A reported group has a space next to its dot.
const ANY_SPACED_DOT = /[ \u00a0]\.|\.[ \u00a0]/;
// A decimal with a space after its comma: "17, 25" (digits on both sides: 1-3 then 1-2).
const SPACED_DECIMAL = /(?<![\d.,])(\d{1,3}),[ \u00a0](\d{1,2})(?![\d.,]\d|\d)/gu;
// In prose it is a decimal only as the value of a verb of measure, with a % or ‰ sign ("đạt 17, 25%"); a list otherwise ("17, 25 và 30").
const MEASURE_BEFORE = /(?:^|[^\p{L}\p{M}])(?:đạt|là|chiếm|còn|tăng|giảm|lên|xuống|khoảng|ở mức|bằng)[ \u00a0]+$/iu;
const BROKEN_GROUP = /(?<![\d.,])(\d{1,3})([ \u00a0]*\.[ \u00a0]*)(\d{3})(?![\d\p{L}])/gu;

export const rule: Rule = {
  meta: {
    id: 'number-format',
    family: 'format',
    severity: 'warning',
    enabledByDefault: true,
    description: msg(
      'Cách viết số: không cách trước dấu % và ‰ (99,3%), ký hiệu phần nghìn là ‰, không tách nhóm chữ số bằng khoảng trắng quanh dấu chấm.',
      'Number formatting: no space before % and ‰ (99,3%), permille is ‰, no spaces inside a dot-grouped number.',
    ),
    fixable: 'safe',
  },
  checkBlock(block, ctx) {
    const out: Draft[] = [];
    for (const t of numbersOf(block, ctx.config)) {
      if (!t.percent || !t.percentSpace || t.percentEnd === undefined) continue;
      if (t.percent === '%' && /^[o0₀](?![\p{L}\p{N}])/u.test(block.prose.slice(t.percentEnd, t.percentEnd + 2))) continue; // "12 %0": a permille typo, below
      const signAt = t.percentEnd - 1;
      out.push({
        start: t.start,
        end: t.percentEnd,
        message: msg(`Không để khoảng trắng trước dấu ${t.percent}: viết “${t.raw}${t.percent}”.`, `No space before ${t.percent}: write “${t.raw}${t.percent}”.`),
        fixes: [{ title: msg(`Bỏ khoảng trắng trước ${t.percent}`, `Remove the space before ${t.percent}`), edits: [{ start: t.end, end: signAt, newText: '' }], safe: true }],
      });
    }
    // What the block must contain for the run checks below to find anything (one native scan each).
    const permille = ANY_PERMILLE.test(block.prose);
    const broken = ANY_SPACED_DOT.test(block.prose);
    const spacedDecimal = /\d,[ \u00a0]\d/.test(block.prose);
    for (const run of permille || broken || spacedDecimal ? proseRuns(block) : []) {
      if (!/\d/.test(run.text)) continue;
      PERMILLE.lastIndex = 0;
      let m: RegExpExecArray | null;
      while (permille && (m = PERMILLE.exec(run.text))) {
        const s = run.start + m.index + 1; // after the digit
        const e = run.start + m.index + m[0].length;
        out.push({
          start: s,
          end: e,
          message: msg(`Ký hiệu phần nghìn là “‰”, không viết “${m[2]}${m[3]}”.`, `The permille sign is “‰”, not “${m[2]}${m[3]}”.`),
          fixes: [{ title: msg('Thay bằng ‰', 'Replace with ‰'), edits: [{ start: s, end: e, newText: '‰' }], safe: true }],
        });
      }
      SPACED_DECIMAL.lastIndex = 0;
      while (spacedDecimal && (m = SPACED_DECIMAL.exec(run.text))) {
        const s = run.start + m.index;
        const e = s + m[0].length;
        const seg = block.segments[run.segment];
        const after = block.prose.slice(e, e + 2);
        // A table cell holding only this: a value, certainly one decimal.
        const cell = seg?.table && seg.table.row > 0 ? block.prose.slice(seg.start, seg.end).trim() : undefined;
        const alone = cell !== undefined && (cell === m[0] || cell === `${m[0]}%` || cell === `${m[0]}‰`);
        const measured = /^[ \u00a0]?[%‰]/.test(after) && MEASURE_BEFORE.test(block.prose.slice(Math.max(0, s - 16), s));
        if (!alone && !measured) continue;
        const fixed = `${m[1]},${m[2]}`;
        out.push({
          start: s,
          end: e,
          message: msg(`Số thập phân có khoảng trắng sau dấu phẩy: viết “${fixed}”.`, `A space inside a decimal: write “${fixed}”.`),
          fixes: [{ title: msg(`Sửa thành ${fixed}`, `Change to ${fixed}`), edits: [{ start: s + m[1].length + 1, end: s + m[1].length + 2, newText: '' }], safe: alone }],
        });
      }
      BROKEN_GROUP.lastIndex = 0;
      while (broken && (m = BROKEN_GROUP.exec(run.text))) {
        const sep = m[2];
        if (sep === '.') continue; // 10.000: fine
        // "đạt 95. 100 người ..." could be a sentence end; a group with a space before its
        // dot, or a group starting with 0 ("10. 000"), cannot.
        if (!/^[ \u00a0]/.test(sep) && m[3][0] !== '0') continue;
        const s = run.start + m.index;
        const e = s + m[0].length;
        const fixed = `${m[1]}.${m[3]}`;
        out.push({
          start: s,
          end: e,
          message: msg(`Nhóm chữ số bị tách bởi khoảng trắng: viết “${fixed}”.`, `A digit group split by a space: write “${fixed}”.`),
          fixes: [{ title: msg(`Sửa thành ${fixed}`, `Change to ${fixed}`), edits: [{ start: s + m[1].length, end: s + m[1].length + sep.length, newText: '.' }], safe: true }],
        });
      }
    }
    return out;
  },
};
