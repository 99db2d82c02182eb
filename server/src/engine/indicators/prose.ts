// Prose: the figures of a paragraph or heading, sentence by sentence. For each
// figure: is it a value of an indicator (named before it, after a percentage,
// by its unit, or a count's phrase), and what it says: its kind and role
// (kind.ts), its period, place and sub-types (read after it, then before it in
// the sentence, then from the paragraph's opening period).
import type { Indicator } from './catalogue';
import type { Hedge } from './compare';
import { countIdOf, countIndicator, countUnitAt } from './counts';
import { comparedPlace, readReference, scanKind, WINDOW, type Reference } from './kind';
import type { Tok } from './lexer';
import { foldKeyOf as K, inW, wordSet } from './lexicon';
import { compatible, extractable, figureAt, inPairs, markClashes, pairSet, specKey, wordsOf, type Fig, type Mention, type MentionKind, type MissingUnit, type ReadCtx } from './mention';
import { figureLike, isN } from './numbers';
import { SAME_WORD, TERM_WORD, YEAR_WORD, type PeriodSpec } from './period';
import { FOLLOW_OK, hitAt, visibleFrom, type NameHit, type Reading, type UnitInfo } from './read';

/** "93,2% số hộ ...", "78% các xã ...": the words between a percentage and what it counts. */
const COUNTED_NOUN_LEAD = wordSet('số', 'các', 'những', 'tổng');
/** Words that end a figure's postfix (a new clause or a comparison starts). */
const CLAUSE_LINKS = wordSet('và', 'còn', 'nhưng', 'trong', 'so', 'tăng', 'giảm');
const AND_WORD = wordSet('và');
/** "98% KH", "102% so với ...": after a percentage, a ratio to the plan or an earlier year. */
const RATIO_TO_PLAN = wordSet('kh', 'so');
/** "là", "đạt", ":" between a sub-type and the figure it labels. */
const LINK_VERBS = wordSet('là', 'đạt', 'chiếm', 'có');
/** Prepositions skipped after a figure before its year or place ("vào năm 2023", "của tỉnh"). */
const POSTFIX_PREPOSITIONS = wordSet('vào', 'trong', 'của', 'tại', 'ở');
/** "1.236 ca mắc": the count's verb after its unit. */
const MAC = K('mắc');
/** "tại", "ở": a locative before a count's phrase. */
const LOCATIVE = wordSet('tại', 'ở');
/** Abbreviations ending with "." inside a sentence ("TS. BS.", "TP."). */
const ABBREV = new Set(['tp', 'ts', 'ths', 'pgs', 'gs', 'bs', 'ds', 'ck', 'st', 'v', 'tt', 'bsck', 'ks', 'cn', 'ts.bs', 'ông', 'bà'].map((w) => K(w)));
/** Another (uncatalogued) indicator or count starts: figures after it are not the last name's. */
const NEW_SUBJECT = pairSet(['tỷ lệ', 'tỷ suất', 'tỷ số', 'chỉ số', 'số lượng', 'tổng số', 'số lượt', 'số ca', 'số người']);
const LOWER_FIRST = /^\p{Ll}/u;
const ESTIMATE_LABEL = /^ước/i;
const NOW_LABEL = /^(đến nay|hiện nay|hiện)$/i;
/** Punctuation that ends a clause after a figure. */
const CLAUSE_ENDS = new Set([',', ';', '.', ')', ':', '!', '?']);
/** Words after which a name stops naming the figures of a list (a long way from it). */
const NAME_REACH = 14;

/** The period that opened the paragraph ("Năm 2023, ..."), for the sentences after it. */
export interface ParagraphState {
  period?: PeriodSpec;
}

/** The mentions of a prose segment (paragraph, heading, list item) into `out`. */
export function extractProse(ctx: ReadCtx, r: Reading, seg: number, out: Mention[], missing: MissingUnit[], para: ParagraphState): void {
  const toks = r.toks;
  for (const [a, b] of sentences(toks)) {
    // Only figures give mentions: a sentence without a number token gives none.
    let hasNumber = false;
    for (let i = a; i < b && !hasNumber; i++) if (toks[i].t === 'n') hasNumber = true;
    if (hasNumber) readSentence(ctx, { r, a, b, seg, figAt: new Map(), claimed: new Set(), usedPost: new Set(), para, leadEnd: -1, missing }, out);
    // A sentence opening with a period sets it for the sentences after it.
    const h0 = hitAt(r, a);
    if (h0?.type === 'period' && (h0.ptype === 'at' || h0.ptype === 'until')) para.period = h0.spec;
  }
}

