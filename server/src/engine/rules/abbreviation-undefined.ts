// abbreviation-undefined (information, off by default): an abbreviation from the
// catalogue (vietnamese/abbreviations.json) or the config's `abbreviations`
// used before it is spelled out ("BHYT" before "bảo hiểm y tế (BHYT)").
// Widely known ones (UBND, HĐND, COVID-19, WHO, HIV...) and the config's
// `knownAbbreviations` need no definition. Only the first use is reported.
import type { Block } from '../types';
import { analysis, msg, type DocDraft, type Rule } from '../rule';
import { proseRuns } from '../vietnamese/text';
import data from '../vietnamese/abbreviations.json';

/** Known to every reader of a Vietnamese report, or titles/codes never spelled out. */
export const WELL_KNOWN = [
  'UBND', 'HĐND', 'COVID', 'COVID-19', 'WHO', 'UNICEF', 'HIV', 'AIDS', 'HIV/AIDS', 'TP.', 'TP', 'TW', 'CP', 'QH', 'TX', 'TT',
  'BS', 'TS', 'ThS', 'PGS', 'GS', 'DS', 'TTg', 'MTTQ', 'CNTT',
];

const CATALOGUE = new Map<string, string>((data as { items: { abbr: string; expansion: string }[] }).items.map((x) => [x.abbr.replace(/\.$/, ''), x.expansion]));

interface Use {
  abbr: string;
  start: number;
  end: number;
  /** "(BHYT)" after its expansion, "BHYT (bảo hiểm y tế)", "gọi tắt là BHYT". */
  definition: boolean;
}

const TOKEN = /[\p{L}\p{M}\p{N}]+(?:[-/][\p{L}\p{M}\p{N}]+)*/gu;
const INTRO = /(viết tắt là|gọi tắt là|sau đây gọi là)\s*["“]?$/u;

function lookup(config: { abbreviations: Record<string, string> }, s: string): string | undefined {
  return config.abbreviations[s] ?? CATALOGUE.get(s);
}

const uses = analysis('abbreviation-undefined:uses', (block: Block, config): Use[] => {
  const out: Use[] = [];
  for (const run of proseRuns(block)) {
    TOKEN.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = TOKEN.exec(run.text))) {
      const parts: { s: string; off: number }[] = [];
      if (lookup(config, m[0])) parts.push({ s: m[0], off: 0 });
      else if (!/\p{N}/u.test(m[0])) {
        // "DS-KHHGĐ" unknown as a whole: its parts; codes with digits (123/QĐ-BYT) are references, skipped.
        let off = 0;
        for (const p of m[0].split(/[-/]/)) {
          if (lookup(config, p)) parts.push({ s: p, off });
          off += p.length + 1;
        }
      }
      for (const { s, off } of parts) {
        const start = run.start + m.index + off;
        const end = start + s.length;
        const before = run.text.slice(0, m.index + off);
        const after = run.text.slice(m.index + off + s.length);
        const definition = (/\(\s*$/.test(before) && /^\s*[)/,;]/.test(after)) || /^\s*\(\s*\p{Ll}/u.test(after) || INTRO.test(before);
        out.push({ abbr: s, start, end, definition });
      }
    }
  }
  return out;
});

export const rule: Rule = {
  meta: {
    id: 'abbreviation-undefined',
    family: 'orthography',
    severity: 'information',
    enabledByDefault: false,
    description: msg(
      'Chữ viết tắt được dùng trước khi được viết đầy đủ (ví dụ "BHYT" trước "bảo hiểm y tế (BHYT)").',
      'An abbreviation used before it is spelled out (e.g. "BHYT" before "bảo hiểm y tế (BHYT)").',
    ),
    fixable: 'suggestion',
  },
  checkDocument(doc, ctx) {
    const known = new Set([...WELL_KNOWN, ...ctx.config.knownAbbreviations]);
    const first = new Map<string, { block: Block; u: Use }>();
    const definedAt = new Map<string, { block: Block; u: Use }>();
    for (const block of doc.blocks) {
      if (!block.segments.length) continue;
      for (const u of uses(block, ctx.config)) {
        if (known.has(u.abbr)) continue;
        if (!first.has(u.abbr)) first.set(u.abbr, { block, u });
        if (u.definition && !definedAt.has(u.abbr)) definedAt.set(u.abbr, { block, u });
      }
    }
    const out: DocDraft[] = [];
    for (const [abbr, { block, u }] of first) {
      if (u.definition) continue;
      const expansion = lookup(ctx.config, abbr) ?? '';
      const def = definedAt.get(abbr);
      out.push({
        block,
        start: u.start,
        end: u.end,
        message: def
          ? msg(`"${abbr}" được dùng trước khi được giải thích ("${expansion}"); hãy viết đầy đủ ở lần dùng đầu tiên.`, `"${abbr}" is used before it is spelled out ("${expansion}"); spell it out at its first use.`)
          : msg(`"${abbr}" chưa được giải thích trong văn bản; lần dùng đầu tiên nên viết "${expansion} (${abbr})".`, `"${abbr}" is never spelled out; write "${expansion} (${abbr})" at its first use.`),
        related: def ? [{ block: def.block, start: def.u.start, end: def.u.end, message: msg('Chỗ giải thích chữ viết tắt', 'Where it is spelled out') }] : undefined,
        fixes: expansion
          ? [{ title: msg(`Viết "${expansion} (${abbr})"`, `Write "${expansion} (${abbr})"`), edits: [{ start: u.start, end: u.end, newText: `${expansion} (${abbr})` }], safe: false }]
          : undefined,
        data: { abbr, expansion },
      });
    }
    return out;
  },
};
