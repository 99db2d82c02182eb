// The task-count recognizer: per block (cached with `analysis`), every
//   - fraction count  "6/6 nhiệm vụ", "08/10 xã", "6 / 6 chỉ tiêu",
//   - bare count      "10 nhiệm vụ trọng tâm", "5 giải pháp:",
//   - half-written count "6/ nhiệm vụ", "/6 nhiệm vụ", "6//6 nhiệm vụ",
// with the context the task rules need (verb, "complete" claims, stated
// complement, year, group), and the explicit item markers "(1)", "a)",
// "thứ nhất" of each segment (for the list check across blocks).
//
// Never a count: document numbers (158/2024/QH15, 1300/QĐ-BYT), dates (24/2,
// 11/07/2023, "ngày 15/3 tỉnh ..."), rates (233/100.000, bé trai/100 bé gái,
// 1 bác sỹ/1,5 điều dưỡng), HIV/AIDS, xã/phường/thị trấn: a count needs an
// integer right before the slash that is not glued to letters or other
// slashes, an integer after it that is not followed by another slash, and a
// counted noun right after.
import { analysis } from '../rule';
import { firstStartAtOrAfter, lowerBound } from '../search';
import { isSpace } from '../chars';
import type { Block, Segment } from '../types';
import type { ResolvedConfig } from '../config';
import { lex, lexRegex, SENTENCE_END, CLAUSE_END, type Tok } from './lexer';
import { nounMatcher, type Noun, type NounMatcher } from './nouns';

export interface NumRef {
  s: number;
  e: number;
  raw: string;
  value: number;
}

export interface TaskCount {
  kind: 'fraction' | 'bare';
  segment: number;
  /** From the first digit to the end of the noun (prose offsets). */
  start: number;
  end: number;
  /** End of the noun phrase (noun + modifiers). */
  phraseEnd: number;
  /** Fraction: the count; bare: the number. */
  x: NumRef;
  /** Fraction: the total. */
  y?: NumRef;
  noun: Noun;
  nounStart: number;
  nounEnd: number;
  /** Words right after the noun that name the group: "trọng tâm", "chủ yếu" (lowercase). */
  modifier: string;
  /** "của ...", "cho ...", "được ... giao" after the noun phrase (lowercase), when present. */
  owner?: string;
  /** Hedged: "hơn 10", "khoảng 10", "5 - 6", "ước". */
  approx: boolean;
  /** A subset marker before a bare number: "trong đó", "chỉ", "còn", "thêm", "mới". */
  subset: boolean;
  /** The achievement verb of the clause: before the count or right after the noun phrase. */
  verb?: 'hoàn thành' | 'đạt' | 'vượt';
  /** `verb` was read in the clause before the count. */
  verbBefore?: boolean;
  /** "chưa"/"không" in the clause before the count. */
  negated: boolean;
  /** A "complete" claim in the clause: "toàn bộ", "tất cả", "100%"... */
  complete?: { s: number; e: number; text: string };
  /** A stated complement after a fraction: "còn lại 3 tỉnh", "chỉ còn 3 tỉnh". */
  complement?: NumRef & { nounEnd: number };
  /** Year from the sentence or paragraph; `next` for "năm tới", "thời gian tới". */
  yearHint?: YearHint;
  /** The sentence (prose offsets). */
  sentenceStart: number;
  sentenceEnd: number;
  /** How this count may introduce an enumeration (see introOf). */
  intro?: Intro;
  /** What the count says of its items ("4 nhiệm vụ đang triển khai": in progress), when the words say it. */
  status?: TaskStatus;
  /** The count is a whole broken down next: "Trong 12 nhiệm vụ, ...", "12 nhiệm vụ, trong đó ...", "tổng số 12 nhiệm vụ:". */
  whole?: boolean;
}

/**
 * Where the items a count counts stand. "đạt" and "vượt" are kept apart: "18 chỉ tiêu đạt và vượt"
 * is one part, but "12 chỉ tiêu đạt, 6 chỉ tiêu vượt" may or may not overlap.
 */
export type TaskStatus = 'done' | 'met' | 'exceeded' | 'progress' | 'notdone' | 'notmet' | 'notstarted';

export interface YearHint {
  year?: number;
  next?: boolean;
  /** A part of the year: "6 tháng cuối", "9 tháng đầu", "quý 2" (a group of that part is another group). */
  part?: string;
  /** Several years: "giai đoạn 2021 - 2025", "nhiệm kỳ", "kế hoạch 5 năm" (another group than any year's). */
  span?: string;
}

export interface Intro {
  /** The segment ends with ":" (or "gồm", "như sau"...) right after this count's sentence. */
  colon: boolean;
  /** Nothing but the end of the sentence follows in the segment. */
  lastSentence: boolean;
  /** The first explicit marker "(1)", "a)", "thứ nhất" after the count in the same segment. */
  inlineMarker?: Marker;
  /** More than one count in the introducing sentence, or a non-exhaustive cue ("như", "trong đó", "một số"). */
  ambiguous: boolean;
}

export type MalformedForm = 'no-total' | 'no-count' | 'double-slash';

export interface MalformedCount {
  form: MalformedForm;
  segment: number;
  start: number;
  end: number;
  noun: Noun;
  /** The numbers that are there. */
  x?: NumRef;
  y?: NumRef;
  /** Offsets of the slash run. */
  slashStart: number;
  slashEnd: number;
}

export type MarkerStyle = 'paren-num' | 'num' | 'paren-alpha' | 'alpha' | 'ordinal';

export interface Marker {
  style: MarkerStyle;
  /** 1-based number; for letters, the letter's rank in the Latin alphabet (đ = d + 0.5). */
  rank: number;
  letter?: string;
  s: number;
  e: number;
  /** Preceded by the segment start, a newline, ":;.," or "và"/"hoặc": a real item boundary. */
  strict: boolean;
  /** First thing in its segment. */
  atStart: boolean;
}

export interface SegmentFacts {
  markers: Marker[];
  /** For headings: the year (or "next period") they name. */
  headingYear?: YearHint;
  /** Prose ends with "…", "..." or "v.v." (a non-exhaustive item). */
  openEnded: boolean;
}

export interface BlockTaskFacts {
  counts: TaskCount[];
  malformed: MalformedCount[];
  segments: SegmentFacts[];
  /** The heading segments (with a level) in order, with the year they name: the document's heading context. */
  headings: { level: number; year: YearHint | undefined }[];
}

// --- word lists -------------------------------------------------------------