/** The sentences of a token sequence as [start, end) (a "." of an abbreviation or glued to the next token does not end one). */
function sentences(toks: readonly Tok[]): [number, number][] {
  const out: [number, number][] = [];
  let a = 0;
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    let brk = false;
    if (t.t === 'p' && (t.k === '.' || t.k === '!' || t.k === '?' || t.k === '…')) {
      if (t.k !== '.') brk = true;
      else {
        const prev = toks[i - 1];
        const next = toks[i + 1];
        const abbrev = prev?.t === 'w' && prev.e === t.s && ABBREV.has(prev.k);
        const glued = !!next && next.s === t.e && next.t !== 'p';
        brk = !abbrev && !glued;
      }
    } else if (t.t === 'nl') {
      const prev = toks[i - 1];
      const next = toks[i + 1];
      // A soft-wrapped line continues the sentence; a new line starting a capital or a figure does not.
      const cont = !!prev && !!next && next.t === 'w' && LOWER_FIRST.test(next.raw) && (prev.t === 'w' || prev.t === 'n' || prev.k === ',');
      brk = !cont;
    }
    if (brk) {
      if (i + 1 > a) out.push([a, i + 1]);
      a = i + 1;
    }
  }
  if (a < toks.length) out.push([a, toks.length]);
  return out;
}

/** One sentence being read: where it is and what its figures have taken so far. */
interface Sentence {
  r: Reading;
  /** The sentence's tokens are r.toks[a, b). */
  a: number;
  b: number;
  seg: number;
  /** The mentions made so far, by their figure's first token. */
  figAt: Map<number, Mention>;
  /** Qualifier hits after a figure that it took as its own (a later figure does not inherit them). */
  claimed: Set<number>;
  /** Name hits taken as the name written after a percentage ("93,2% dân số tham gia ..."). */
  usedPost: Set<number>;
  para: ParagraphState;
  /** The end of the sentence's lead-in (leadInEnd), once read; -1 before. */
  leadEnd: number;
  /** Figures of a percentage indicator written without "%" (for indicator-unit-mismatch). */
  missing: MissingUnit[];
}

/** What names the figures of a sentence as it is read left to right. */
interface Names {
  /** The indicator's name before the figure (or the one the last figure was read as). */
  cur: NameHit | undefined;
  /** A count phrase ("Tổng số lượt khám bệnh") read apart from `cur`: for catalogued figures its words are words. */
  count: NameHit | undefined;
  /** Figures read as the count / as `cur` since it was named. */
  countLinked: number;
  linked: number;
  /** Words since the last name or figure. */
  words: number;
}

/** The mentions of one sentence with a number, left to right. */
function readSentence(ctx: ReadCtx, s: Sentence, out: Mention[]): void {
  const { r, a, b } = s;
  const toks = r.toks;
  const names: Names = { cur: undefined, count: undefined, countLinked: 0, linked: 0, words: 0 };
  const sent: Mention[] = [];
  for (let i = a; i < b; i++) {
    const t = toks[i];
    const hi = r.hitOf[i];
    if (hi >= 0) i = passHit(names, r, hi, s.usedPost) - 1;
    else if (t.k === ';' || t.t === 'nl') names.cur = names.count = undefined;
    else if (t.t === 'w') passWord(names, toks, i);
    else if (isN(t)) i = takeFigure(ctx, s, names, i, sent);
  }
  markAmbiguous(ctx, sent);
  markContrasted(r, a, b, sent);
  out.push(...sent);
}

/**
 * The places a sentence compares its figures with: another place's quoted figure ("cao hơn mức chung của
 * toàn tỉnh (81,2%)") or a place after a comparison word ("thấp hơn … so với toàn tỉnh"). A figure of the
 * sentence with no place of its own is not theirs (when the report's scope is that place, whose it is is unknown).
 */
function markContrasted(r: Reading, a: number, b: number, sent: Mention[]): void {
  let against: string[] | undefined;
  for (const m of sent) if (m.ref === 'place' && m.place) (against ??= []).push(m.place);
  // The sentence's own tokens only (a scan of all the segment's hits per sentence would be quadratic on one long line).
  for (let j = a; j < b; j++) {
    const hix = r.hitOf[j];
    if (hix < 0) continue;
    const h = r.hits[hix];
    if (h.s === j && h.type === 'place' && comparedPlace(r, h.s, a)) (against ??= []).push(h.key);
  }
  if (!against) return;
  for (const m of sent) if (!m.ref && !m.place) m.notPlaces = against;
}

