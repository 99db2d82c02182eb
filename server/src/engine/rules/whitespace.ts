// whitespace: runs of spaces inside a line, non-breaking spaces, tabs in prose.
// Leading indentation and trailing spaces (Markdown hard breaks) are not prose
// (masked), so they are never flagged.
import type { Draft } from '../types';
import { msg, type Rule } from '../rule';
import { proseRuns } from '../vietnamese/text';
import { isMarkAt } from '../chars';

const BAD = /[ \t\u00a0\u2000-\u200a\u202f\u3000]{2,}|[\t\u00a0\u2000-\u200a\u202f\u3000]/g;
const ANY_BAD = new RegExp(BAD.source);

export const rule: Rule = {
  meta: {
    id: 'whitespace',
    family: 'format',
    severity: 'warning',
    enabledByDefault: true,
    description: msg('Khoảng trắng thừa, khoảng trắng không ngắt (NBSP) hoặc ký tự tab trong câu.', 'Repeated spaces, non-breaking spaces or tabs inside prose.'),
    fixable: 'safe',
  },
  checkBlock(block) {
    const out: Draft[] = [];
    // One native scan of the block first: most blocks have nothing to report.
    if (!ANY_BAD.test(block.prose)) return out;
    for (const run of proseRuns(block)) {
      BAD.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = BAD.exec(run.text))) {
        const s = run.start + m.index;
        let e = s + m[0].length;
        // A space followed by combining marks is their base: it stays with them (a range never
        // splits a base from its marks, so replacing it would change nothing).
        if (isMarkAt(block.prose, e)) e--;
        const ws = block.prose.slice(s, e);
        if (!ws || ws === ' ') continue;
        // Only between two prose characters: not at the edge of a masked span or line.
        const before = block.prose[s - 1];
        const after = block.prose[e];
        if (before === undefined || after === undefined || before === '\n' || after === '\n') continue;
        const kind = ws.length > 1 ? 'spaces' : ws === '\t' ? 'tab' : 'nbsp';
        const message =
          kind === 'spaces'
            ? msg(`${ws.length} khoảng trắng liền nhau; chỉ dùng một.`, `${ws.length} consecutive spaces; use one.`)
            : kind === 'tab'
              ? msg('Ký tự tab trong câu; dùng một khoảng trắng.', 'Tab inside prose; use one space.')
              : msg('Khoảng trắng không ngắt (NBSP) trong câu; dùng khoảng trắng thường.', 'Non-breaking space inside prose; use a normal space.');
        out.push({ start: s, end: e, message, fixes: [{ title: msg('Thay bằng một khoảng trắng', 'Replace with one space'), edits: [{ start: s, end: e, newText: ' ' }], safe: true }] });
      }
    }
    return out;
  },
};
