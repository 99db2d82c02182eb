// duplicate-word: a syllable typed twice ("triển khai nhiệm nhiệm vụ", "cần phải phải").
//
// Vietnamese doubles syllables legitimately all the time: reduplicatives
// ("người người", "nhà nhà", "dần dần", "từ từ", "ra ra vào vào") and, more often,
// the boundary of two compounds ("thi công | công trình", "tự do | do", "tuyến
// trên | trên địa bàn"). Without a full dictionary the calls made are by word
// class (data: vietnamese/function-words.json):
//  - a FUNCTION word (conjunction, preposition, auxiliary, degree adverb,
//    quantifier, copula, negation) doubled is a slip ("và và", "của của", "hơn
//    hơn"), unless a known compound with the word before or after explains it;
//  - a CONTEXTUAL word ("từ") doubled is the reduplicative unless the next word
//    shows the preposition ("từ từ ngày 1/1", "từ từ Hà Nội");
//  - a BOUND syllable (one that never stands alone: "nhiệm", "triển", "nghị"...)
//    doubled, when the word before cannot form a compound ending in it;
//  - a doubled pair followed by another doubled pair ("ra ra vào vào") is a
//    reduplicated coordination, never a slip.
// Anything else is not reported: precision first.
import type { Draft } from '../types';
import { msg, type Rule } from '../rule';
import { REPEAT_SIZE, wordFacts } from '../vietnamese/vnwords';
import data from '../vietnamese/function-words.json';

interface Compound {
  before?: string[];
  after?: string[];
}
interface Contextual {
  slipBefore: string[];
  slipBeforeNumber?: boolean;
  slipBeforeName?: boolean;
}
/** Function words whose doubling is a slip -> their class. */
const SLIP_CLASS = new Map<string, string>();
for (const [cls, c] of Object.entries(data.classes)) if (c.doubled === 'slip') for (const w of c.words) SLIP_CLASS.set(w, cls);
const COMPOUNDS = new Map<string, { before: Set<string>; after: Set<string> }>(
  Object.entries(data.compounds as Record<string, Compound>).map(([w, c]) => [w, { before: new Set(c.before ?? []), after: new Set(c.after ?? []) }]),
);
const CONTEXTUAL = new Map<string, { slipBefore: Set<string>; number: boolean; name: boolean }>(
  Object.entries(data.contextual as Record<string, Contextual>).map(([w, c]) => [w, { slipBefore: new Set(c.slipBefore), number: c.slipBeforeNumber === true, name: c.slipBeforeName === true }]),
);
const BOUND_SETS = new Map(Object.entries(data.bound as Record<string, string[]>).map(([k, v]) => [k, new Set(v)]));
const CLASS_VI: Record<string, string> = { conjunction: 'liên từ', preposition: 'giới từ', auxiliary: 'phó từ', adverb: 'phó từ', quantifier: 'lượng từ', copula: 'từ “là”', negation: 'từ phủ định' };
/** After the pair: the word after it doubled too ("ra ra vào vào"), read in place (bounded). */
const NEXT_PAIR = /^[ \u00a0]+([\p{L}\p{M}]+)[ \u00a0]+([\p{L}\p{M}]+)/u;

export const rule: Rule = {
  meta: {
    id: 'duplicate-word',
    family: 'format',
    severity: 'warning',
    enabledByDefault: true,
    description: msg(
      'Một tiếng bị gõ lặp hai lần (“nhiệm nhiệm vụ”, “cần phải phải”, “của của”); từ láy như “người người”, “dần dần”, “từ từ” không bị báo.',
      'A syllable typed twice (“nhiệm nhiệm vụ”, “cần phải phải”, “của của”); reduplicatives such as “người người”, “dần dần”, “từ từ” are fine.',
    ),
    fixable: 'safe',
  },
  checkBlock(block, ctx) {
    const out: Draft[] = [];
    // The candidate pairs come from the shared word scan (vnwords.ts): neighbours of equal length
    // that may be equal ignoring case, with the word before and after each pair.
    const R = wordFacts(block, ctx.config).repeats;
    if (!R) return out;
    const prose = block.prose;
    const text = (at: number) => prose.slice(R[at], R[at + 1]);
    // Words joined only by spaces (or one soft line break) belong to one phrase (x, y: offsets of two words in R).
    const joined = (x: number, y: number) => R[x] >= 0 && R[y] >= 0 && R[x + 2] === R[y + 2] && R[y] > R[x + 1] && spacesOnly(prose, R[x + 1], R[y]);
    let skip = -1;
    for (let c = 0; c < R.length; c += REPEAT_SIZE) {
      const i = R[c];
      if (i === skip) continue; // "và và và": one finding per run
      const W = c + 1;
      const A = c + 4;
      const B = c + 7;
      const Y = c + 10;
      const at = text(A);
      const bt = text(B);
      const x = bt.toLowerCase();
      if (at.toLowerCase() !== x || !joined(A, B)) continue;
      // A capitalised second word is a name ("Hà Hà"); ALL CAPS headings are fine.
      if (bt !== x && !(bt === bt.toUpperCase() && at === at.toUpperCase() && x.length > 1)) continue;
      const w = joined(W, A) ? text(W).toLowerCase() : undefined;
      const y = joined(B, Y) ? text(Y) : undefined;
      const yl = y?.toLowerCase();
      const bound = BOUND_SETS.get(x);
      const cls = SLIP_CLASS.get(x);
      const ctxw = CONTEXTUAL.get(x);
      let slip = false;
      if (bound) slip = w === undefined || !bound.has(w);
      else if (cls) {
        const c = COMPOUNDS.get(x);
        slip = !(w !== undefined && c?.before.has(w)) && !(yl !== undefined && c?.after.has(yl));
      } else if (ctxw) {
        // The preposition before a number, a name or a word it introduces; the adverb otherwise.
        const number = ctxw.number && /^[ \u00a0]+\d/.test(prose.slice(R[B + 1], R[B + 1] + 3));
        slip = number || (y !== undefined && (ctxw.slipBefore.has(yl!) || (ctxw.name && y !== yl)));
      }
      if (slip) {
        const pair = NEXT_PAIR.exec(prose.slice(R[B + 1], R[B + 1] + 40));
        if (pair && pair[1].toLowerCase() === pair[2].toLowerCase()) slip = false; // "ra ra vào vào"
      }
      if (!slip) continue;
      out.push({
        start: R[A],
        end: R[B + 1],
        message: cls
          ? msg(`Lặp ${CLASS_VI[cls] ?? 'hư từ'} “${at} ${bt}”: có lẽ gõ thừa một “${bt}”.`, `Repeated ${cls} “${at} ${bt}”: probably one “${bt}” too many.`)
          : msg(`Lặp từ “${at} ${bt}”: có lẽ gõ thừa một “${bt}”.`, `Repeated word “${at} ${bt}”: probably one “${bt}” too many.`),
        fixes: [{ title: msg(`Bỏ “${bt}” thừa`, `Remove the extra “${bt}”`), edits: [{ start: R[A + 1], end: R[B + 1], newText: '' }], safe: true }],
      });
      skip = i + 1;
    }
    return out;
  },
};

/** The gap reads /^[ \u00a0\t]*\n?[ \u00a0\t]*$/. */
function spacesOnly(p: string, from: number, to: number): boolean {
  let nl = false;
  for (let k = from; k < to; k++) {
    const c = p.charCodeAt(k);
    if (c === 32 || c === 0xa0 || c === 9) continue;
    if (c === 10 && !nl) {
      nl = true;
      continue;
    }
    return false;
  }
  return true;
}