/** A hit passed while reading: a name starts a list, a count phrase is noted, other hits count as words. The index after it. */
function passHit(names: Names, r: Reading, hi: number, usedPost: Set<number>): number {
  const h = r.hits[hi];
  const toks = r.toks;
  if (h.type === 'name' && h.name.count) {
    names.count = h.name;
    names.countLinked = 0;
    for (let x = h.s; x < h.e; x++) {
      if (++names.words > NAME_REACH) names.cur = undefined;
      if (inPairs(NEW_SUBJECT, toks[x].k, toks[x + 1]?.k ?? '')) names.cur = undefined;
    }
  } else if (h.type === 'name') {
    names.cur = usedPost.has(hi) ? undefined : h.name;
    names.count = undefined;
    names.words = 0;
    names.linked = 0;
  } else names.words += h.e - h.s;
  return h.e;
}

/** A word passed while reading: far from the name, or another subject starting, ends the list. */
function passWord(names: Names, toks: readonly Tok[], i: number): void {
  if (++names.words > NAME_REACH) names.cur = names.count = undefined;
  // "tỷ lệ sử dụng các biện pháp tránh thai ...": another (uncatalogued) indicator starts; figures after it are not ours.
  if (inPairs(NEW_SUBJECT, toks[i].k, toks[i + 1]?.k ?? '')) names.cur = undefined;
}

/** The number at token i: its mention, if any, and what it names for the figures listed after it. The last token it used. */
function takeFigure(ctx: ReadCtx, s: Sentence, names: Names, i: number, sent: Mention[]): number {
  const r = s.r;
  const fig = figureLike(r.toks[i]) ? figureAt(r, i) : undefined;
  if (!fig) {
    names.cur = names.count = undefined;
    return i;
  }
  const count = names.count;
  const counted = count ? countFigure(r, fig, count, names.countLinked === 0, s.b) : undefined;
  const m = decide(ctx, s, fig, counted ? { cur: count, firstAfterName: names.countLinked === 0, counted } : { cur: names.cur, firstAfterName: names.linked === 0 });
  const used = Math.max(i, fig.unit.end - 1, fig.last);
  if (!m) {
    // "giảm 6 lần trong 30 năm qua, từ mức 233/100.000 ...": a multiple or a duration does not end the list.
    if (fig.unit.kind !== 'times' && fig.unit.kind !== 'pp' && fig.unit.kind !== 'duration') names.cur = names.count = undefined;
    return used;
  }
  sent.push(m);
  s.figAt.set(fig.first, m);
  names.words = 0;
  if (counted && count) {
    // The figures listed after it count the same unit ("... 15.216 lượt, vượt kế hoạch (14.500 lượt)").
    if (!count.synthetic) names.count = { ...count, synthetic: true, count: { ...count.count!, unit: counted.unit } };
    names.countLinked++;
  } else {
    names.count = undefined;
    // A figure known by its unit names its indicator for the figures listed after it ("13 bác sĩ/vạn dân, thực hiện đạt 12,5").
    const cur = names.cur;
    if (!cur || !cur.entries.some((e) => e.ind === m.ind)) names.cur = { s: fig.first, e: fig.first, entries: [{ ind: m.ind, needsPer: false }], per: m.per, synthetic: true };
    names.linked++;
  }
  return used;
}

/** What names a figure: the name before it in the sentence, and a count outside the catalogue it was read as. */
interface Naming {
  cur: NameHit | undefined;
  /** No figure was read between the name and this figure. */
  firstAfterName: boolean;
  /** A count named by `cur`, the phrase before it ("Tổng số lượt khám bệnh ... là 162.340 lượt"). */
  counted?: { id: string; unit: string; end?: number };
}

/** The mention a figure of a prose sentence gives, or undefined: its indicator, kind, role, period, place and sub-types. */
function decide(ctx: ReadCtx, s: Sentence, fig: Fig, naming: Naming): Mention | undefined {
  if (!isLevel(s.r, fig, naming)) return undefined;
  const named = whichIndicator(ctx, s, fig, naming);
  if (!named) return undefined;
  const marker = markerBefore(s.r, fig, s.a);
  const role = roleOf(ctx, s, fig, named.name, marker);
  const q = qualifiersOf(s, fig, role, marker.immediate === 'from');
  // "Tại các trạm y tế xã, tổng số lượt khám bệnh là ...": that facility's count, not the document's.
  if (naming.counted && naming.cur) {
    const at = locativeLead(s.r, s.a, naming.cur.s);
    if (at) q.subs.set('unit', 'unit:' + at);
  }
  // "trẻ em dưới 1 tuổi" is part of what the indicator is (tiêm chủng đầy đủ, IMR): not a sub-type.
  if (named.ind.age && q.subs.get('age') === 'age:' + named.ind.age) q.subs.delete('age');
  return mentionOf(ctx, s, fig, naming, named, marker.hedge, role, q);
}

