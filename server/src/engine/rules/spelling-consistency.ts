// spelling-consistency: one spelling per document for words with two accepted
// spellings: i/y after an initial consonant (tỷ/tỉ, sỹ/sĩ, kỹ/kĩ, lý/lí, quy/qui),
// "vắc xin"/"vắc-xin", and the capitals of "Bộ Y tế"/"Sở Y tế". The form the
// document uses most wins (ties: the first one), unless configured. Proper names
// (capitalised inside a sentence: Nguyễn Vỹ, Lý Thường Kiệt) are never counted.
import type { Block } from '../types';
import { analysis, msg, type DocDraft, type Rule } from '../rule';
import { proseRuns } from '../vietnamese/text';
import { vnTokens } from '../vietnamese/vnwords';

type Kind = 'iy' | 'vaccine' | 'agency';
interface Variant {
  kind: Kind;
  /** Same for all spellings of one word. */
  key: string;
  /** The spelling class compared across the document ("i"/"y", "vắc xin", "Bộ Y tế"...). */
  form: string;
  start: number;
  end: number;
  text: string;
}

const I_CHARS = 'iíìỉĩị';
const Y_CHARS = 'yýỳỷỹỵ';
/** Initials after which i/y alternate in open syllables (kĩ/kỹ, lí/lý, mĩ/mỹ, sĩ/sỹ, tỉ/tỷ, hỉ/hỷ). */
const IY_WORD = /^(k|l|m|s|t|h|qu)([iíìỉĩịyýỳỷỹỵ])$/;

function swapIY(text: string, to: 'i' | 'y'): string {
  let out = '';
  for (const ch of text) {
    const lower = ch.toLowerCase();
    const from = to === 'y' ? I_CHARS : Y_CHARS;
    const dest = to === 'y' ? Y_CHARS : I_CHARS;
    const k = from.indexOf(lower);
    out += k < 0 ? ch : ch !== lower ? dest[k].toUpperCase() : dest[k];
  }
  return out;
}

const VACCINE = /\b[vV]ắc([ \-‐–]+)xin\b/gu;
const AGENCY = /(?<![\p{L}\p{M}])(Bộ|Sở) +([Yy]) +([Tt]ế)(?![\p{L}\p{M}])/gu;

const variants = analysis('spelling-consistency:variants', (block: Block, config): Variant[] => {
  const out: Variant[] = [];
  for (const t of vnTokens(block, config)) {
    if (t.properName || t.glued || t.result.status !== 'valid') continue;
    const lower = t.text.toLowerCase();
    const m = IY_WORD.exec(lower);
    if (!m) continue;
    const isY = Y_CHARS.includes(m[2]);
    // Toneless ly/li, ty/ti, my/mi... are different words (ly hôn, li ti, công ty); only quy/qui alternate.
    if ((m[2] === 'i' || m[2] === 'y') && m[1] !== 'qu') continue;
    out.push({ kind: 'iy', key: swapIY(lower, 'i'), form: isY ? 'y' : 'i', start: t.start, end: t.end, text: t.text });
  }
  for (const run of proseRuns(block)) {
    for (const re of [VACCINE, AGENCY]) {
      re.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = re.exec(run.text))) {
        const start = run.start + m.index;
        if (re === VACCINE) out.push({ kind: 'vaccine', key: 'vắc xin', form: m[1] === ' ' ? 'vắc xin' : 'vắc-xin', start, end: start + m[0].length, text: m[0] });
        else out.push({ kind: 'agency', key: m[1] + ' y tế', form: `${m[1]} ${m[2]} ${m[3]}`, start, end: start + m[0].length, text: m[0] });
      }
    }
  }
  return out;
});

function rewrite(v: Variant, target: string): string {
  if (v.kind === 'iy') return swapIY(v.text, target as 'i' | 'y');
  if (v.kind === 'vaccine') return v.text[0] + target.slice(1);
  return target;
}