/** A number right after these is an ordinal or a label, not a count ("năm 2024 nhiệm vụ", "thứ 3"). */
const LABEL_BEFORE = new Set(['năm', 'tháng', 'ngày', 'thứ', 'số', 'lần', 'khóa', 'khoá', 'kỳ', 'kì', 'mục', 'điều', 'khoản', 'phần', 'chương', 'quý', 'tuần', 'lúc', 'giờ', 'phút', 'tiết', 'trang', 'bảng', 'hình', 'biểu', 'phụ', 'lục', 'mẫu', 'tập', 'quận', 'phường', 'nhóm', 'tiêu', 'chí', 'vòng', 'đợt', 'bước', 'giai', 'đoạn', 'loại', 'hạng', 'cấp', 'tuyến', 'mũi', 'liều', 'lớp', 'mã']);
/** Hedges: the number is not exact. */
const HEDGE_BEFORE = new Set(['hơn', 'trên', 'gần', 'khoảng', 'chừng', 'dưới', 'hàng', 'vài', 'ước', 'xấp', 'xỉ', 'tối', 'thiểu', 'đa', 'ít', 'nhất', 'hầu', 'gần']);
/** Subset markers before a bare number. */
const SUBSET_BEFORE = new Set(['đó', 'chỉ', 'còn', 'thêm', 'mới', 'riêng', 'có']);
/** Words between a counted noun and its status: "4 nhiệm vụ (đã) hoàn thành", "3 chỉ tiêu đều đạt". */
const STATUS_FILLER = new Set(['đã', 'đều', 'cũng', 'vẫn', 'còn']);
/** Verbs of starting work: "đang triển khai", "chưa thực hiện". */
const STARTED_VERBS = new Set(['triển', 'thực', 'tiếp', 'được', 'làm', 'bắt', 'khởi', 'tổ']);
/** Words that end a noun's modifier ("nhiệm vụ trọng tâm | được giao"). */
const MODIFIER_STOP = new Set([
  'được', 'của', 'theo', 'tại', 'với', 'và', 'đã', 'đề', 'năm', 'trong', 'để', 'nhằm', 'gồm', 'bao', 'là', 'đó', 'như', 'cho', 'về', 'do',
  'mà', 'đạt', 'hoàn', 'vượt', 'thuộc', 'trên', 'ở', 'sau', 'này', 'các', 'những', 'có', 'từ', 'đến', 'tới', 'thì', 'nhưng', 'chưa', 'còn',
  'đang', 'sẽ', 'vào', 'khi', 'nên', 'phải', 'cần', 'bằng', 'qua', 'ra', 'lên', 'xuống', 'bị', 'tuy', 'giao', 'phê', 'hiện',
  'ước', 'so', 'chiếm', 'tương', 'đều', 'không', 'đây', 'kia', 'nào', 'mỗi', 'cùng', 'giai', 'nhiệm', 'kỳ', 'quý', 'tháng', 'tuần', 'ngày', 'chỉ',
]);
/** Before a date-shaped d/m: always a date ("ngày 15/3"), or a date unless a task noun follows a count x <= y ("hết 4/5 giải pháp"). */
const DATE_BEFORE = new Set(['ngày', 'hôm', 'sáng', 'chiều', 'trưa', 'tối', 'đêm', 'vào', 'lúc', 'nay', 'mai', 'qua']);
const DATE_BEFORE_WEAK = new Set(['từ', 'đến', 'tới', 'trước', 'sau', 'hết', 'cuối', 'đầu']);
const ORDINAL_WORDS = ['nhất', 'hai', 'ba', 'tư', 'năm', 'sáu', 'bảy', 'tám', 'chín', 'mười'];
const NEXT_PERIOD = [['năm', 'tới'], ['năm', 'sau'], ['năm', 'kế', 'tiếp'], ['thời', 'gian', 'tới'], ['sắp', 'tới'], ['giai', 'đoạn', 'tới'], ['năm', 'kế', 'hoạch']];
/** Last words of the NEXT_PERIOD phrases (a quick test before matching them). */
const NEXT_LAST = new Set(NEXT_PERIOD.map((seq) => seq[seq.length - 1]));
/** Their first characters: most words are ruled out before hashing them. */
const NEXT_FIRST_CHARS = new Set([...NEXT_LAST].map((w) => w.charCodeAt(0)));
/** A heading names a year or a next period only if it holds 4 digits or one of NEXT_LAST (any case). */
const HEADING_YEAR_SITE = /\d{4}|tới|sau|tiếp|hoạch/iu;

/** An item that trails off: "…", "...", "v.v." at its end. */
const OPEN_END = /(?:…|\.\.\.|v\.v\.?|vv\.)[\s\u0000)]*$/u;

// --- the analysis -------------------------------------------------------------

/** Task-count facts of a block (cached per block; the config gives the nouns). */
export const taskFactsOf = analysis('task-counts', (block: Block, config: ResolvedConfig): BlockTaskFacts => computeTaskFacts(block, config, false));

/**
 * The facts of a block. `exhaustive` turns the prefilters off and uses the
 * reference lexer: every segment with a digit is lexed and scanned, as the
 * recognizer is specified; tests check both ways give the same facts.
 */
export function computeTaskFacts(block: Block, config: ResolvedConfig, exhaustive: boolean): BlockTaskFacts {
  const nouns = nounMatcher(config);
  const counts: TaskCount[] = [];
  const malformed: MalformedCount[] = [];
  const segments: SegmentFacts[] = [];
  const prose = block.prose;
  // Most segments hold no count: find, once per block, where a number or a slash
  // is followed by a counted noun; only segments holding such a place are lexed.
  const { hits, markHits } = exhaustive ? { hits: [], markHits: [] } : sitesOf(prose, nouns);
  let h = 0;
  let mh = 0;
  const segs = block.segments;
  let headingSegs: number[] | undefined;
  for (let si = 0; si < segs.length; si++) {
    const seg = segs[si];
    if (seg.kind === 'heading' && seg.level) (headingSegs ??= []).push(si);
    // Segments come in document order; should one not, look from the start again.
    if (si > 0 && seg.start < segs[si - 1].start) h = mh = 0;
    while (h < hits.length && hits[h] < seg.start) h++;
    const candidate = exhaustive ? /\d/.test(prose.slice(seg.start, seg.end)) : h < hits.length && hits[h] < seg.end;
    while (mh < markHits.length && markHits[mh] < seg.start) mh++;
    const mayMark = exhaustive || (mh < markHits.length && markHits[mh] < seg.end);
    // headingYear needs a year or a "next period" phrase: other headings are not lexed.
    const isHeading = seg.kind === 'heading' && (exhaustive || HEADING_YEAR_SITE.test(prose.slice(seg.start, seg.end)));
    const openEnded = (exhaustive || mayEndOpen(prose, seg.start, seg.end)) && OPEN_END.test(prose.slice(Math.max(seg.start, seg.end - 64), seg.end));
    if (!candidate && !mayMark && !isHeading && !openEnded) {
      segments.push(NO_FACTS);
      continue;
    }
    const text = prose.slice(seg.start, seg.end);
    const markers = mayMark ? findMarkers(text, seg.start) : NO_MARKERS;
    const facts: SegmentFacts = { markers, openEnded };
    segments.push(facts);
    if (!candidate && !isHeading) continue;
    const toks = (exhaustive ? lexRegex : lex)(text, seg.start);
    const ix = indexSegment(toks);
    if (isHeading) facts.headingYear = headingYear(toks, ix);
    if (!candidate) continue;
    const before = counts.length;
    scanSegment(toks, si, nouns, counts, malformed);
    const mine = counts.slice(before);
    const exact = new Int32Array(mine.length + 1);
    mine.forEach((c, ci) => (exact[ci + 1] = exact[ci] + (c.approx ? 0 : 1)));
    mine.forEach((c, ci) => addContext(c, ci, toks, ix, mine, exact, seg, block, markers));
  }
  const headings = headingSegs ? headingSegs.map((si) => ({ level: segs[si].level!, year: segments[si].headingYear })) : NO_HEADINGS;
  return { counts, malformed, segments, headings };
}

/** Facts of a segment with no markers, no open end and no heading year (shared, never mutated). */
const NO_MARKERS: Marker[] = Object.freeze([]) as unknown as Marker[];
const NO_FACTS: SegmentFacts = Object.freeze({ markers: NO_MARKERS, openEnded: false });
const NO_HEADINGS: BlockTaskFacts['headings'] = [];