/** Can the figure be the level of an indicator at all (not a multiple, a duration, a count without its phrase, a ratio to the plan)? */
function isLevel(r: Reading, fig: Fig, naming: Naming): boolean {
  const u = fig.unit;
  const { cur, firstAfterName, counted } = naming;
  if (!counted && (u.kind === 'times' || u.kind === 'pp' || u.kind === 'count' || u.kind === 'duration')) return false;
  if (u.kind === 'noun' && !(firstAfterName && cur && !cur.synthetic)) return false;
  // "đạt 98% kế hoạch", "102% so với chỉ tiêu": a ratio to the plan, not a level of the indicator.
  if (u.kind === 'pct') {
    const nh = hitAt(r, u.end);
    if ((nh?.type === 'qual' && (nh.qual.cat === 'target' || nh.qual.cat === 'prev')) || inW(r.toks[u.end], RATIO_TO_PLAN)) return false;
  }
  return true;
}

/** The indicator a figure is a value of, and the name that said so. */
interface Named {
  ind: Indicator;
  name: NameHit | undefined;
}

/** Which indicator: the count's phrase, the unit's denominator, or the name before the figure (or right after a percentage). */
function whichIndicator(ctx: ReadCtx, s: Sentence, fig: Fig, naming: Naming): Named | undefined {
  const { cur, counted } = naming;
  if (counted) return { ind: countIndicator(counted.id, cur!.count!.label), name: cur };
  const post = nameAfterPercent(s.r, fig.unit, s.b);
  const found = fig.unit.kind === 'per' ? byDenominator(ctx, fig.unit, cur, post?.name) : byName(ctx, s, fig, naming, post?.name);
  if (!found) return undefined;
  if (post && found.name === post.name) s.usedPost.add(post.idx);
  return { ind: ctx.cat.byId.get(found.id)!, name: found.name };
}

/** A name right after a percentage: "93,2% dân số tham gia bảo hiểm y tế", "78% số xã ... đạt bộ tiêu chí ...". */
function nameAfterPercent(r: Reading, u: UnitInfo, b: number): { name: NameHit; idx: number } | undefined {
  if (u.kind !== 'pct') return undefined;
  for (const k of [u.end, u.end + 1]) {
    if (k > u.end && !inW(r.toks[u.end], COUNTED_NOUN_LEAD)) break;
    const h = hitAt(r, k);
    if (h?.type === 'name' && h.s === k && k < b) return { name: h.name, idx: r.hitOf[k] };
  }
  return undefined;
}

/** A figure per a base ("12,5 bác sĩ/vạn dân"): the one indicator its numerator, or else a name, gives with that denominator. */
function byDenominator(ctx: ReadCtx, u: UnitInfo, cur: NameHit | undefined, post: NameHit | undefined): { id: string; name?: NameHit } | undefined {
  const { cat } = ctx;
  const byDen = (id: string) => cat.byId.get(id)?.denominator === u.den;
  const cands = [...new Set((u.numInds ?? cat.list.filter((x) => extractable(x) && x.denominator === u.den).map((x) => x.id)).filter(byDen))];
  if (u.numInds && cands.length === 1) return { id: cands[0] };
  for (const nm of [cur, post]) {
    if (!nm) continue;
    const m = [...new Set(nm.entries.map((e) => e.ind))].filter((id) => cands.includes(id));
    if (m.length === 1) return { id: m[0], name: nm };
  }
  return undefined;
}

/** The one indicator of the name (after a percentage, else before the figure) that the figure's unit fits; a bare figure of a percentage indicator is noted as missing its unit. */
function byName(ctx: ReadCtx, s: Sentence, fig: Fig, naming: Naming, post: NameHit | undefined): { id: string; name: NameHit } | undefined {
  const { cat } = ctx;
  const { cur, firstAfterName } = naming;
  const u = fig.unit;
  const toks = s.r.toks;
  const name = post ?? cur;
  if (!name) return undefined;
  // "92%, 97% số hộ ...": a percentage of something named after it belongs to the old name only right after it.
  const nx = toks[u.end];
  if (!post && u.kind === 'pct' && nx?.t === 'w' && !FOLLOW_OK.has(nx.k) && LOWER_FIRST.test(nx.raw) && !(firstAfterName && !cur?.synthetic)) return undefined;
  const ids = [...new Set(name.entries.map((e) => e.ind))].filter((id) => extractable(cat.byId.get(id)!));
  const ok = ids.filter((id) => compatible(cat.byId.get(id)!, u, name, fig, name === cur && firstAfterName));
  if (ok.length === 1) return { id: ok[0], name };
  if (name === cur && u.kind === 'bare' && ids.length === 1 && cat.byId.get(ids[0])?.kind === 'percent' && fig.hi === undefined && fig.value <= 100 && endsClause(toks, fig.last + 1)) {
    s.missing.push({ ind: ids[0], start: fig.start, end: fig.end, numText: ctx.prose.slice(fig.numStart, fig.numEnd) });
  }
  return undefined;
}

