// Inline control comments:
//   <!-- vnhr-disable-next-line rule-id ... -->   (no id = all rules)
//   <!-- vnhr-disable rule-id ... --> ... <!-- vnhr-enable rule-id ... -->
import type { Block } from './types';

export interface DisabledRanges {
  isEmpty: boolean;
  isDisabled(rule: string, offset: number): boolean;
}

const DIRECTIVE = /<!--\s*vnhr-(disable-next-line|disable|enable)((?:\s+[a-z0-9-]+)*)\s*-->/g;
const ALL = '*';

export function computeDisabled(text: string, blocks: readonly Block[]): DisabledRanges {
  if (!text.includes('vnhr-')) return { isEmpty: true, isDisabled: () => false };
  // [rule, start, end) intervals where the rule is off.
  const spans: { rule: string; start: number; end: number }[] = [];
  const open = new Map<string, number>();
  for (const b of blocks) {
    if (b.type === 'fence' || b.type === 'frontmatter' || !b.source.includes('vnhr-')) continue;
    DIRECTIVE.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = DIRECTIVE.exec(b.source))) {
      const at = b.start + m.index;
      const end = at + m[0].length;
      const ids = m[2].trim() ? m[2].trim().split(/\s+/) : [ALL];
      if (m[1] === 'disable-next-line') {
        // From the end of the comment's line to the end of the next line.
        const eol = nextLineEnd(text, end);
        const nextEnd = nextLineEnd(text, eol + 1);
        for (const id of ids) spans.push({ rule: id, start: at, end: nextEnd + 1 });
      } else if (m[1] === 'disable') {
        for (const id of ids) if (!open.has(id)) open.set(id, at);
      } else {
        for (const id of ids) {
          if (id === ALL) {
            for (const [k, s] of open) spans.push({ rule: k, start: s, end: at });
            open.clear();
          } else if (open.has(id)) {
            spans.push({ rule: id, start: open.get(id)!, end: at });
            open.delete(id);
          }
        }
      }
    }
  }
  for (const [k, s] of open) spans.push({ rule: k, start: s, end: Infinity });
  if (!spans.length) return { isEmpty: true, isDisabled: () => false };
  return {
    isEmpty: false,
    isDisabled(rule, offset) {
      for (const s of spans) if ((s.rule === rule || s.rule === ALL) && offset >= s.start && offset < s.end) return true;
      return false;
    },
  };
}

function nextLineEnd(text: string, from: number): number {
  const i = text.indexOf('\n', from);
  return i < 0 ? text.length : i;
}