// Every count and half-written count has a number or a slash token right
// before its noun's first word, with only whitespace or MASK between (see
// scanSegment): the prefilter looks for exactly that, so it skips nothing the
// scan would find. Words are the lexer's maximal letter runs. The same pass
// finds ")" and "thứ" (any case): a segment without them has no item markers
// (findMarkers' own test); a "thứ" inside a word read after a number is found
// in that word.
const SITES = /[\d/][\s\u0000]*([\p{L}\p{M}]+)|[)]|thứ/giu;
const THU = /thứ/iu;
const THU_ALL = /thứ/giu;

/** Prose offsets of noun sites (the first word after a number or slash starting a counted noun) and of marker characters. */
function sitesOf(prose: string, nouns: NounMatcher): { hits: number[]; markHits: number[] } {
  const hits: number[] = [];
  const markHits: number[] = [];
  SITES.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = SITES.exec(prose))) {
    const w = m[1];
    if (w === undefined) markHits.push(m.index);
    else {
      const at = m.index + m[0].length - w.length;
      if (nouns.byFirst.has(w.toLowerCase())) hits.push(at);
      if (w.length >= 3 && THU.test(w)) {
        THU_ALL.lastIndex = 0;
        let t: RegExpExecArray | null;
        while ((t = THU_ALL.exec(w))) markHits.push(at + t.index);
      }
    }
  }
  return { hits, markHits };
}


/** OPEN_END can only match when the last char before trailing spaces, MASK and ")" is ".", "…" or the "v" of "v.v". */
function mayEndOpen(prose: string, start: number, end: number): boolean {
  let k = end - 1;
  for (; k >= start; k--) {
    const c = prose.charCodeAt(k);
    if (!(c === 0 || c === 41 || isSpace(c))) break;
  }
  if (k < start) return false;
  const c = prose.charCodeAt(k);
  return c === 46 || c === 0x2026 || c === 118;
}

function numRef(t: Tok): NumRef {
  return { s: t.s, e: t.e, raw: t.text, value: t.int ?? NaN };
}

/** Index of the first token after the noun, or -1 when no counted noun starts at k. */
function matchNoun(toks: Tok[], k: number, nouns: NounMatcher): { noun: Noun; end: number } | undefined {
  const first = toks[k];
  if (!first || first.t !== 'word') return undefined;
  const cands = nouns.byFirst.get(first.low);
  if (!cands) return undefined;
  for (const n of cands) {
    let ok = true;
    for (let j = 1; j < n.syllables.length; j++) {
      const t = toks[k + j];
      if (!t || t.t !== 'word' || t.low !== n.syllables[j]) {
        ok = false;
        break;
      }
    }
    if (!ok) continue;
    const after = toks[k + n.syllables.length];
    if (nouns.notAfter(n, after && after.t === 'word' ? after.low : undefined)) continue;
    return { noun: n, end: k + n.syllables.length };
  }
  return undefined;
}

const isDash = (t: Tok | undefined) => !!t && t.t === 'punct' && (t.text === '-' || t.text === '–' || t.text === '—');
const isYearVal = (v: number | undefined) => v !== undefined && v >= 1900 && v <= 2100;

/** The token before i is glued to it and makes it part of a code, document number or range. */
function gluedBefore(toks: Tok[], i: number): boolean {
  const t = toks[i];
  const p = toks[i - 1];
  if (!p || t.gap) return false;
  if (p.t === 'word' || p.t === 'num') return true;
  if (p.t === 'slash') return true;
  if (p.t === 'punct' && (isDash(p) || p.text === '.' || p.text === ',' || p.text === '_' || p.text === '#')) {
    const pp = toks[i - 2];
    return !!pp && !p.gap && (pp.t === 'word' || pp.t === 'num');
  }
  return false;
}

/** The token after i is glued to it and continues a cluster (158/2024/QH15, 11/07/2023, 5-6, 54-NQ). */
function gluedAfter(toks: Tok[], i: number): boolean {
  const n = toks[i + 1];
  if (!n || n.gap) return false;
  if (n.t === 'slash' || isDash(n)) {
    const nn = toks[i + 2];
    return !!nn && (nn.t === 'num' || nn.t === 'word');
  }
  if (n.t === 'punct' && (n.text === '%' || n.text === '‰')) return true;
  return false;
}

function prevWord(toks: Tok[], i: number, back = 1): string | undefined {
  const t = toks[i - back];
  return t && t.t === 'word' ? t.low : undefined;
}

function scanSegment(toks: Tok[], si: number, nouns: NounMatcher, counts: TaskCount[], malformed: MalformedCount[]): void {
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    // "/6 nhiệm vụ": a slash with nothing countable before it.
    if (t.t === 'slash') {
      const p = toks[i - 1];
      const okBefore = !p || t.gap || (p.t === 'punct' && '(:,;[–-'.includes(p.text));
      if (!okBefore || (p && p.t === 'num') || (p && p.t === 'slash')) continue;
      const n = toks[i + 1];
      if (!n || n.t !== 'num' || n.int === undefined || gluedAfter(toks, i + 1)) continue;
      const nm = matchNoun(toks, i + 2, nouns);
      if (!nm) continue;
      const last = toks[nm.end - 1];
      malformed.push({ form: 'no-count', segment: si, start: t.s, end: last.e, noun: nm.noun, y: numRef(n), slashStart: t.s, slashEnd: t.e });
      i = nm.end - 1;
      continue;
    }
    if (t.t !== 'num') continue;
    if (gluedBefore(toks, i)) {
      // Skip the rest of the glued cluster (docnum, code, date).
      while (i + 1 < toks.length && !toks[i + 1].gap && toks[i + 1].t !== 'word') i++;
      continue;
    }
    if (t.int === undefined) continue;
    const n1 = toks[i + 1];
    // Fractions and half-written forms: a slash after the number.
    if (n1 && n1.t === 'slash') {
      let j = i + 1;
      let slashes = 0;
      while (toks[j] && toks[j].t === 'slash' && slashes < 3) {
        j++;
        slashes++;
      }
      const slashStart = toks[i + 1].s;
      const slashEnd = toks[j - 1].e;
      const b = toks[j];
      if (b && b.t === 'num') {
        if (gluedAfter(toks, j)) {
          // 158/2024/QH15, 11/07/2023: skip the whole cluster.
          i = j;
          while (i + 1 < toks.length && !toks[i + 1].gap && toks[i + 1].t !== 'word') i++;
          continue;
        }
        if (b.int === undefined) {
          i = j;
          continue;
        }
        const nm = matchNoun(toks, j + 1, nouns);
        if (!nm) {
          i = j;
          continue;
        }
        if (slashes > 1) {
          malformed.push({ form: 'double-slash', segment: si, start: t.s, end: toks[nm.end - 1].e, noun: nm.noun, x: numRef(t), y: numRef(b), slashStart, slashEnd });
          i = nm.end - 1;
          continue;
        }
        if (notACountFraction(toks, i, j, nm)) {
          i = j;
          continue;
        }
        counts.push(makeCount('fraction', si, toks, i, j, nm));
        i = nm.end - 1;
        continue;
      }
      // "6/ nhiệm vụ"
      const nm = matchNoun(toks, j, nouns);
      if (nm && slashes >= 1 && !(toks[i - 1] && toks[i - 1].t === 'slash')) {
        malformed.push({ form: 'no-total', segment: si, start: t.s, end: toks[nm.end - 1].e, noun: nm.noun, x: numRef(t), slashStart, slashEnd });
        i = nm.end - 1;
      }
      continue;
    }
    // Bare count: "10 nhiệm vụ".
    if (gluedAfter(toks, i)) continue;
    const nm = matchNoun(toks, i + 1, nouns);
    if (!nm) continue;
    if (isYearVal(t.int) && t.plain) continue;
    const pw = prevWord(toks, i);
    // "tổng số 10", "trong số 10 nhiệm vụ" (among the 10): a count, not a label.
    if (pw && LABEL_BEFORE.has(pw) && !(pw === 'số' && (prevWord(toks, i, 2) === 'tổng' || prevWord(toks, i, 2) === 'trong'))) continue;
    counts.push(makeCount('bare', si, toks, i, -1, nm));
    i = nm.end - 1;
  }
}