/** Right before the figure: its hedges ("khoảng", "trên", "~"), and before them a marker of a change, a level, a start ("từ") or an estimate. */
interface Marker {
  /** The token before the hedges. */
  k: number;
  hedge?: Hedge;
  immediate?: 'change' | 'level' | 'from';
}

function markerBefore(r: Reading, fig: Fig, a: number): Marker {
  let k = fig.first - 1;
  let hedge: Hedge | undefined;
  while (k >= a) {
    const h = hitAt(r, k);
    if (h?.type !== 'qual' || h.qual.cat !== 'hedge') break;
    hedge ??= h.qual.val as Hedge;
    k = h.s - 1;
  }
  if (fig.hi !== undefined) hedge = undefined;
  let immediate: Marker['immediate'];
  const hk = hitAt(r, k);
  if (hk?.type === 'qual') {
    if (hk.qual.cat === 'change') immediate = 'change';
    else if (hk.qual.cat === 'level') immediate = 'level';
    else if (hk.qual.cat === 'from') immediate = 'from';
    else if (hk.qual.cat === 'achieved' && ESTIMATE_LABEL.test(hk.qual.label ?? '')) hedge ??= 'estimate';
  }
  return { k, hedge, immediate };
}

/** A figure's kind, whether the text stated it, the words that decided, and whether it is quoted for comparison. */
interface Role {
  kind: MentionKind;
  kindExplicit: boolean;
  cue?: string;
  ref?: Reference;
  sameTerm: boolean;
}

/** The kind: a change ("tăng 2,1%"), an earlier level ("so với năm 2022 (10,5)", "từ 12%"), else the markers before it; then its role in a comparison. */
function roleOf(ctx: ReadCtx, s: Sentence, fig: Fig, name: NameHit | undefined, marker: Marker): Role {
  const { r, a, figAt } = s;
  const prev = comparedEarlier(r, marker.k, a);
  const isFrom = marker.immediate === 'from';
  const role: Role = { kind: 'achieved', kindExplicit: true, sameTerm: prev && sameTermBefore(r.toks, a, fig.first) };
  if (marker.immediate === 'change' || (name?.verb === 'change' && marker.immediate !== 'level' && !isFrom)) role.kind = 'change';
  else if (isFrom || prev) role.kind = 'previous';
  else {
    const sk = scanKind(r, marker.k, a, figAt);
    role.kind = sk.kind;
    role.kindExplicit = sk.explicit;
    if (sk.at >= 0) role.cue = wordsOf(ctx.prose, r, sk.at, hitAt(r, sk.at)?.e ?? sk.at + 1);
  }
  // A figure quoted for comparison ("cao hơn mức chung của toàn tỉnh (81,2%)", "vượt kế hoạch (92%)").
  const ref = role.kind === 'change' ? undefined : readReference(r, fig.first, a, figAt);
  if (!ref) return role;
  role.ref = ref;
  role.cue = wordsOf(ctx.prose, r, ref.s, ref.e);
  if (ref.role === 'target') {
    role.kind = 'target';
    role.kindExplicit = true;
  } else if (ref.role === 'place' && role.kind !== 'previous') {
    role.kind = 'achieved';
    role.kindExplicit = true;
  }
  return role;
}

/** "so với năm 2022 (10,5)", "cùng kỳ năm trước: 10,5": a comparison with an earlier time right before the figure (from token k back). */
function comparedEarlier(r: Reading, k: number, a: number): boolean {
  for (let k2 = k, steps = 0; k2 >= a && steps < 8; steps++) {
    const h = hitAt(r, k2);
    if (!h) {
      const tk = r.toks[k2];
      if (tk.k !== '(' && tk.k !== ':') return false;
      k2--;
      continue;
    }
    if (h.type === 'period') {
      if (h.ptype === 'cmp') return true;
      k2 = h.s - 1;
      continue;
    }
    if (h.type === 'qual' && h.qual.cat === 'prev') return true;
    if (h.type === 'qual' && h.qual.cat === 'weak') {
      k2 = h.s - 1;
      continue;
    }
    return false;
  }
  return false;
}

/** "cao hơn cùng kỳ năm 2008 (58,2%)": "cùng kỳ" shortly before the figure: the same part of that year, not the whole year. */
function sameTermBefore(toks: readonly Tok[], a: number, f: number): boolean {
  for (let j = Math.max(a, f - 12); j + 1 < f; j++) if (inW(toks[j], SAME_WORD) && inW(toks[j + 1], TERM_WORD)) return true;
  return false;
}

/** A figure's period, place and sub-types as read in its sentence. */
interface Qualifiers {
  period?: PeriodSpec;
  periodFrom?: Mention['periodFrom'];
  periodBlocked: boolean;
  place?: { key: string; label: string };
  /** Sub-types by category ("age", "sex", "dose", "subset", "unit"). */
  subs: Map<string, string>;
}

