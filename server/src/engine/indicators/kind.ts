// The kind and role of a figure, read backwards from it in its sentence: the
// nearest marker of an achievement or a target ("thực hiện", "kế hoạch",
// "phấn đấu"), whether "chỉ tiêu" there is a target at all, and whether the
// figure is quoted as the other side of a comparison ("cao hơn mức chung của
// toàn tỉnh (81,2%)", "vượt kế hoạch (92%)") or as a norm.
import type { Tok } from './lexer';
import { foldKeyOf as K, inW, wordSet } from './lexicon';
import type { Mention, MentionKind, RefRole } from './mention';
import { isN } from './numbers';
import { hitAt, visibleFrom, type Hit, type Reading } from './read';

/** How far back (in tokens) a figure's qualifiers are looked for: keeps long run-on paragraphs linear. */
export const WINDOW = 160;

/** "được giao", "đã đề ra", "cơ bản": auxiliaries skipped before a target word. */
const AUX_BEFORE_TARGET = wordSet('được', 'đã', 'cơ', 'bản');
/** "đạt": reaching a level (the figure after it is the own value). */
const REACH_VERB = wordSet('đạt');
/** "vượt": exceeding (a target after it was achieved). */
const EXCEED_VERB = wordSet('vượt');
/** "các chỉ tiêu", "số chỉ tiêu", "theo kế hoạch": target words used as nouns, not as a target of this figure. */
const PLURAL_OR_GENERIC = wordSet('các', 'những', 'số', 'nhiều', 'theo', 'bộ');
/** "kế hoạch hóa (gia đình)": not a plan. */
const HOA_SUFFIX = wordSet('hóa');
/** The "chỉ" of "chỉ tiêu" (an indicator, or a target). */
export const CHI_WORD = wordSet('chỉ');

// Comparison words: the figure after them (with words between) is the other side of the comparison.
const COMPARATORS = new Set(['cao hơn', 'thấp hơn', 'vượt', 'vượt mức', 'hơn so với', 'so với', 'so cùng kỳ', 'chênh lệch', 'bằng'].map((w) => K(w)));
// (Not 'với' alone: "63,2 tuổi với nam giới và 70 tuổi ở nữ giới" compares nothing.)
const COMPARATOR_WORDS = wordSet('kém', 'tương', 'đương', 'sánh');
// Words that may stand between a comparison and its object ("cao hơn mức chung của toàn tỉnh", "so với tỷ lệ của tỉnh").
const OBJECT_GLUE = wordSet('của', 'mức', 'với', 'tỷ', 'tỉ', 'lệ', 'chung', 'nhiều', 'một', 'chút', 'đáng', 'kể', 'các', 'số', 'giá', 'trị');

/**
 * The kind, from the markers before the figure in its sentence: the nearest
 * strong marker (thực hiện, hoàn thành / kế hoạch, mục tiêu, phấn đấu) decides;
 * a figure listed after another one takes that one's kind ("phấn đấu đạt 13
 * bác sĩ/vạn dân; 95% dân số tham gia bảo hiểm y tế").
 */
export function scanKind(r: Reading, from: number, a: number, figAt: Map<number, Mention>): { kind: MentionKind; explicit: boolean; at: number } {
  for (let k = from; k >= Math.max(a, from - WINDOW); k--) {
    // An aside "(kế hoạch 11)" before the figure does not set its kind.
    const open = r.openOf.get(k);
    if (open !== undefined && open >= a) {
      k = open;
      continue;
    }
    const m = figAt.get(k);
    // A reference quoted before ("vượt kế hoạch (92%)") does not pass its kind on.
    if (m && !m.ref && (m.kind === 'achieved' || m.kind === 'target')) return { kind: m.kind, explicit: m.kindExplicit, at: -1 };
    const h = hitAt(r, k);
    if (!h) continue;
    if (h.type === 'qual') {
      if (h.qual.cat === 'achieved') return { kind: 'achieved', explicit: true, at: h.s };
      if (h.qual.cat === 'target') {
        const v = targetValidity(r, h);
        if (v === 'target') return { kind: 'target', explicit: true, at: h.s };
        if (v === 'achieved') return { kind: 'achieved', explicit: true, at: h.s };
      }
    }
    k = h.s;
  }
  return { kind: 'achieved', explicit: false, at: -1 };
}