/** Date-shaped fractions after a date word, or before a proper name ("ngày 15/3 tỉnh Lai Châu"), rates, years. */
function notACountFraction(toks: Tok[], i: number, j: number, nm: { noun: Noun; end: number }): boolean {
  const x = toks[i].int!;
  const y = toks[j].int!;
  // Rates: a denominator written as a grouped power of ten (233/100.000).
  if (!toks[j].plain && /^10*$/.test(String(y)) && y >= 1000) return true;
  // School years and year spans: 2019/2020.
  if (isYearVal(x) && isYearVal(y)) return true;
  // Month/year: 6/2024.
  if (x >= 1 && x <= 12 && isYearVal(y) && toks[j].text.length === 4) return true;
  const dateShaped = x >= 1 && x <= 31 && y >= 1 && y <= 12;
  if (dateShaped) {
    const pw = prevWord(toks, i);
    if (pw && DATE_BEFORE.has(pw)) return true;
    if (pw && DATE_BEFORE_WEAK.has(pw) && (nm.noun.cls === 'unit' || x > y)) return true;
    // "Ngày Quốc tế Phụ nữ 08/3 đơn vị ...", "hẻm 12/3 phường 5": a unit "overcount" shaped like a date is a date.
    if (nm.noun.cls === 'unit' && x > y) return true;
    const p = toks[i - 1];
    if (p && p.t === 'punct' && p.text === '(') return true;
    const after = toks[nm.end];
    if (nm.noun.cls === 'unit' && after && after.t === 'word' && /^\p{Lu}/u.test(after.text)) return true;
  }
  return false;
}

function makeCount(kind: 'fraction' | 'bare', si: number, toks: Tok[], i: number, j: number, nm: { noun: Noun; end: number }): TaskCount {
  const nounFirst = toks[nm.end - nm.noun.syllables.length];
  const nounLast = toks[nm.end - 1];
  const { modifier, end: modEnd } = modifierOf(toks, nm.end);
  const c: TaskCount = {
    kind,
    segment: si,
    start: toks[i].s,
    end: nounLast.e,
    phraseEnd: modEnd > nm.end ? toks[modEnd - 1].e : nounLast.e,
    x: numRef(toks[i]),
    noun: nm.noun,
    nounStart: nounFirst.s,
    nounEnd: nounLast.e,
    modifier,
    approx: false,
    subset: false,
    negated: false,
    sentenceStart: 0,
    sentenceEnd: 0,
  };
  if (j >= 0) c.y = numRef(toks[j]);
  // "5 nhiệm vụ trọng tâm còn lại": the rest of a group, not its total.
  if (kind === 'bare' && toks[modEnd]?.low === 'còn' && toks[modEnd + 1]?.low === 'lại') c.subset = true;
  const owner = ownerOf(toks, modEnd);
  if (owner) c.owner = owner;
  // Hedges and ranges before a bare number.
  if (kind === 'bare') {
    const pw = prevWord(toks, i);
    const pw2 = prevWord(toks, i, 2);
    if ((pw && HEDGE_BEFORE.has(pw)) || (pw2 === 'ít' && pw === 'nhất') || (pw2 === 'tối' && (pw === 'thiểu' || pw === 'đa'))) c.approx = true;
    const p = toks[i - 1];
    if (p && isDash(p) && toks[i - 2]?.t === 'num') c.approx = true;
    if ((pw === 'đến' || pw === 'tới') && toks[i - 2]?.t === 'num') c.approx = true;
    if (pw && SUBSET_BEFORE.has(pw) && pw !== 'có') c.subset = true;
    if (pw === 'có' && prevWord(toks, i, 2) === 'đó') c.subset = true;
    if (pw === 'lại' && prevWord(toks, i, 2) === 'còn') c.subset = true;
  }
  return c;
}

/** Modifier words after the noun: up to 6 lowercase words, "-" joins ("kinh tế - xã hội"). */
function modifierOf(toks: Tok[], k: number): { modifier: string; end: number } {
  const words: string[] = [];
  let end = k;
  for (let j = k; j < toks.length && words.length < 6; j++) {
    const t = toks[j];
    if (t.t === 'word') {
      if (MODIFIER_STOP.has(t.low) || /^\p{Lu}/u.test(t.text) || t.nl) break;
      words.push(t.low);
      end = j + 1;
      continue;
    }
    if (isDash(t) && words.length && toks[j + 1]?.t === 'word') continue;
    break;
  }
  return { modifier: words.join(' '), end };
}

/**
 * Who set or holds the group, after the noun phrase: "của ngành", "cho ngành, lĩnh vực", "được Quốc hội
 * giao", "do Quốc hội giao", "Sở Y tế giao" (a name and "giao"), "Nghị quyết Đại hội" (a name right after
 * the noun: the document the targets come from). Lowercase words, up to 6.
 */
function ownerOf(toks: Tok[], k: number): string | undefined {
  const t = toks[k];
  if (t && t.t === 'word' && !t.nl && /^\p{Lu}/u.test(t.text)) return namedOwner(toks, k);
  if (t && t.t === 'word' && t.low === 'do') {
    // "do X giao" (set by X); "do thiếu nhân lực" (because of) is not an owner.
    const words = ['do'];
    for (let j = k + 1; j < toks.length && words.length < 8; j++) {
      const w = toks[j];
      if (w.t !== 'word') break;
      words.push(w.low);
      if (w.low === 'giao') return words.length > 2 ? words.join(' ') : undefined;
    }
    return undefined;
  }
  if (!t || t.t !== 'word' || !['của', 'cho', 'thuộc', 'được'].includes(t.low)) return undefined;
  const words: string[] = [t.low];
  for (let j = k + 1; j < toks.length && words.length < 7; j++) {
    const w = toks[j];
    if (w.t !== 'word' || w.low === 'năm') break;
    words.push(w.low);
    if (t.low === 'được' && w.low === 'giao') break;
  }
  return words.length > 1 ? words.join(' ') : undefined;
}

/** Capitalised words right after the noun phrase, with a following "giao": "Sở Y tế giao" → "do sở y tế giao". */
function namedOwner(toks: Tok[], k: number): string | undefined {
  const words: string[] = [];
  let j = k;
  for (; j < toks.length && words.length < 6; j++) {
    const w = toks[j];
    if (w.t !== 'word' || w.nl || !/^\p{Lu}/u.test(w.text)) break;
    words.push(w.low);
  }
  // A lowercase tail of the name ("Sở Y tế", "Hội đồng nhân dân tỉnh"): up to 5 more words, then "giao".
  for (let q = 0; q < 5 && j < toks.length && toks[j].t === 'word' && !toks[j].nl; q++, j++) {
    if (toks[j].low === 'giao') return `do ${words.join(' ')} giao`;
    if (MODIFIER_STOP.has(toks[j].low)) break;
    words.push(toks[j].low);
  }
  return words.length ? words.join(' ') : undefined;
}