/** Period, place and sub-types: after the figure first (its own), then the nearest before it, then the paragraph's period. */
function qualifiersOf(s: Sentence, fig: Fig, role: Role, isFrom: boolean): Qualifiers {
  const q: Qualifiers = { periodBlocked: false, place: role.ref?.role === 'place' ? role.ref.place : undefined, subs: new Map() };
  const postClaims = readPostfix(s.r, fig.unit.end, s.b, q);
  const nowStop = readPrefix(s, fig, role, isFrom, q);
  if (nowStop) q.periodBlocked = false;
  if (!q.period && !q.periodBlocked && !nowStop) {
    if (role.kind === 'previous') q.periodBlocked = true;
    else if (s.para.period) {
      q.period = s.para.period;
      q.periodFrom = 'paragraph';
    }
  }
  for (const c of postClaims) s.claimed.add(c);
  return q;
}

/** The postfix: what follows the unit up to the next figure, name or clause end (its year, place, sub-types). The hits it claimed. */
function readPostfix(r: Reading, from: number, b: number, q: Qualifiers): number[] {
  const postEnd = postfixEnd(r, from, b);
  const claims: number[] = [];
  for (let j = from; j < postEnd; j++) {
    const h = hitAt(r, j);
    if (!h) continue;
    const hix = r.hitOf[j];
    if (h.type === 'period' && !q.period && (h.ptype === 'at' || h.ptype === 'until') && j === firstHitAfter(r, from, postEnd)) {
      q.period = h.spec;
      q.periodFrom = 'sentence';
      claims.push(hix);
    } else if (h.type === 'place' && !q.place) {
      q.place = { key: h.key, label: h.label };
      claims.push(hix);
    } else if (h.type === 'sub') {
      // "66,9 tuổi (nam 64,2 tuổi, nữ 69,8 tuổi)": a sub-type right before the next figure is that figure's.
      if (labelsNextFigure(r, h.e)) break;
      const c = subCat(h.sub);
      if (!q.subs.has(c)) q.subs.set(c, h.sub);
      claims.push(hix);
    } else if (h.type === 'qual' && h.qual.cat === 'othertime' && !q.period) {
      // "40/100.000 trẻ đẻ sống những năm gần đây": another, unnamed time.
      q.periodBlocked = true;
    }
    j = h.e - 1;
  }
  return claims;
}

/** The end of the sentence's lead-in: its first ";" or ":" (places and sub-types do not carry across ";" from one list item to the next). */
function leadInEnd(r: Reading, a: number, b: number): number {
  for (let j = a; j < Math.min(b, a + WINDOW); j++) if (r.toks[j].k === ';' || (r.toks[j].k === ':' && r.hitOf[j] < 0)) return j;
  return b;
}

/** The prefix: the nearest visible qualifiers before the figure in the sentence. True when "đến nay" stopped the period ("..., đến nay đạt 32"). */
function readPrefix(s: Sentence, fig: Fig, role: Role, isFrom: boolean, q: Qualifiers): boolean {
  const { r, a, claimed } = s;
  const toks = r.toks;
  if (s.leadEnd < 0) s.leadEnd = leadInEnd(r, a, s.b);
  const leadEnd = s.leadEnd;
  let subsetAt = -1;
  let seenSubOrPlaceAfterSubset = false;
  let crossed = false;
  let nowStop = false;
  for (let j = fig.first - 1; j >= Math.max(a, fig.first - WINDOW); j--) {
    if (toks[j].k === ';') crossed = true;
    const hix = r.hitOf[j];
    if (hix < 0) continue;
    const h = r.hits[hix];
    j = h.s;
    if (claimed.has(hix) || !visibleFrom(r, h.s, fig.first)) continue;
    if (crossed && h.type !== 'period' && (h.type !== 'place' || h.e > leadEnd)) continue;
    if (h.type === 'qual' && h.qual.cat === 'othertime' && !q.period && !nowStop) {
      // "Trước đây, tỷ lệ ... chỉ đạt 60%": not the report's year, and no other year named.
      q.periodBlocked = true;
    } else if (h.type === 'qual' && h.qual.cat === 'achieved' && NOW_LABEL.test(h.qual.label ?? '') && !q.period) {
      // "..., đến nay đạt 32": now, not the period named earlier in the sentence.
      q.periodBlocked = true;
      nowStop = true;
    } else if (h.type === 'period' && !q.period && !q.periodBlocked) {
      periodBefore(q, h.spec, h.ptype, isFrom, role.kind);
    } else if (h.type === 'place' && !q.place) {
      // "So với toàn tỉnh, tỷ lệ ... của huyện đạt 86,4%": the place compared with is not this figure's.
      if (!role.ref && comparedPlace(r, h.s, a)) continue;
      q.place = { key: h.key, label: h.label };
      if (subsetAt < 0) seenSubOrPlaceAfterSubset = true;
    } else if (h.type === 'sub') {
      const c = subCat(h.sub);
      if (!q.subs.has(c)) q.subs.set(c, h.sub);
      if (subsetAt < 0) seenSubOrPlaceAfterSubset = true;
    } else if (h.type === 'qual' && h.qual.cat === 'subset' && subsetAt < 0) {
      // "một số khoa của bệnh viện tuyến tỉnh (... trên 120%)": some of them, whatever place follows.
      if (h.qual.val === 'some') q.subs.set('subset', 'subset:một số');
      else subsetAt = h.s;
    }
  }
  if (subsetAt >= 0 && !seenSubOrPlaceAfterSubset) {
    const words = toks.slice(subsetAt, Math.min(subsetAt + 5, fig.first)).filter((x) => x.t === 'w');
    q.subs.set('subset', 'subset:' + words.map((x) => (x as { raw: string }).raw.toLowerCase()).join(' '));
  }
  return nowStop;
}

