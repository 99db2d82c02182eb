// task-count-list-mismatch: a claimed number ("10 nhiệm vụ trọng tâm:",
// "6/6 nhiệm vụ ... gồm:") followed by a Markdown list, or by explicitly
// numbered items ("(1) ... (2) ...", "a) ... b) ...", "thứ nhất, ... thứ hai,
// ..."), whose number of items differs. Loose enumerations with ",", ";" or
// "và", lists ending in "…" or "v.v." and introductions such as "như", "một số",
// "trong đó" are not counted. The matching lives in tasks/match.ts (shared
// with the editor's hover).
import type { DraftRelated } from '../types';
import { msg, type DocDraft, type Rule } from '../rule';
import { docTasks } from '../tasks/match';
import { countText, lineOf } from '../tasks/text';

export const rule: Rule = {
  meta: {
    id: 'task-count-list-mismatch',
    family: 'task',
    severity: 'warning',
    enabledByDefault: true,
    description: msg(
      'Số nhiệm vụ/giải pháp nêu ra khác số mục của danh sách liệt kê ngay sau.',
      'The stated number of tasks or solutions differs from the number of items listed right after it.',
    ),
    fixable: 'none',
  },
  checkDocument(doc, ctx) {
    const out: DocDraft[] = [];
    for (const m of docTasks(doc, ctx.config).lists.values()) {
      if (m.matches) continue;
      const c = m.claim.count;
      const block = m.claim.block;
      const written = countText(c);
      const expected = m.expected.length === 1 ? String(m.expected[0]) : m.expected.join(', ');
      const what = m.kind === 'markdown' ? msg('danh sách', 'list') : msg('các mục đánh số', 'numbered items');
      const line = lineOf(doc, m.range.block, m.range.start);
      const related: DraftRelated[] = [
        { block: m.range.block, start: m.range.start, end: m.range.endBlock === m.range.block ? m.range.end : m.itemRanges[0].end, message: msg(`${m.items} mục được liệt kê`, `${m.items} items listed`) },
      ];
      if (m.range.endBlock !== m.range.block) {
        const last = m.itemRanges[m.itemRanges.length - 1];
        related.push({ block: last.block, start: last.start, end: last.end, message: msg(`Mục cuối (thứ ${m.items})`, `Last item (number ${m.items})`) });
      }
      out.push({
        block,
        start: c.x.s,
        end: c.end,
        message: msg(
          `“${written}” nhưng ${what.vi} ngay sau (dòng ${line}) có ${m.items} mục${m.expected.length > 1 ? ` (cần ${expected})` : ''}.`,
          `“${written}” but the ${what.en} right after it (line ${line}) has ${m.items} items${m.expected.length > 1 ? ` (expected ${expected})` : ''}.`,
        ),
        related,
        data: { items: m.items, expected: m.expected, kind: m.kind },
      });
    }
    return out;
  },
};