/** "chỉ tiêu" is a target unless it is "các chỉ tiêu", "3/3 chỉ tiêu", "đạt/vượt/hoàn thành chỉ tiêu", "kế hoạch hóa". */
export function targetValidity(r: Reading, h: Hit): 'target' | 'achieved' | 'neutral' {
  const toks = r.toks;
  // "10/12 chỉ tiêu kế hoạch", "đạt chỉ tiêu kế hoạch": a run of target words is judged by what precedes the run.
  const before = hitAt(r, h.s - 1);
  if (before?.type === 'qual' && before.qual.cat === 'target') return targetValidity(r, before);
  let k = h.s - 1;
  while (k >= 0 && inW(toks[k], AUX_BEFORE_TARGET)) k--;
  const p = toks[k];
  const ph = hitAt(r, k);
  if (ph?.type === 'qual' && (ph.qual.cat === 'achieved' || (ph.qual.cat === 'weak' && inW(toks[ph.s], REACH_VERB)) || (ph.qual.cat === 'change' && inW(toks[ph.s], EXCEED_VERB)))) return 'achieved';
  if (ph?.type === 'qual' && ph.qual.cat === 'prev') return 'neutral';
  if (isN(p) || inW(p, PLURAL_OR_GENERIC)) return 'neutral';
  if (inW(toks[h.e], HOA_SUFFIX)) return 'neutral';
  if (namesIndicatorList(r, h)) return 'neutral';
  return 'target';
}

/**
 * "Chỉ tiêu số bác sĩ/vạn dân: ..." opening a sentence names the indicator
 * (chỉ tiêu = indicator), not a target; so does "Chỉ tiêu chưa đạt: tỷ lệ ...",
 * "Chỉ tiêu vượt:", a heading word of a list of indicators by result.
 */
function namesIndicatorList(r: Reading, h: Hit): boolean {
  const toks = r.toks;
  if (h.e - h.s !== 2 || !inW(toks[h.s], CHI_WORD)) return false;
  const opens = h.s === 0 || toks[h.s - 1].k === '.' || toks[h.s - 1].k === '\n' || toks[h.s - 1].k === '-';
  if (!opens) return false;
  if (hitAt(r, h.e)?.type === 'name') return true;
  let k2 = h.e;
  while (k2 < h.e + 3 && toks[k2]?.t === 'w') k2++;
  return k2 > h.e && toks[k2]?.k === ':' && toks.slice(h.e, k2).some((t: Tok) => inW(t, REACH_VERB) || inW(t, EXCEED_VERB));
}

/** A comparison word at token k ("cao hơn", "so với", "tương đương"): where it starts. */
function isComparator(r: Reading, k: number): { s: number } | undefined {
  const h = hitAt(r, k);
  if (h?.type === 'qual' && (h.qual.cat === 'change' || h.qual.cat === 'prev' || h.qual.cat === 'weak') && COMPARATORS.has(K(h.qual.label ?? ''))) return { s: h.s };
  const t = r.toks[k];
  if (!h && t?.t === 'w' && inW(t, COMPARATOR_WORDS)) return { s: k };
  return undefined;
}

/** Is the place hit at `s` the object of a comparison ("so với toàn tỉnh", "cao hơn mức chung của cả nước")? */
export function comparedPlace(r: Reading, s: number, a: number): boolean {
  for (let k = s - 1, n = 0; k >= a && n < 5; k--, n++) {
    const h = hitAt(r, k);
    if (isComparator(r, k)) return true;
    if (h?.type === 'qual' && h.qual.cat === 'average') {
      k = h.s;
      continue;
    }
    if (!h && inW(r.toks[k], OBJECT_GLUE)) continue;
    return false;
  }
  return false;
}

export interface Reference {
  role: RefRole;
  place?: { key: string; label: string };
  /** The tokens that decided [s, e): the comparison and its object. */
  s: number;
  e: number;
}

/** The objects of a comparison seen so far, reading backwards from the figure. */
interface Objects {
  place?: { key: string; label: string };
  target: number;
  period: number;
  average: number;
  norm: number;
  words: number;
}