/** A period phrase before the figure: its own period ("năm 2023"), its start when it is an earlier level ("từ năm 2020 ... từ 12%"), or the year an earlier level is compared with. */
function periodBefore(q: Qualifiers, spec: PeriodSpec, ptype: string, isFrom: boolean, kind: MentionKind): void {
  if (ptype === 'at' || ptype === 'until') {
    if (isFrom) q.periodBlocked = true;
    else {
      q.period = spec;
      q.periodFrom = 'sentence';
    }
  } else if (ptype === 'from') {
    if (isFrom) {
      q.period = spec;
      q.periodFrom = 'sentence';
    } else q.periodBlocked = true;
  } else if (ptype === 'cmp' && kind === 'previous') {
    q.period = spec;
    q.periodFrom = 'sentence';
  }
}

/** The mention of a figure once everything about it is read. */
function mentionOf(ctx: ReadCtx, s: Sentence, fig: Fig, naming: Naming, named: Named, hedge: Hedge | undefined, role: Role, q: Qualifiers): Mention {
  const { counted, cur } = naming;
  const u = fig.unit;
  const toks = s.r.toks;
  const writtenPer = u.kind === 'pct' || u.kind === 'per' ? u.per : named.name?.per;
  return {
    ind: named.ind.id,
    segment: s.seg,
    start: fig.start,
    end: fig.end,
    numStart: fig.numStart,
    numEnd: fig.numEnd,
    raw: ctx.prose.slice(fig.start, fig.end),
    numText: ctx.prose.slice(fig.numStart, fig.numEnd),
    unitText: counted?.end !== undefined ? ctx.prose.slice(fig.end, toks[counted.end - 1].e).trim() : u.end > fig.last + 1 ? ctx.prose.slice(fig.end, toks[u.end - 1].e).trim() : '',
    value: fig.value,
    hi: fig.hi,
    decimals: fig.decimals,
    per: writtenPer,
    hedge,
    kind: role.kind,
    kindExplicit: role.kindExplicit,
    period: q.period,
    periodFrom: q.periodFrom,
    periodBlocked: q.periodBlocked || undefined,
    place: q.place?.key,
    placeLabel: q.place?.label,
    sub: [...q.subs.values()].sort(),
    unitExplicit: u.kind !== 'bare' || writtenPer !== undefined,
    ref: role.ref?.role,
    cue: role.cue,
    sameTerm: role.sameTerm || undefined,
    countLabel: counted ? cur!.count!.label : undefined,
  };
}

/**
 * A figure of the count named by `name`: a count unit right after it that fits
 * the phrase ("162.340 lượt"), nothing else of substance after the unit ("3 ca
 * tử vong" is another count), or a bare figure right after a phrase that has
 * its unit ("Số lượt khám bệnh: 162.340."). Its identity, or undefined.
 */
function countFigure(r: Reading, fig: Fig, name: NameHit, firstAfterName: boolean, b: number): { id: string; unit: string; end?: number } | undefined {
  const toks = r.toks;
  const t = toks[fig.first];
  if (!isN(t) || t.num.kind !== 'number' || t.num.scale || t.num.percent || fig.hi !== undefined) return undefined;
  const phrase = name.count!;
  const cu = countUnitAt(toks, fig.last + 1);
  let next: number;
  if (cu) {
    next = cu.end;
    // "1.236 ca mắc", "12.480 ca phẫu thuật": the phrase's own words may be said again.
    let k = 0;
    while (next < b && k < phrase.words.length && toks[next].k === phrase.words[k]) {
      next++;
      k++;
    }
    if (k === 0 && toks[next]?.k === MAC) next++;
    // "270 lượt/ngày", "3 lượt/người/năm": a rate, not the count.
    if (toks[next]?.k === '/') return undefined;
  } else {
    if (!firstAfterName || name.synthetic || phrase.unit === undefined) return undefined;
    next = fig.last + 1;
  }
  const nx = toks[next];
  if (next < b && nx && !(nx.t === 'p' || nx.t === 'nl' || r.hitOf[next] >= 0 || (nx.t === 'w' && FOLLOW_OK.has(nx.k)))) return undefined;
  const id = countIdOf(phrase, cu?.unit);
  return id && cu ? { ...id, end: cu.end } : id;
}

