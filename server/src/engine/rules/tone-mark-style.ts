// tone-mark-style: the traditional ("hòa", "thủy", "khỏe") and reformed ("hoà",
// "thuỷ", "khoẻ") tone-mark placements mixed in one document. The styles only
// differ on open syllables oa/oe/uy (not after qu/gi); the syllable model says
// which style each such word uses. The minority style (or every word not in the
// configured style) is flagged with a safe fix to the chosen style.
import type { Block } from '../types';
import type { ResolvedConfig } from '../config';
import { groupSpec, msg, type DocDraft, type Member, type Rule } from '../rule';
import { wordFacts, type StyledWord } from '../vietnamese/vnwords';
import { toStyle, type ToneStyle } from '../vietnamese/syllable';

// One group: every word written in one of the two styles. Its summary is the
// style to enforce and the counts the messages quote; while both stay the
// same, the engine redoes only the edited blocks' findings.
interface Summary {
  target: ToneStyle;
  count: Record<ToneStyle, number>;
  prefer: unknown;
}


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
    fixable: 'safe',
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
  groups: groupSpec<StyledWord, Summary, Record<ToneStyle, number>>({
    facts: (block, ctx) => wordFacts(block, ctx.config).styled,
    key: () => '',
    tally: {
      zero: () => ({ traditional: 0, reformed: 0 }),
      add(count, m, sign) {
        for (const w of m.facts) count[w.style] += sign;
      },
    },
    summary(g, ctx) {
      const count = { ...g.tally };
      const prefer = ctx.options.prefer;
      const target = chooseTarget(() => g.members, count, prefer);
      return target && { target, count, prefer };
    },
    same: (a, b) => a.target === b.target && a.count.traditional === b.count.traditional && a.count.reformed === b.count.reformed,
    drafts: (m, s, _g, ctx) => draftsOf(m.block, ctx.config, s),
  }),
};

/** The style to enforce, or undefined when there is nothing to report. */
function chooseTarget(members: () => readonly Member<StyledWord>[], count: Record<ToneStyle, number>, prefer: unknown): ToneStyle | undefined {
  if (!count.traditional && !count.reformed) return undefined;
  if (prefer === 'traditional' || prefer === 'reformed') return prefer;
  if (!count.traditional || !count.reformed) return undefined;
  if (count.traditional !== count.reformed) return count.traditional > count.reformed ? 'traditional' : 'reformed';
  // Majority; on a tie, the style of the first such word.
  return members()[0]?.facts[0].style;
}

function draftsOf(block: Block, config: ResolvedConfig, s: Summary): DocDraft[] {
  const { target, count, prefer } = s;
  const other: ToneStyle = target === 'traditional' ? 'reformed' : 'traditional';
  const f = wordFacts(block, config);
  if (!f[other]) return [];
  const why =
    prefer === target
      ? msg('theo cấu hình', 'as configured')
      : msg(`văn bản dùng kiểu này ${count[target]} lần, kiểu kia ${count[other]} lần`, `the document uses it ${count[target]} times, the other ${count[other]} times`);
  const out: DocDraft[] = [];
  for (const w of f.styled) {
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
}