/** Token index of a prose offset (first token starting at or after it). */
function tokAt(toks: Tok[], offset: number): number {
  return lowerBound(toks, offset, (t) => t.s);
}

function hasSeq(words: string[], seq: readonly string[]): number {
  outer: for (let i = 0; i + seq.length <= words.length; i++) {
    for (let k = 0; k < seq.length; k++) if (words[i + k] !== seq[k]) continue outer;
    return i;
  }
  return -1;
}

const isTerm = (t: Tok | undefined) => !!t && t.t === 'punct' && SENTENCE_END.has(t.text);

/**
 * Per-segment indexes so that each count's context costs O(1) or a bounded
 * window: sentence and clause starts, the last year before each token, ...
 */
export interface SegIndex {
  /** The tokens indexed (a year's value is its token's). */
  toks: Tok[];
  sentStart: Int32Array;
  /** Index of the terminator that ends the sentence of token i, or toks.length. */
  sentEnd: Int32Array;
  clauseStart: Int32Array;
  /** Last token index <= i that is a year, or -1. */
  lastYear: Int32Array;
  /** Last token index <= i that ends a "next period" phrase (năm tới, thời gian tới), or -1. */
  lastNext: Int32Array;
  /** First token index >= i that is a year after "năm", or -1. */
  nextNamYear: Int32Array;
  /** Terminators in tokens [0, i). */
  terms: Int32Array;
}

export function indexSegment(toks: Tok[]): SegIndex {
  const n = toks.length;
  // One buffer for the seven indexes (one allocation, not seven).
  const buf = new Int32Array(7 * (n + 1));
  const sentStart = buf.subarray(0, n + 1);
  const sentEnd = buf.subarray(n + 1, 2 * (n + 1));
  const clauseStart = buf.subarray(2 * (n + 1), 3 * (n + 1));
  const lastYear = buf.subarray(3 * (n + 1), 4 * (n + 1));
  const lastNext = buf.subarray(4 * (n + 1), 5 * (n + 1));
  const nextNamYear = buf.subarray(5 * (n + 1), 6 * (n + 1));
  const terms = buf.subarray(6 * (n + 1), 7 * (n + 1));
  let ss = 0;
  let cs = 0;
  let ly = -1;
  let ln = -1;
  for (let i = 0; i < n; i++) {
    const t = toks[i];
    sentStart[i] = ss;
    clauseStart[i] = cs;
    let term = false;
    if (t.t === 'num') {
      if (yearOfTok(toks, i) !== undefined) ly = i;
    } else if (t.t === 'word') {
      if (NEXT_FIRST_CHARS.has(t.low.charCodeAt(0)) && NEXT_LAST.has(t.low) && NEXT_PERIOD.some((seq) => endsWithSeq(toks, i, seq))) ln = i;
    } else if (t.t === 'punct') {
      term = SENTENCE_END.has(t.text);
      if (CLAUSE_END.has(t.text)) cs = i + 1;
    }
    lastYear[i] = ly;
    lastNext[i] = ln;
    terms[i + 1] = terms[i] + (term ? 1 : 0);
    if (term) ss = i + 1;
  }
  sentStart[n] = ss;
  clauseStart[n] = cs;
  lastYear[n] = ly;
  lastNext[n] = ln;
  let se = n;
  let ny = -1;
  nextNamYear[n] = -1;
  sentEnd[n] = n;
  for (let i = n - 1; i >= 0; i--) {
    if (terms[i + 1] !== terms[i]) se = i;
    sentEnd[i] = se;
    if (toks[i].t === 'num' && prevWord(toks, i) === 'năm' && yearOfTok(toks, i) !== undefined) ny = i;
    nextNamYear[i] = ny;
  }
  return { toks, sentStart, sentEnd, clauseStart, lastYear, lastNext, nextNamYear, terms };
}

function endsWithSeq(toks: Tok[], i: number, seq: readonly string[]): boolean {
  for (let k = 0; k < seq.length; k++) {
    const t = toks[i - (seq.length - 1 - k)];
    if (!t || t.t !== 'word' || t.low !== seq[k]) return false;
  }
  return true;
}

/** Look-back window for verbs and "complete" cues, in tokens. */
const WINDOW = 40;

/** What a count's sentence says about it: its sentence, verb, negation, a "complete" claim, its year, a stated rest, its intro. */
function addContext(c: TaskCount, ci: number, toks: Tok[], ix: SegIndex, segCounts: TaskCount[], exact: Int32Array, seg: Segment, block: Block, markers: Marker[]): void {
  const i0 = tokAt(toks, c.start);
  const iEnd = tokAt(toks, c.phraseEnd);
  const ss = ix.sentStart[i0];
  const se = ix.sentEnd[Math.min(iEnd, toks.length)];
  c.sentenceStart = toks[ss]?.s ?? c.start;
  c.sentenceEnd = se < toks.length ? toks[se].e : seg.end;
  // The clause before the count: back to , : ; . (parentheses are transparent).
  const cs = Math.max(ix.clauseStart[i0], i0 - WINDOW);
  verbBefore(c, toks, cs, i0);
  for (let q = cs; q < i0; q++) if (toks[q].t === 'word' && (toks[q].low === 'chưa' || toks[q].low === 'không')) c.negated = true;
  completeBefore(c, toks, cs, i0, segCounts[ci - 1], block);
  verbAfter(c, toks, iEnd);
  if (!c.complete) completeAfter(c, toks, iEnd, se, block);
  c.yearHint = yearHintOf(toks, ix, i0, iEnd, ss, se);
  if (c.kind === 'fraction') complementOf(c, ci, toks, ix, segCounts, se, seg);
  c.intro = introOf(c, toks, ix, iEnd, ss, se, segCounts, exact, markers);
  const st = statusOf(c, toks, iEnd);
  if (st) c.status = st;
  if (c.kind === 'bare' && !c.approx && wholeCue(toks, i0, iEnd)) c.whole = true;
}

/** The nearest achievement verb before the count in its clause ("hoàn thành 3/3 ... và đạt 8/9": đạt for 8/9). */
function verbBefore(c: TaskCount, toks: Tok[], cs: number, i0: number): void {
  for (let q = i0 - 1; q >= cs && !c.verb; q--) {
    const w = toks[q].t === 'word' ? toks[q].low : '';
    if (w === 'thành' && prevWord(toks, q) === 'hoàn') c.verb = 'hoàn thành';
    else if (w === 'đạt') c.verb = 'đạt';
    else if (w === 'vượt') c.verb = 'vượt';
  }
  if (c.verb) c.verbBefore = true;
}