/**
 * The words after "tại"/"ở" before a count's phrase in its sentence ("Tại các
 * trạm y tế xã, tổng số lượt khám ..."), lower case, or undefined. A named place
 * there is read as a place (a hit), not as these words.
 */
function locativeLead(r: Reading, a: number, nameStart: number): string | undefined {
  const toks = r.toks;
  for (let j = Math.max(a, nameStart - 12); j < nameStart; j++) {
    if (!inW(toks[j], LOCATIVE) || r.hitOf[j] >= 0) continue;
    const words: string[] = [];
    for (let k = j + 1; k < nameStart && words.length < 5; k++) {
      const t = toks[k];
      if (t.t !== 'w' || r.hitOf[k] >= 0) break;
      words.push(t.raw.toLowerCase().normalize('NFC'));
    }
    if (words.length) return words.join(' ');
  }
  return undefined;
}

/** Does a figure follow at `j` (after "là", "đạt", ":")? */
function labelsNextFigure(r: Reading, j: number): boolean {
  let k = j;
  if (r.toks[k]?.k === ':' || inW(r.toks[k], LINK_VERBS)) k++;
  const h = hitAt(r, k);
  if (h?.type === 'qual' && h.qual.cat === 'hedge') k = h.e;
  return isN(r.toks[k]) && figureLike(r.toks[k]);
}

/** The category of a sub-type key ("age" of "age:dưới 5"). */
function subCat(sub: string): string {
  return sub.slice(0, sub.indexOf(':'));
}

/** The first hit after a figure, if only prepositions or a "(" stand before it ("(2011)" right after the figure is its year); else -1. */
function firstHitAfter(r: Reading, from: number, to: number): number {
  let paren = -1;
  for (let j = from; j < to; j++) {
    if (r.hitOf[j] >= 0) {
      // "(2011)" right after the figure is its year; "(năm 2022 là 22,3%)" is an aside about another figure.
      if (paren >= 0) {
        const h = r.hits[r.hitOf[j]];
        if (r.toks[h.e]?.k !== ')') return -1;
      }
      return j;
    }
    const t = r.toks[j];
    if (t.t === 'w' && inW(t, POSTFIX_PREPOSITIONS)) continue;
    if (t.k === '(' && paren < 0) {
      paren = j;
      continue;
    }
    return -1;
  }
  return -1;
}

/** End of a figure's postfix: the next figure, name, clause punctuation or conjunction. */
function postfixEnd(r: Reading, from: number, b: number): number {
  for (let j = from; j < b; j++) {
    const t = r.toks[j];
    const h = hitAt(r, j);
    if (h?.type === 'name') return j;
    if (t.k === ',' || t.k === ';' || t.k === ':' || t.t === 'nl') return j;
    if (isN(t) && !h) return j;
    if (t.t === 'w' && !h && inW(t, CLAUSE_LINKS) && !inW(r.toks[j + 1], YEAR_WORD)) return j;
    if (h) j = h.e - 1;
  }
  return b;
}

/** Does the clause end at token j (punctuation, a line break, "và")? */
function endsClause(toks: readonly Tok[], j: number): boolean {
  const t = toks[j];
  if (!t || t.t === 'nl') return true;
  if (t.t === 'p') return CLAUSE_ENDS.has(t.k);
  return t.t === 'w' && inW(t, AND_WORD);
}

/** Several different values with the same qualifiers in one sentence: an enumeration we cannot tell apart. */
function markAmbiguous(ctx: ReadCtx, ms: Mention[]): void {
  if (ms.length < 2) return;
  const groups = new Map<string, Mention[]>();
  for (const m of ms) {
    if (m.kind === 'change' || m.ref === 'norm' || m.ref === 'unknown') continue;
    const period = m.periodBlocked ? 'blocked' : m.period ? specKey(m.period) : '';
    const k = [m.ind, m.kind, period, m.place ?? '', m.sub.join('+')].join('|');
    const g = groups.get(k);
    if (g) g.push(m);
    else groups.set(k, [m]);
  }
  markClashes(ctx.cat, groups.values());
}
