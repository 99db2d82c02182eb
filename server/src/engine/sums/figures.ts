// Reading a figure in the sums tokens: its unit noun, the hedge before it,
// and the words that are never part of a label or a unit. Shared by the
// breakdown, change and table readers.
import type { Tok } from './lex';
import categories from './categories.json';

/** Words that are never a unit noun (verbs, links, qualifiers). */
const FUNCTION = new Set(
  ('và là có của so với trong đó gồm bao chiếm tăng giảm đạt tại ở năm tháng quý ngày từ đến tới lên xuống còn thì được đã ' +
    'cho bằng hơn trên dưới khoảng gần theo tương ứng tức nâng tổng số chia ra cụ thể riêng mỗi như hay hoặc nhưng vượt kế hoạch ' +
    'chỉ tiêu cùng kỳ trước sau mới thêm lần điểm khi mà với vào các những ước đạt xấp xỉ chưa khác lại nay toàn cả').split(' '),
);
/** Second syllables that continue a unit noun ("giường bệnh", "lượt người", "cán bộ"). */
const UNIT_CONT = new Set('bệnh người bộ sĩ sỹ nhân em viên dưỡng sinh tế gia đình khám dân tiêm lực phẩm liều mũi sở mắc'.split(' '));

export const HEDGES = new Set(['hơn', 'gần', 'khoảng', 'trên', 'ước', 'xấp', 'xỉ', 'dưới', 'chừng', 'tầm', 'hàng', 'gần như', 'tối thiểu', 'tối đa', 'ít nhất', 'chưa đến', 'chưa tới', 'trên dưới', 'non', 'ngót']);

export const isW = (t: Tok | undefined, ...ks: string[]): boolean => !!t && t.t === 'w' && ks.includes(t.k);
export const isP = (t: Tok | undefined, ...ks: string[]): boolean => !!t && t.t === 'p' && ks.includes(t.k);
export const isQty = (t: Tok | undefined): t is Tok => !!t && t.t === 'n';

/** A word that may name a unit or a category (lower-case, not a function word). */
export function isContentWord(t: Tok | undefined): boolean {
  return !!t && t.t === 'w' && !FUNCTION.has(t.k) && t.raw[0] === t.k[0];
}

/** The hedge written before token i ("hơn", "gần", "khoảng", "ước đạt"...), if any. */
export function hedgeBefore(toks: Tok[], i: number, lo = 0): string | undefined {
  const a = toks[i - 1];
  const b = toks[i - 2];
  if (!a || i - 1 < lo || a.t !== 'w') return undefined;
  if (b && i - 2 >= lo && b.t === 'w' && HEDGES.has(`${b.k} ${a.k}`)) return `${b.k} ${a.k}`;
  if (HEDGES.has(a.k)) return a.k;
  // "ước đạt 1.250", "ước tính 1.250", "ước có": an estimate.
  if (b && i - 2 >= lo && b.k === 'ước') return 'ước';
  if (a.k === 'xỉ') return 'xấp xỉ';
  return undefined;
}

export interface Unit {
  /** The unit's first word ("giường" for "giường bệnh"), '%', 'pp' (điểm phần trăm), or undefined. */
  key?: string;
  /** Token index after the unit's words. */
  next: number;
}

/** The unit written after the quantity at i. */
export function unitAfter(toks: Tok[], i: number, hi: number): Unit {
  const t = toks[i];
  if (t.pct) return { key: '%', next: i + 1 };
  if (t.num?.percent === '‰') return { key: '‰', next: i + 1 };
  let j = i + 1;
  // "2,5 điểm phần trăm", "2,5 điểm %".
  if (isW(toks[j], 'điểm') && j + 1 < hi) {
    if (isW(toks[j + 1], 'phần') && isW(toks[j + 2], 'trăm')) return { key: 'pp', next: j + 3 };
    if (isP(toks[j + 1], '%')) return { key: 'pp', next: j + 2 };
  }
  if (isW(toks[j], 'phần') && isW(toks[j + 1], 'trăm')) return { key: '%', next: j + 2 };
  if (j < hi && isW(toks[j], 'lần')) return { key: 'lần', next: j + 1 };
  // "6,8 ngày", "35 phút", "3,62 điểm": a time or score unit, unless a number follows ("ngày 15").
  if (j < hi && toks[j].t === 'w' && TIME_UNITS.has(toks[j].k) && !(j + 1 < hi && (toks[j + 1].t === 'n' || toks[j + 1].t === 'x'))) return { key: toks[j].k, next: j + 1 };
  if (j < hi && isContentWord(toks[j])) {
    const key = toks[j].k;
    j++;
    while (j < hi && j < i + 4 && toks[j].t === 'w' && UNIT_CONT.has(toks[j].k)) j++;
    return { key, next: j };
  }
  return { key: undefined, next: j };
}