/** "Complete" cues in the clause before, after any earlier count ("toàn bộ 3/3 ... và 13/16": not for 13/16). */
function completeBefore(c: TaskCount, toks: Tok[], cs: number, i0: number, prev: TaskCount | undefined, block: Block): void {
  const cueFrom = prev && prev.phraseEnd > (toks[cs]?.s ?? 0) ? Math.max(cs, tokAt(toks, prev.phraseEnd)) : cs;
  for (let k = cueFrom; k < i0; k++) {
    const t = toks[k];
    const n = toks[k + 1];
    let cue: { s: number; e: number } | undefined;
    if (t.t === 'word' && n?.t === 'word' && ((t.low === 'toàn' && n.low === 'bộ') || (t.low === 'tất' && n.low === 'cả') || (t.low === 'trọn' && n.low === 'vẹn') || (t.low === 'đầy' && n.low === 'đủ'))) cue = { s: t.s, e: n.e };
    else if (t.t === 'word' && t.low === 'hết' && c.verb) {
      // "hoàn thành hết", "đạt hết": quote the verb with it.
      const v = toks[k - 1]?.low === 'thành' && toks[k - 2]?.low === 'hoàn' ? toks[k - 2] : toks[k - 1]?.low === 'đạt' ? toks[k - 1] : t;
      cue = { s: v.s, e: t.e };
    }
    else if (t.t === 'num' && t.int === 100 && n?.t === 'punct' && n.text === '%') {
      // "100%" alone or before this count's noun; "100% xã có ..." is another figure.
      const n2 = toks[k + 2];
      if (!n2 || n2.t !== 'word' || n2.low === c.noun.syllables[0]) cue = { s: t.s, e: n.e };
    }
    if (cue) {
      c.complete = { ...cue, text: block.prose.slice(cue.s, cue.e) };
      return;
    }
  }
}

/** A verb after the noun phrase: ") đạt", "đã hoàn thành", "được công nhận". */
function verbAfter(c: TaskCount, toks: Tok[], iEnd: number): void {
  let k = iEnd;
  while (k < toks.length && toks[k].t === 'punct' && (toks[k].text === ')' || toks[k].text === ',')) k++;
  while (k < iEnd + 4 && toks[k]?.t === 'word' && ['đã', 'đều', 'cũng', 'đều đã'].includes(toks[k].low)) k++;
  const a0 = toks[k];
  const a1 = toks[k + 1];
  if (!c.verb && a0?.t === 'word') {
    if (a0.low === 'đạt') c.verb = 'đạt';
    else if (a0.low === 'hoàn' && a1?.low === 'thành') c.verb = 'hoàn thành';
    else if (a0.low === 'được' && a1?.low === 'công' && toks[k + 2]?.low === 'nhận') c.verb = 'đạt';
  }
}

/** "đạt 100%", "(100%)" shortly after the noun phrase. */
function completeAfter(c: TaskCount, toks: Tok[], iEnd: number, se: number, block: Block): void {
  for (let m = iEnd; m < Math.min(se, iEnd + 8); m++) {
    const t = toks[m];
    const n = toks[m + 1];
    if (t.t === 'num' && t.int === 100 && n?.t === 'punct' && n.text === '%' && !n.gap && toks[m + 2]?.t !== 'word') {
      c.complete = { s: t.s, e: n.e, text: block.prose.slice(t.s, n.e) };
      return;
    }
  }
}

/**
 * Year: the sentence before the count, then "năm YYYY" after it in the sentence, then the paragraph before.
 * A part of the year goes with where the year was read: in the clause before the count ("Trong 6 tháng
 * cuối năm 2025, ... 5 nhiệm vụ"), or right before the "năm YYYY" that follows the noun ("nhiệm vụ 6 tháng
 * cuối năm 2025"); "Trong 6 tháng đầu năm, Sở triển khai 8/10 nhiệm vụ trọng tâm năm 2025" is the year's group.
 * A span of years ("giai đoạn 2021-2025") wins.
 */
function yearHintOf(toks: Tok[], ix: SegIndex, i0: number, iEnd: number, ss: number, se: number): YearHint | undefined {
  const span = spanIn(toks, Math.max(ss, i0 - WINDOW), i0) ?? spanIn(toks, iEnd, Math.min(se, iEnd + 10));
  if (span) return { span };
  const partBefore = partIn(toks, Math.max(ss, i0 - WINDOW), i0);
  const before = yearIn(ix, ss, i0);
  if (before) return partBefore ? { ...before, part: partBefore } : before;
  const after = yearAfter(ix, iEnd, se);
  if (after) {
    const part = partEndingAt(toks, ix.nextNamYear[iEnd] - 2);
    return part ? { ...after, part } : after;
  }
  return yearIn(ix, 0, ss) ?? (partBefore ? { part: partBefore } : undefined);
}

/** A stated complement after a fraction: "còn lại 3 tỉnh", "chỉ còn 3 tỉnh", "3 tỉnh còn lại", "còn 1 nhiệm vụ chưa ...". */
function complementOf(c: TaskCount, ci: number, toks: Tok[], ix: SegIndex, segCounts: TaskCount[], se: number, seg: Segment): void {
  const next = se < toks.length ? ix.sentEnd[se + 1] : toks.length;
  const limitOff = next < toks.length ? toks[next].e : seg.end;
  for (let q = ci + 1, seen = 0; q < segCounts.length && seen < 6; q++, seen++) {
    const o = segCounts[q];
    if (o.start > limitOff) break;
    if (o.noun.syllables[0] !== c.noun.syllables[0]) continue;
    // A later fraction of the same noun is nearer: the rest is its rest.
    if (o.kind === 'fraction') break;
    const oi = tokAt(toks, o.start);
    const w1 = prevWord(toks, oi);
    const w2 = prevWord(toks, oi, 2);
    const oe = tokAt(toks, o.nounEnd);
    const after1 = toks[oe]?.t === 'word' ? toks[oe].low : undefined;
    const after2 = toks[oe + 1]?.t === 'word' ? toks[oe + 1].low : undefined;
    const cue = (w2 === 'còn' && w1 === 'lại') || (w2 === 'chỉ' && w1 === 'còn') || (after1 === 'còn' && after2 === 'lại') || (w1 === 'còn' && (after1 === 'chưa' || after2 === 'chưa'));
    if (cue) {
      c.complement = { ...o.x, nounEnd: o.nounEnd };
      return;
    }
  }
}

/**
 * The status words right after the noun phrase ("4 nhiệm vụ đang triển khai", "1 nhiệm vụ chưa triển
 * khai", "18 chỉ tiêu đạt và vượt"), else the clause's verb before the count ("đã hoàn thành 7 nhiệm vụ",
 * "chưa đạt 3 chỉ tiêu").
 */
function statusOf(c: TaskCount, toks: Tok[], iEnd: number): TaskStatus | undefined {
  let k = iEnd;
  while (toks[k]?.t === 'punct' && toks[k].text === ')') k++;
  while (toks[k]?.t === 'word' && STATUS_FILLER.has(toks[k].low)) k++;
  const w = (q: number): string | undefined => (toks[k + q]?.t === 'word' ? toks[k + q].low : undefined);
  const w0 = w(0);
  if (w0 === 'đang' && STARTED_VERBS.has(w(1) ?? '')) return 'progress';
  if (w0 === 'chưa' || w0 === 'không') {
    if (w(1) === 'hoàn' && w(2) === 'thành') return 'notdone';
    if (w(1) === 'đạt') return 'notmet';
    if (w0 === 'chưa' && STARTED_VERBS.has(w(1) ?? '')) return 'notstarted';
    return undefined;
  }
  if (w0 === 'hoàn' && w(1) === 'thành') return 'done';
  if (w0 === 'đạt') return 'met';
  if (w0 === 'vượt') return 'exceeded';
  // A verb after a comma may open the next clause: only the clause's verb before the count says the status.
  if (!c.verb || !c.verbBefore) return undefined;
  if (c.negated) return c.verb === 'hoàn thành' ? 'notdone' : c.verb === 'đạt' ? 'notmet' : undefined;
  return c.verb === 'hoàn thành' ? 'done' : c.verb === 'đạt' ? 'met' : 'exceeded';
}

