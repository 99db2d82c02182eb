// tone-mark-style: the traditional ("hòa", "thủy", "khỏe") and reformed ("hoà",
// "thuỷ", "khoẻ") tone-mark placements mixed in one document. The styles only
// differ on open syllables oa/oe/uy (not after qu/gi); the syllable model says
// which style each such word uses. The minority style (or every word not in the
// configured style) is flagged with a safe fix to the chosen style.
import type { Block } from '../types';
import { analysis, msg, type DocDraft, type Rule } from '../rule';
import { vnTokens } from '../vietnamese/vnwords';
import { toStyle, type ToneStyle } from '../vietnamese/syllable';

interface StyledWord {
  start: number;
  end: number;
  text: string;
  style: ToneStyle;
}

const styledWords = analysis('tone-mark-style:words', (block: Block, config): StyledWord[] =>
  vnTokens(block, config)
    .filter((t) => t.result.status === 'valid' && (t.result.style === 'traditional' || t.result.style === 'reformed'))
    .map((t) => ({ start: t.start, end: t.end, text: t.text, style: t.result.style as ToneStyle })),
);

const NAME: Record<ToneStyle, { vi: string; en: string }> = {
  traditional: { vi: 'kiểu cũ (dấu trên o/u: hòa, thủy, khỏe)', en: 'traditional (mark on o/u: hòa, thủy, khỏe)' },
  reformed: { vi: 'kiểu mới (dấu trên âm chính: hoà, thuỷ, khoẻ)', en: 'reformed (mark on the main vowel: hoà, thuỷ, khoẻ)' },
};

export const rule: Rule = {
  meta: {
    id: 'tone-mark-style',
    family: 'orthography',
    severity: 'warning',
    enabledByDefault: true,
    description: msg(
      'Trộn hai kiểu đặt dấu thanh (hòa/hoà, thủy/thuỷ, khỏe/khoẻ) trong cùng một văn bản.',
      'Traditional and reformed tone-mark placement (hòa/hoà, thủy/thuỷ, khỏe/khoẻ) mixed in one document.',
    ),
    fixable: true,
    optionsSchema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        prefer: {
          enum: ['majority', 'traditional', 'reformed'],
          default: 'majority',
          description: 'Style to enforce: the one the document uses most (default), traditional (hòa, thủy) or reformed (hoà, thuỷ).',
        },
      },
    },
  },
  checkDocument(doc, ctx) {
    const words: { block: Block; w: StyledWord }[] = [];
    const count: Record<ToneStyle, number> = { traditional: 0, reformed: 0 };
    for (const block of doc.blocks) {
      if (!block.segments.length) continue;
      for (const w of styledWords(block, ctx.config)) {
        words.push({ block, w });
        count[w.style]++;
      }
    }
    if (!words.length) return [];
    const prefer = ctx.options.prefer;
    let target: ToneStyle;
    if (prefer === 'traditional' || prefer === 'reformed') target = prefer;
    else {
      if (!count.traditional || !count.reformed) return [];
      // Majority; on a tie, the style of the first such word.
      target = count.traditional > count.reformed ? 'traditional' : count.reformed > count.traditional ? 'reformed' : words[0].w.style;
    }
    const other: ToneStyle = target === 'traditional' ? 'reformed' : 'traditional';
    const why =
      prefer === target
        ? msg('theo cấu hình', 'as configured')
        : msg(`văn bản dùng kiểu này ${count[target]} lần, kiểu kia ${count[other]} lần`, `the document uses it ${count[target]} times, the other ${count[other]} times`);
    const out: DocDraft[] = [];
    for (const { block, w } of words) {
      if (w.style === target) continue;
      const fixed = toStyle(w.text, target);
      out.push({
        block,
        start: w.start,
        end: w.end,
        message: msg(
          `"${w.text}" đặt dấu ${NAME[other].vi}; văn bản dùng ${NAME[target].vi} (${why.vi}): "${fixed}".`,
          `"${w.text}" uses ${NAME[other].en} tone marks; the document uses ${NAME[target].en} (${why.en}): "${fixed}".`,
        ),
        fixes: [{ title: msg(`Đổi thành "${fixed}"`, `Change to "${fixed}"`), edits: [{ start: w.start, end: w.end, newText: fixed }], safe: true }],
        data: { style: w.style, target, counts: { ...count } },
      });
    }
    return out;
  },
};