const TIME_UNITS = new Set(['ngày', 'tháng', 'năm', 'tuần', 'giờ', 'phút', 'quý', 'điểm']);
/** A unit of time or score: a figure in it is a duration or a period, not a count that parts add to. */
export const isTimeUnit = (k: string | undefined): boolean => k !== undefined && TIME_UNITS.has(k) && k !== 'điểm';
const RATE_UNITS = new Set(['%', '‰', 'pp', 'lần']);

/** Do two units agree? None agrees with anything countable; % only with %. */
export function unitsAgree(a: string | undefined, b: string | undefined): boolean {
  if (a === undefined || b === undefined) return !RATE_UNITS.has(a ?? '') && !RATE_UNITS.has(b ?? '');
  return a === b;
}

// Category sets: a label naming every member of one set is an exhaustive split.
interface CatSet {
  id: string;
  members: string[][];
}
const SETS: CatSet[] = (categories as { sets: CatSet[] }).sets;
const MEMBER = new Map<string, { set: string; member: number }>();
for (const s of SETS) s.members.forEach((spellings, m) => spellings.forEach((sp) => MEMBER.set(sp, { set: s.id, member: m })));
const MAX_MEMBER_WORDS = Math.max(...[...MEMBER.keys()].map((k) => k.split(' ').length));

/** The category a label names ("nam", "khu vực thành thị"), matched on the label's last words or the whole label. */
export function categoryOf(label: string[]): { set: string; member: number } | undefined {
  for (let n = Math.min(MAX_MEMBER_WORDS, label.length); n >= 1; n--) {
    const whole = MEMBER.get(label.slice(0, n).join(' '));
    if (whole && n === label.length) return whole;
  }
  // "số người nam", "dân số nữ": the category at the end.
  for (let n = Math.min(MAX_MEMBER_WORDS, label.length); n >= 1; n--) {
    const tail = MEMBER.get(label.slice(label.length - n).join(' '));
    if (tail) return tail;
  }
  return undefined;
}

/** The category a whole label names, spelled exactly as a member ("nữ", "nam giới", "nông thôn"). */
export function categoryExact(label: string): { set: string; member: number } | undefined {
  return MEMBER.get(label);
}

/** Do the labels name every member of one category set (each once)? */
export function namesWholeSet(labels: string[][], national = false): boolean {
  if (labels.length < 2) return false;
  const cats = labels.map(categoryOf);
  if (cats.some((c) => !c)) return false;
  const set = cats[0]!.set;
  if (cats.some((c) => c!.set !== set)) return false;
  // A national total also holds the central level.
  if (set === 'levels' && national) return false;
  const seen = new Set(cats.map((c) => c!.member));
  const size = SETS.find((s) => s.id === set)!.members.length;
  return seen.size === size && labels.length === size;
}

/** Format like a written figure: same decimals, thousands dots when the writer used them or the value is large. */
export function formatLike(v: number, dec: number, grouped: boolean): string {
  const neg = v < 0;
  const fixed = Math.abs(v).toFixed(Math.max(0, Math.min(dec, 6)));
  const [int, frac] = fixed.split('.');
  const g = grouped || int.length > 4 ? int.replace(/\B(?=(\d{3})+(?!\d))/g, '.') : int;
  return (neg ? '−' : '') + g + (frac ? ',' + frac : '');
}

/** Decimals to show a computed result with (the most written among the inputs). */
export const decimalsOf = (toks: Tok[]): number => Math.max(0, ...toks.map((t) => t.dec));

/** A computed value written like the figure `like` (its scale word, its decimals, thousands dots). */
export function showLike(v: number, like: Tok, dec = like.dec): string {
  const sc = like.num?.scale;
  const grouped = /\d\.\d{3}/.test(like.k);
  if (sc) return `${formatLike(v / sc.factor, dec, grouped)} ${sc.word}`;
  return formatLike(v, dec, grouped);
}

// Kinds: a whole noun and the member nouns of its parts ("5 cán bộ, gồm 1 bác sĩ, 1 y sĩ...").
interface Kind {
  id: string;
  whole: string[];
  parts: string[];
}
const KINDS: Kind[] = (categories as { kinds: Kind[] }).kinds;

/** The longest phrase of `list` that the words from j spell, or undefined. */
function phraseAt(toks: Tok[], j: number, hi: number, list: string[]): string[] | undefined {
  let best: string[] | undefined;
  for (const p of list) {
    const ws = p.replace(/,/g, '').split(' ');
    if (j + ws.length > hi) continue;
    if (ws.every((w, n) => toks[j + n]?.t === 'w' && toks[j + n].k === w) && (!best || ws.length > best.length)) best = ws;
  }
  return best;
}

/** The kind whose whole noun the words from j spell (the total's unit). */
export function wholeKindAt(toks: Tok[], j: number, hi: number): string | undefined {
  return KINDS.find((k) => phraseAt(toks, j, hi, k.whole))?.id;
}

/** The member noun of kind `kind` spelled from j: its words. */
export function memberAt(toks: Tok[], j: number, hi: number, kind: string): string[] | undefined {
  const k = KINDS.find((x) => x.id === kind);
  return k ? phraseAt(toks, j, hi, k.parts) : undefined;
}