/** "Trong (số) 12 nhiệm vụ", "tổng số 12 nhiệm vụ", "12 nhiệm vụ, trong đó", "12 nhiệm vụ, gồm", "12 nhiệm vụ:". */
function wholeCue(toks: Tok[], i0: number, iEnd: number): boolean {
  const p1 = prevWord(toks, i0);
  const p2 = prevWord(toks, i0, 2);
  if (p1 === 'trong' || (p1 === 'số' && (p2 === 'trong' || p2 === 'tổng'))) return true;
  let k = iEnd;
  if (toks[k]?.t === 'punct' && toks[k].text === ':') return true;
  if (toks[k]?.t === 'punct' && toks[k].text === ',') k++;
  const a = toks[k]?.t === 'word' ? toks[k].low : undefined;
  const b = toks[k + 1]?.t === 'word' ? toks[k + 1].low : undefined;
  return (a === 'trong' && b === 'đó') || a === 'gồm' || (a === 'bao' && b === 'gồm');
}

function yearOfTok(toks: Tok[], k: number): number | undefined {
  const t = toks[k];
  if (t.t !== 'num' || !t.plain || !isYearVal(t.int) || t.text.length !== 4) return undefined;
  // Not inside a date/docnum/range cluster, not a comparison ("so với năm 2015"), not a start ("từ năm 2007").
  if (gluedBefore(toks, k) || gluedAfter(toks, k)) return undefined;
  if (isDash(toks[k + 1]) || isDash(toks[k - 1])) return undefined;
  const w1 = prevWord(toks, k);
  const w2 = prevWord(toks, k, 2);
  const w3 = prevWord(toks, k, 3);
  if ((w1 === 'với' && w2 === 'so') || (w1 === 'năm' && w2 === 'với' && w3 === 'so')) return undefined;
  if (w1 === 'đoạn' || w1 === 'kỳ' || (w1 === 'năm' && w2 === 'từ') || w1 === 'từ') return undefined;
  return t.int;
}

/** The last year in tokens [from, to), else a "next period" phrase there. */
function yearIn(ix: SegIndex, from: number, to: number): YearHint | undefined {
  if (to <= from) return undefined;
  const y = ix.lastYear[to - 1];
  if (y >= from) return { year: ix.toks[y].int! };
  const nx = ix.lastNext[to - 1];
  if (nx >= from) return { next: true };
  return undefined;
}


function yearAfter(ix: SegIndex, from: number, to: number): YearHint | undefined {
  const k = ix.nextNamYear[from];
  if (k < 0 || k >= to) return undefined;
  return { year: ix.toks[k].int! };
}

/**
 * The period a heading names. A heading naming two years or two parts ("Tổng kết năm 2024 và phương
 * hướng năm 2025", "6 tháng đầu năm 2025, nhiệm vụ 6 tháng cuối năm 2025") names none: the text under
 * it keeps the outer context.
 */
function headingYear(toks: Tok[], ix: SegIndex): YearHint | undefined {
  const h = yearIn(ix, 0, toks.length);
  if (!h) return undefined;
  const years = new Set<number>();
  const parts = new Set<string>();
  for (let k = 0; k < toks.length; k++) {
    if (toks[k].t === 'num') {
      const y = yearOfTok(toks, k);
      if (y !== undefined) years.add(y);
    }
    const p = partAt(toks, k);
    if (p) parts.add(p.part);
  }
  if (years.size > 1 || parts.size > 1) return undefined;
  // "Kết quả 6 tháng đầu năm 2025": results measured over a part, of the year's groups; "Nhiệm vụ
  // trọng tâm 6 tháng cuối năm 2025": groups set for that part.
  if (!parts.size || toks.some((t, k) => t.t === 'word' && RESULT_WORDS.some((seq) => seq.every((w, q) => toks[k + q]?.low === w)))) return h.part ? { year: h.year, next: h.next } : h;
  return { ...h, part: [...parts][0] };
}

/** Words of a heading about results ("kết quả", "sơ kết", "đánh giá"), not about tasks set for a part of the year. */
const RESULT_WORDS = [['kết', 'quả'], ['sơ', 'kết'], ['tổng', 'kết'], ['đánh', 'giá'], ['tình', 'hình']];

// --- parts of a year ------------------------------------------------------------

const NUM_WORDS: Record<string, number> = { ba: 3, sáu: 6, chín: 9 };
const ROMAN: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4 };

/**
 * A part of a year starting at token k: "6 tháng đầu|cuối (năm)", "sáu tháng cuối năm", "9 tháng năm
 * 2025" (the first nine months), "nửa đầu|cuối năm", "quý I|1". "Trong 6 tháng" (a duration) and
 * "cuối năm" (a time) are not parts.
 */
function partAt(toks: Tok[], k: number): { part: string; end: number } | undefined {
  const t = toks[k];
  if (!t) return undefined;
  const w1 = toks[k + 1]?.t === 'word' ? toks[k + 1].low : undefined;
  const w2 = toks[k + 2]?.t === 'word' ? toks[k + 2].low : undefined;
  const n = t.t === 'num' ? t.int : t.t === 'word' ? NUM_WORDS[t.low] : undefined;
  if (n !== undefined && n >= 1 && n <= 11 && w1 === 'tháng') {
    if (w2 === 'đầu' || w2 === 'cuối') return { part: `${n} tháng ${w2}`, end: k + 3 };
    if (w2 === 'năm' && toks[k + 3]?.t === 'num') return { part: `${n} tháng đầu`, end: k + 2 };
    return undefined;
  }
  if (t.t === 'word' && t.low === 'nửa' && (w1 === 'đầu' || w1 === 'cuối') && w2 === 'năm') return { part: `6 tháng ${w1}`, end: k + 2 };
  if (t.t === 'word' && t.low === 'quý') {
    const q = toks[k + 1];
    const v = q?.t === 'num' ? q.int : q?.t === 'word' ? ROMAN[q.low] : undefined;
    if (v !== undefined && v >= 1 && v <= 4) return { part: `quý ${v}`, end: k + 2 };
  }
  return undefined;
}

/**
 * A period of several years named in tokens [from, to): "giai đoạn 2021 - 2025", "nhiệm kỳ 2020 -
 * 2025", "2021-2025", "kế hoạch 5 năm". "Giai đoạn tới" is the next period (NEXT_PERIOD), not this.
 */
function spanIn(toks: Tok[], from: number, to: number): string | undefined {
  for (let k = Math.max(0, from); k < to; k++) {
    const t = toks[k];
    if (t.t === 'num' && isYearVal(t.int) && isDash(toks[k + 1]) && isYearVal(toks[k + 2]?.int)) return `${t.int}-${toks[k + 2].int}`;
    if (t.t !== 'word') continue;
    const n = toks[k + 1]?.low;
    if ((t.low === 'giai' && n === 'đoạn') || (t.low === 'nhiệm' && n === 'kỳ')) {
      const a = toks[k + 2];
      if (a?.t === 'word' && (a.low === 'tới' || a.low === 'sau')) continue;
      if (a?.t === 'num' && isYearVal(a.int) && isDash(toks[k + 3]) && isYearVal(toks[k + 4]?.int)) return `${a.int}-${toks[k + 4].int}`;
      return `${t.low} ${n}`;
    }
    if (t.low === 'năm' && toks[k - 1]?.t === 'num' && (toks[k - 1].int ?? 0) >= 2 && (toks[k - 1].int ?? 0) <= 10 && toks[k - 2]?.low === 'hoạch') return `${toks[k - 1].int} năm`;
  }
  return undefined;
}