/**
 * Is the figure at token `f` quoted as the other side of a comparison or as a
 * norm? Read backwards inside its clause: a comparison word with an object
 * between it and the figure ("cao hơn mức chung của toàn tỉnh (81,2%)",
 * "vượt kế hoạch (92%)", "thấp hơn bình quân cả nước (13,9‰)"), a norm
 * ("theo khuyến cáo của WHO, ... là 105"), or someone's average with no
 * place named ("bình quân chung là 81,2%"). A verb of achievement ("đạt"),
 * another indicator's name or the sentence's own figure ends the search.
 */
export function readReference(r: Reading, f: number, a: number, figAt: Map<number, Mention>): Reference | undefined {
  const toks = r.toks;
  const o: Objects = { target: -1, period: -1, average: -1, norm: -1, words: 0 };
  // A closing bracket right before the figure: "(81,2%)" opened by the words before it.
  for (let k = f - 1; k >= Math.max(a, f - 40); k--) {
    const t = toks[k];
    if (t.k === ';' || t.t === 'nl') break;
    const m = figAt.get(k);
    if (m) {
      // "cao hơn toàn tỉnh (81,2%) và cả nước (80,0%)": a list of references.
      if (m.ref && m.ref !== 'norm') {
        if (o.place) return { role: 'place', place: o.place, s: k + 1, e: f };
        if (o.target >= 0) return { role: 'target', s: o.target, e: f };
        return { role: m.ref === 'target' ? 'target' : 'unknown', s: k, e: f };
      }
      break;
    }
    if (isN(t)) break;
    const h = hitAt(r, k);
    if (h) {
      if (h.type === 'name') break;
      noteObject(r, h, k, f, o);
      const cmp = isComparator(r, h.s);
      if (cmp) {
        // Words between the comparison and the figure name its object; none: a change ("vượt 2%").
        if (h.e >= f || (o.words === 0 && !o.place && o.target < 0 && o.period < 0 && o.average < 0 && o.norm < 0)) return undefined;
        return referenceOf(o, cmp.s, f);
      }
      if (h.type === 'qual' && (h.qual.cat === 'achieved' || (h.qual.cat === 'weak' && inW(toks[h.s], REACH_VERB)))) break;
      k = h.s;
      continue;
    }
    if (t.t === 'w') {
      if (isComparator(r, k)) {
        if (o.words === 0 && !o.place && o.target < 0 && o.average < 0 && o.norm < 0) return undefined;
        return referenceOf(o, k, f);
      }
      o.words++;
    }
  }
  if (o.norm >= 0) return { role: 'norm', s: o.norm, e: f };
  if (o.average >= 0 && !o.place) return { role: 'unknown', s: o.average, e: f };
  return undefined;
}

/** What a hit between a comparison and the figure says its object is (a norm, an average, the plan, a period, a place). */
function noteObject(r: Reading, h: Hit, k: number, f: number, o: Objects): void {
  if (h.type === 'qual' && h.qual.cat === 'norm') o.norm = h.s;
  else if (h.type === 'qual' && h.qual.cat === 'average') o.average = h.s;
  // The object of a comparison: "vượt kế hoạch (92%)" quotes the plan even though "vượt kế hoạch" says the own figure was achieved.
  else if (h.type === 'qual' && h.qual.cat === 'target' && targetValidity(r, h) !== 'neutral') o.target = h.s;
  else if (h.type === 'period' || (h.type === 'qual' && h.qual.cat === 'prev' && !isComparator(r, k))) o.period = h.s;
  else if (h.type === 'place' && !o.place && visibleFrom(r, h.s, f)) o.place = { key: h.key, label: h.label };
}

/** The reference a comparison starting at `s` makes of the objects seen: a norm, the plan, a place, a period, or someone unnamed. */
function referenceOf(o: Objects, s: number, f: number): Reference {
  if (o.norm >= 0) return { role: 'norm', s, e: f };
  if (o.target >= 0) return { role: 'target', s, e: f };
  if (o.place) return { role: 'place', place: o.place, s, e: f };
  return { role: o.period >= 0 ? 'period' : 'unknown', s, e: f };
}