const show = (v: Variant, form: string) => (v.kind === 'iy' ? swapIY(v.key, form as 'i' | 'y') : form);

export const rule: Rule = {
  meta: {
    id: 'spelling-consistency',
    family: 'orthography',
    severity: 'warning',
    enabledByDefault: true,
    description: msg(
      'Một từ viết hai cách trong cùng văn bản: tỷ/tỉ, sỹ/sĩ, kỹ/kĩ, lý/lí, quy/qui, "vắc xin"/"vắc-xin", "Bộ Y tế"/"Bộ y tế".',
      'One word spelled two ways in one document: tỷ/tỉ, sỹ/sĩ, kỹ/kĩ, lý/lí, quy/qui, "vắc xin"/"vắc-xin", "Bộ Y tế"/"Bộ y tế".',
    ),
    fixable: true,
    optionsSchema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        iy: { enum: ['majority', 'i', 'y'], default: 'majority', description: 'i/y after an initial consonant: the majority in the document (default), always i (tỉ, kĩ, lí) or always y (tỷ, kỹ, lý). quy/qui always follows the majority.' },
        vaccine: { enum: ['majority', 'vắc xin', 'vắc-xin'], default: 'majority', description: 'Spelling of vaccine.' },
        agencyCapitals: { type: 'boolean', default: false, description: 'Always write "Bộ Y tế", "Sở Y tế" (otherwise the majority form wins).' },
      },
    },
  },
  checkDocument(doc, ctx) {
    const groups = new Map<string, { block: Block; v: Variant }[]>();
    for (const block of doc.blocks) {
      if (!block.segments.length) continue;
      for (const v of variants(block, ctx.config)) {
        const k = v.kind + '\u0001' + v.key;
        let g = groups.get(k);
        if (!g) groups.set(k, (g = []));
        g.push({ block, v });
      }
    }
    const out: DocDraft[] = [];
    for (const g of groups.values()) {
      const counts = new Map<string, number>();
      for (const { v } of g) counts.set(v.form, (counts.get(v.form) ?? 0) + 1);
      const kind = g[0].v.kind;
      let target: string | undefined;
      const o = ctx.options;
      // The i-style of QĐ 1989 keeps "quy" (uy is a rhyme there), so quy/qui only follows the majority.
      if (kind === 'iy' && (o.iy === 'i' || o.iy === 'y') && !g[0].v.key.startsWith('qu')) target = o.iy;
      else if (kind === 'vaccine' && (o.vaccine === 'vắc xin' || o.vaccine === 'vắc-xin')) target = o.vaccine;
      else if (kind === 'agency' && o.agencyCapitals === true) target = g[0].v.key.replace(' y tế', ' Y tế');
      const configured = target !== undefined;
      if (!configured) {
        if (counts.size < 2) continue;
        let best = -1;
        for (const { v } of g) {
          const c = counts.get(v.form)!;
          if (c > best) { best = c; target = v.form; }
        }
      }
      for (const { block, v } of g) {
        if (v.form === target) continue;
        const fixed = rewrite(v, target!);
        const why = configured
          ? msg('theo cấu hình', 'as configured')
          : msg(`văn bản viết "${show(v, target!)}" ${counts.get(target!)} lần, "${show(v, v.form)}" ${counts.get(v.form)} lần`, `the document writes "${show(v, target!)}" ${counts.get(target!)} times, "${show(v, v.form)}" ${counts.get(v.form)} times`);
        out.push({
          block,
          start: v.start,
          end: v.end,
          message: msg(`Viết thống nhất "${fixed}" thay cho "${v.text}" (${why.vi}).`, `Spell it "${fixed}" consistently instead of "${v.text}" (${why.en}).`),
          fixes: [{ title: msg(`Đổi thành "${fixed}"`, `Change to "${fixed}"`), edits: [{ start: v.start, end: v.end, newText: fixed }], safe: true }],
          data: { kind, key: v.key, form: v.form, target },
        });
      }
    }
    return out;
  },
};