/** The last part of a year named in tokens [from, to). */
function partIn(toks: Tok[], from: number, to: number): string | undefined {
  let found: string | undefined;
  for (let k = Math.max(0, from); k < to; k++) {
    const p = partAt(toks, k);
    if (p && p.end <= to) found = p.part;
  }
  return found;
}

/** A part of a year whose last word is token `last` ("6 tháng cuối" before "năm 2025"). */
function partEndingAt(toks: Tok[], last: number): string | undefined {
  for (let k = Math.max(0, last - 3); k <= last; k++) {
    const p = partAt(toks, k);
    if (p && p.end === last + 1) return p.part;
  }
  return undefined;
}

const NON_EXHAUSTIVE = [['một', 'số'], ['trong', 'đó'], ['tiêu', 'biểu'], ['điển', 'hình'], ['chẳng', 'hạn'], ['ví', 'dụ'], ['nổi', 'bật'], ['chủ', 'yếu', 'như']];
const INTRO_CUE_END = [['gồm'], ['bao', 'gồm'], ['như', 'sau'], ['sau', 'đây'], ['cụ', 'thể'], ['đó', 'là'], ['là']];
/** Words read after the count to judge an introduction. */
const TAIL = 60;

function introOf(c: TaskCount, toks: Tok[], ix: SegIndex, iEnd: number, ss: number, se: number, segCounts: TaskCount[], exact: Int32Array, markers: Marker[]): Intro {
  // The first "(1)" / "a)" / "thứ nhất" after the count in this segment, with at most the end of
  // the count's own sentence between them.
  let inlineMarker: Marker | undefined;
  const mi = firstMarkerAfter(markers, c.phraseEnd);
  if (mi >= 0) {
    const m = markers[mi];
    const mk = tokAt(toks, m.s);
    const between = ix.terms[mk] - ix.terms[iEnd];
    if (between === 0 || (between === 1 && isTerm(toks[mk - 1]))) inlineMarker = m;
  }
  // What follows the count in the segment: nothing but the end of its sentence?
  const lastIdx = toks.length - 1;
  const lastSentence = lastIdx < iEnd || ix.terms[lastIdx] - ix.terms[iEnd] === 0;
  let colon = false;
  const lastTok = toks[lastIdx];
  if (lastSentence && lastTok) {
    if (lastTok.t === 'punct' && lastTok.text === ':') colon = true;
    else {
      const tail: string[] = [];
      for (let k = Math.max(iEnd, lastIdx - 2); k <= lastIdx; k++) if (toks[k].t === 'word') tail.push(toks[k].low);
      colon = INTRO_CUE_END.some((seq) => tail.length >= seq.length && seq.every((w, q) => tail[tail.length - seq.length + q] === w));
    }
  }
  // Ambiguity: another count in the introducing sentence, or a non-exhaustive cue.
  const sentenceFrom = toks[ss]?.s ?? c.start;
  const sentenceTo = inlineMarker ? inlineMarker.s : se < toks.length ? toks[se].e : Infinity;
  const lo = firstStartAtOrAfter(segCounts, sentenceFrom);
  const hi = firstStartAtOrAfter(segCounts, sentenceTo);
  let ambiguous = exact[hi] - exact[lo] - (c.approx ? 0 : 1) > 0;
  const tailWords: string[] = [];
  for (let k = iEnd; k < toks.length && k < iEnd + TAIL && toks[k].s < sentenceTo; k++) if (toks[k].t === 'word') tailWords.push(toks[k].low);
  if (NON_EXHAUSTIVE.some((seq) => hasSeq(tailWords, seq) >= 0)) ambiguous = true;
  const nhu = tailWords.indexOf('như');
  if (nhu >= 0 && tailWords[nhu + 1] !== 'sau') ambiguous = true;
  // A new plural noun phrase ("... và các nội dung sau:") takes over the enumeration.
  for (let q = 0; q < tailWords.length - 1; q++) {
    if ((tailWords[q] === 'các' || tailWords[q] === 'những') && tailWords[q + 1] !== c.noun.syllables[0]) ambiguous = true;
  }
  return { colon, lastSentence, inlineMarker, ambiguous };
}

/** The first strict rank-1 marker starting at or after `offset` (markers are few per segment). */
function firstMarkerAfter(markers: Marker[], offset: number): number {
  const lo = lowerBound(markers, offset, (m) => m.s);
  for (let i = lo; i < markers.length && i < lo + 50; i++) {
    const m = markers[i];
    if (m.s < offset || !m.strict) continue;
    return m.rank === 1 ? i : -1;
  }
  return -1;
}

// --- explicit item markers ---------------------------------------------------

const MARKER_RE = /\((\d{1,2})\)|(?<![\p{L}\p{M}\p{N}(])(\d{1,2})\)|\(([a-zđ])\)|(?<![\p{L}\p{M}\p{N}(])([a-zđ])\)|(?<![\p{L}\p{M}])thứ[ \u00a0]+(nhất|hai|ba|tư|năm|sáu|bảy|tám|chín|mười)(?![\p{L}\p{M}])/giu;

export function letterRank(ch: string): number {
  const c = ch.toLowerCase();
  if (c === 'đ') return 4.5;
  return c.charCodeAt(0) - 96;
}

function findMarkers(text: string, base: number): Marker[] {
  if (!/[)]|thứ/iu.test(text)) return [];
  const out: Marker[] = [];
  MARKER_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = MARKER_RE.exec(text))) {
    let style: MarkerStyle;
    let rank: number;
    let letter: string | undefined;
    if (m[1] !== undefined) {
      style = 'paren-num';
      rank = Number(m[1]);
    } else if (m[2] !== undefined) {
      style = 'num';
      rank = Number(m[2]);
    } else if (m[3] !== undefined) {
      style = 'paren-alpha';
      letter = m[3].toLowerCase();
      rank = letterRank(letter);
    } else if (m[4] !== undefined) {
      style = 'alpha';
      letter = m[4].toLowerCase();
      rank = letterRank(letter);
    } else {
      style = 'ordinal';
      rank = ORDINAL_WORDS.indexOf(m[5].toLowerCase()) + 1;
    }
    // Boundary: what precedes the marker, skipping spaces and masked text.
    let k = m.index - 1;
    while (k >= 0 && (text[k] === ' ' || text[k] === '\t' || text[k] === '\u0000' || text[k] === '\u00a0')) k--;
    const atStart = k < 0;
    let strict = atStart || text[k] === '\n' || ':;.,'.includes(text[k]);
    if (!strict) {
      const before = text.slice(Math.max(0, k - 3), k + 1).toLowerCase();
      if (/(?:^|[^\p{L}\p{M}])(?:và|hoặc)$/u.test(before)) strict = true;
    }
    // "a)" / "1)" in the middle of a line need a real boundary; skip other loose matches entirely.
    out.push({ style, rank, letter, s: base + m.index, e: base + m.index + m[0].length, strict, atStart });
  }
  return out;
}
