// Rule docs that cannot drift: every docs/rules/<id>.md is checked against the
// rule itself.
//
// THE CONVENTION (also in CONTRIBUTING.md):
// 1. Line 3 is the header, derived from the rule's metadata:
//      **Mặc định:** <severity> · **Sửa tự động:** <fix kind>[; <note>]
//    <severity> is "cảnh báo (warning)", "lỗi (error)", "thông tin (information)"
//    or "gợi ý (hint)", written "tắt; khi bật: <severity>" for a rule that is off
//    by default; <fix kind> is "có" (fixable: 'safe'), "không (chỉ gợi ý)"
//    ('suggestion') or "không" ('none'). An optional "; <note>" may follow.
// 2. Every ```markdown block under "## Sai / Wrong" and "## Đúng / Right" is run
//    through the engine with the rule enabled at its default severity and
//    default options:
//    - A block of plain lines (no blank line, no table row, list item, heading,
//      quote, HTML or indented code) is a set of INDEPENDENT ONE-LINE EXAMPLES:
//      each line is checked alone. In Wrong, every line must produce the rule,
//      or else (a comparison across lines) no line alone does and the whole
//      block does; a block where only some lines produce it fails. In Right,
//      no line alone may produce it (the lines are alternatives: "hòa" and
//      "hoà" may stand in one block).
//    - Any other block (a table, a list, paragraphs separated by a blank line)
//      is ONE MULTI-LINE EXAMPLE: in Wrong it must produce the rule at least
//      once, in Right not at all. So a Right example that spans sentences (a
//      definition, then a use) is written as paragraphs with a blank line between.
// 3. Both sections exist and hold at least one block each.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { allRules, check, configFromObject, type Rule, type Severity, type FixableKind } from '../helpers/engine';
import { REPO_ROOT } from '../helpers/corpus';

const SEVERITY_VI: Record<Severity, string> = {
  error: 'lỗi (error)',
  warning: 'cảnh báo (warning)',
  information: 'thông tin (information)',
  hint: 'gợi ý (hint)',
};
const FIX_VI: Record<FixableKind, string> = { safe: 'có', suggestion: 'không (chỉ gợi ý)', none: 'không' };

/** The header line a rule's metadata gives (without the optional "; note"). */
function docHeader(r: Rule): string {
  const sev = SEVERITY_VI[r.meta.severity];
  return `**Mặc định:** ${r.meta.enabledByDefault ? sev : `tắt; khi bật: ${sev}`} · **Sửa tự động:** ${FIX_VI[r.meta.fixable]}`;
}

interface ExampleBlock {
  /** 1-based line of the block's first content line in the doc page. */
  line: number;
  text: string;
}

/** The ```markdown blocks of the section whose heading starts with `heading`. */
function blocksOf(doc: string, heading: string): ExampleBlock[] | undefined {
  const lines = doc.split(/\r\n|\r|\n/);
  const start = lines.findIndex((l) => l.startsWith('## ' + heading));
  if (start < 0) return undefined;
  const out: ExampleBlock[] = [];
  for (let i = start + 1; i < lines.length && !lines[i].startsWith('## '); i++) {
    const open = /^(`{3,}|~{3,})\s*markdown\b/.exec(lines[i]);
    if (!open) continue;
    const close = new RegExp(`^ {0,3}${open[1][0]}{${open[1].length},}[ \t]*$`);
    const body: string[] = [];
    let j = i + 1;
    while (j < lines.length && !close.test(lines[j])) body.push(lines[j++]);
    out.push({ line: i + 2, text: body.join('\n') });
    i = j;
  }
  return out;
}

// A line that is markdown structure rather than a paragraph line.
const STRUCTURE = /^(?: {0,3}(?:\||#|>|[-*+](?:[ \t]|$)|\d{1,9}[.)](?:[ \t]|$)|<|`{3}|~{3}|---)| {4}|\t)/;

function isOneLineSet(text: string): boolean {
  return text.split('\n').every((l) => l.trim() !== '' && !STRUCTURE.test(l));
}

describe('rule docs (docs/rules/<id>.md): header and examples run against the rule', () => {
  for (const r of allRules) {
    const id = r.meta.id;
    describe(id, () => {
      const doc = readFileSync(join(REPO_ROOT, 'docs', 'rules', id + '.md'), 'utf8');
      const config = configFromObject({ rules: { [id]: r.meta.severity } });
      const hits = (text: string) => check(text, config, { only: [id] }).filter((f) => f.rule === id).length;

      it('has the header line its metadata gives', () => {
        const header = doc.split(/\r\n|\r|\n/)[2] ?? '';
        const want = docHeader(r);
        assert.ok(header === want || header.startsWith(want + '; '), `line 3 of docs/rules/${id}.md should be\n  ${want}\n(optionally followed by "; <note>"), is\n  ${header}`);
      });

      it('every Wrong example produces the rule', () => {
        const blocks = blocksOf(doc, 'Sai / Wrong');
        assert.ok(blocks?.length, 'no ```markdown block under "## Sai / Wrong"');
        for (const b of blocks) {
          if (!isOneLineSet(b.text)) {
            assert.ok(hits(b.text) > 0, `the multi-line example at line ${b.line} does not produce ${id}`);
            continue;
          }
          const lines = b.text.split('\n');
          const silent = lines.map((l, k) => ({ l, at: b.line + k })).filter((x) => hits(x.l) === 0);
          if (silent.length === 0) continue;
          if (silent.length === lines.length && lines.length > 1 && hits(b.text) > 0) continue; // one comparison across its lines
          assert.fail(`lines that do not produce ${id} on their own:\n${silent.map((x) => `  ${x.at}: ${x.l}`).join('\n')}`);
        }
      });

      it('no Right example produces the rule', () => {
        const blocks = blocksOf(doc, 'Đúng / Right');
        assert.ok(blocks?.length, 'no ```markdown block under "## Đúng / Right"');
        for (const b of blocks) {
          if (!isOneLineSet(b.text)) {
            assert.equal(hits(b.text), 0, `the multi-line example at line ${b.line} produces ${id}`);
            continue;
          }
          const loud = b.text
            .split('\n')
            .map((l, k) => ({ l, at: b.line + k }))
            .filter((x) => hits(x.l) > 0);
          assert.deepEqual(loud.map((x) => `${x.at}: ${x.l}`), [], `lines that produce ${id} on their own`);
        }
      });
    });
  }
});
