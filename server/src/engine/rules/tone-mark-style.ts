// tone-mark-style: the traditional ("hòa", "thủy", "khỏe") and reformed ("hoà",
// "thuỷ", "khoẻ") tone-mark placements mixed in one document. The styles only
// differ on open syllables oa/oe/uy (not after qu/gi); the syllable model says
// which style each such word uses. The minority style (or every word not in the
// configured style) is flagged with a safe fix to the chosen style.
import type { Block } from '../types';
import type { ResolvedConfig } from '../config';
import { msg, type DocDraft, type DocModel, type Rule, type RuleContext } from '../rule';
import { wordFacts } from '../vietnamese/vnwords';
import { toStyle, type ToneStyle } from '../vietnamese/syllable';
import { changedBlocks } from '../blockdiff';

// Incremental: the style counts and the blocks holding styled words are kept in
// DocModel.store and updated from the blocks an edit replaced. Findings are kept
// per block: when the counts (which the messages quote) and the chosen style stay
// the same, only the replaced blocks' findings are redone.
interface State {
  config: ResolvedConfig;
  prefer: unknown;
  blocks: readonly Block[];
  count: Record<ToneStyle, number>;
  /** Blocks with styled words. */
  styled: Set<Block>;
  /** Findings by block, for this target and these counts. */
  byBlock: Map<Block, DocDraft[]>;
  target: ToneStyle | undefined;
  countsKey: string;
}
const STORE_KEY = 'tone-mark-style';

const fixedCache = new Map<string, string>();
function fixedText(text: string, target: ToneStyle): string {
  const k = target[0] + text;
  let f = fixedCache.get(k);
  if (f === undefined) {
    f = toStyle(text, target);
    if (fixedCache.size > 10_000) fixedCache.clear();
    fixedCache.set(k, f);
  }
  return f;
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
  checkDocument(doc, ctx) {
    return check(doc, ctx);
  },
};

function check(doc: DocModel, ctx: RuleContext): DocDraft[] {
  const prefer = ctx.options.prefer;
  let st = doc.store.get(STORE_KEY) as State | undefined;
  // Unset while updating: a failure half-way must not leave a wrong state behind.
  doc.store.delete(STORE_KEY);
  if (!st || st.config !== ctx.config || st.prefer !== prefer) {
    st = { config: ctx.config, prefer, blocks: [], count: { traditional: 0, reformed: 0 }, styled: new Set(), byBlock: new Map(), target: undefined, countsKey: '' };
  }
  const { removed, added } = changedBlocks(doc.store, st.blocks, doc.blocks);
  const touched: Block[] = [];
  for (const block of removed) {
    if (!block.segments.length) continue;
    const f = wordFacts(block, ctx.config);
    if (!f.styled.length) continue;
    st.count.traditional -= f.traditional;
    st.count.reformed -= f.reformed;
    st.styled.delete(block);
    touched.push(block);
  }
  for (const block of added) {
    if (!block.segments.length) continue;
    const f = wordFacts(block, ctx.config);
    if (!f.styled.length) continue;
    st.count.traditional += f.traditional;
    st.count.reformed += f.reformed;
    st.styled.add(block);
    touched.push(block);
  }
  st.blocks = doc.blocks;
  const count = st.count;
  const target = chooseTarget(doc, ctx, count, prefer);
  const countsKey = `${count.traditional}/${count.reformed}`;
  if (target !== st.target || countsKey !== st.countsKey) {
    // The messages quote the counts: redo every block's findings.
    st.byBlock.clear();
    st.target = target;
    st.countsKey = countsKey;
    if (target) for (const block of st.styled) setFindings(st, block, ctx, prefer, target);
  } else if (target) {
    for (const block of touched) {
      st.byBlock.delete(block);
      if (st.styled.has(block)) setFindings(st, block, ctx, prefer, target);
    }
  } else st.byBlock.clear();
  doc.store.set(STORE_KEY, st);
  const out: DocDraft[] = [];
  for (const ds of st.byBlock.values()) for (const d of ds) out.push(d);
  return out;
}

/** The style to enforce, or undefined when there is nothing to report. */
function chooseTarget(doc: DocModel, ctx: RuleContext, count: Record<ToneStyle, number>, prefer: unknown): ToneStyle | undefined {
  if (!count.traditional && !count.reformed) return undefined;
  if (prefer === 'traditional' || prefer === 'reformed') return prefer;
  if (!count.traditional || !count.reformed) return undefined;
  if (count.traditional !== count.reformed) return count.traditional > count.reformed ? 'traditional' : 'reformed';
  // Majority; on a tie, the style of the first such word.
  for (const block of doc.blocks) {
    if (!block.segments.length) continue;
    const f = wordFacts(block, ctx.config);
    if (f.styled.length) return f.styled[0].style;
  }
  return undefined;
}

function setFindings(st: State, block: Block, ctx: RuleContext, prefer: unknown, target: ToneStyle): void {
  const count = st.count;
  const other: ToneStyle = target === 'traditional' ? 'reformed' : 'traditional';
  const f = wordFacts(block, ctx.config);
  if (!f[other]) return;
  const why =
    prefer === target
      ? msg('theo cấu hình', 'as configured')
      : msg(`văn bản dùng kiểu này ${count[target]} lần, kiểu kia ${count[other]} lần`, `the document uses it ${count[target]} times, the other ${count[other]} times`);
  const out: DocDraft[] = [];
  for (const w of f.styled) {
    if (w.style === target) continue;
    const fixed = fixedText(w.text, target);
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
  st.byBlock.set(block, out);
}
