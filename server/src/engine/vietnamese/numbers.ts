// Vietnamese number tokenizer. Vietnamese writes 12,5 (decimal comma) and
// 10.000 / 87.500 (dot between thousands). Numeric clusters are found with one
// linear regex (digits joined by . , : / -) and classified by their shape and
// the characters around them, so that document numbers (247/QĐ-UBND), dates,
// times, section numbers (2.2.4), codes (H5N1, COVID-19) are never read as
// quantities.
import { analysis } from '../rule';
import type { Block } from '../types';
import { proseRuns } from './text';
import { C_LM, charClass } from './chars';

export type NumKind =
  | 'number' // a quantity: value is set
  | 'fraction' // a/b: numerator and denominator are set (a count, a rate, or a short date: consumers decide)
  | 'date' // d/m/yyyy, d-m-yyyy, d.m.yyyy, m/yyyy
  | 'time' // 02:53, 7h30
  | 'docnum' // 247/QĐ-UBND, 158/2024/QH15
  | 'section' // 2.2.4, or 1.2 at the start of a line
  | 'code' // H5N1, COVID-19, F0, 0912.345.678
  | 'other'; // an odd sequence such as 12,5,5,5

/** How a quantity is written. */
export type NumStyle =
  | 'plain' // 2022, 150
  | 'vi' // 12,5 · 10.000 · 1.234,5
  | 'vi-or-en' // 87,500: Vietnamese decimal with 3 places, or English thousands
  | 'en-decimal' // 12.5 (a dot before 1, 2 or 4+ digits)
  | 'en-thousands'; // 1,234,567 or 1,234.5

export interface NumToken {
  start: number;
  end: number;
  raw: string;
  kind: NumKind;
  /** For 'number': the value as read in Vietnamese (for 'en-*' styles, as read in English). */
  value?: number;
  /** Digits after the decimal separator as written (precision). */
  decimals?: number;
  style?: NumStyle;
  /** For 'fraction': the two numbers. */
  numerator?: NumToken;
  denominator?: NumToken;
  /** For 'date': day, month (1-12), year, and which parts are present. */
  date?: { day?: number; month?: number; year?: number; sep: string };
  /** A % or ‰ sign follows (possibly after a space). */
  percent?: '%' | '‰';
  /** Offset just after the % or ‰ sign. */
  percentEnd?: number;
  /** Whitespace between the number and its % sign (for number-format). */
  percentSpace?: boolean;
  /** A scale word follows: triệu, tỷ, nghìn, ngàn, vạn. */
  scale?: { word: string; factor: number; end: number };
  /** A 4-digit integer 1900-2100. */
  isYear?: boolean;
  /** Joined to the previous/next number by a hyphen or en dash (2021-2025, 2021 – 2025). */
  rangeWith?: 'prev' | 'next';
}

const SCALE = /^[ \u00a0]+(triệu|tỷ|tỉ|nghìn|ngàn|vạn|trăm)(?![\p{L}\p{M}])/u;
const SCALE_FACTOR: Record<string, number> = { triệu: 1e6, tỷ: 1e9, tỉ: 1e9, nghìn: 1e3, ngàn: 1e3, vạn: 1e4, trăm: 100 };
const UNITS_ATTACHED = /^(?:km|kg|mg|ml|mm|cm|m|g|l|ha|µg|mcg|mmol|ppm)(?![\p{L}\p{M}\d])/u;

/** Parse one Vietnamese-written number string ("12,5", "10.000", "1.234,5", "150"). */
export function parseViNumber(s: string): { value: number; decimals: number; style: NumStyle } | undefined {
  let m: RegExpExecArray | null;
  if (/^\d+$/.test(s)) return { value: Number(s), decimals: 0, style: 'plain' };
  if ((m = /^(\d{1,3}(?:\.\d{3})+)(?:,(\d+))?$/.exec(s))) {
    const int = Number(m[1].replace(/\./g, ''));
    return { value: m[2] ? Number(`${int}.${m[2]}`) : int, decimals: m[2]?.length ?? 0, style: 'vi' };
  }
  if ((m = /^(\d+),(\d+)$/.exec(s))) {
    const style: NumStyle = m[1].length <= 3 && m[2].length === 3 && m[1][0] !== '0' ? 'vi-or-en' : 'vi';
    return { value: Number(`${m[1]}.${m[2]}`), decimals: m[2].length, style };
  }
  if ((m = /^(\d{1,3}(?:,\d{3})+)(?:\.(\d+))?$/.exec(s))) {
    const int = Number(m[1].replace(/,/g, ''));
    return { value: m[2] ? Number(`${int}.${m[2]}`) : int, decimals: m[2]?.length ?? 0, style: 'en-thousands' };
  }
  if ((m = /^(\d+)\.(\d+)$/.exec(s))) {
    // 10.000 was taken above; here the dot is before 1-2 or 4+ digits, or after 4+ digits.
    return { value: Number(`${m[1]}.${m[2]}`), decimals: m[2].length, style: 'en-decimal' };
  }
  return undefined;
}

/** Tokenize the numbers in a string (a prose run). Offsets are relative to `text`. */
export function tokenizeNumbers(text: string): NumToken[] {
  const out: BlockNumber[] = [];
  tokenizeRange(text, 0, text.length, out, undefined, 0);
  return out;
}

export interface BlockNumber extends NumToken {
  /** Index of the segment (block.segments) the number is in. */
  segment: number;
}

/** All numbers of a block, in prose coordinates (cached while its rules run: transient). */
export const numbersOf = analysis('numbers', (block: Block): BlockNumber[] => {
  const out: BlockNumber[] = [];
  const p = block.prose;
  // The next digit of the prose, found natively by a regex (most runs have none): -1 none left.
  let next = 0;
  for (const run of proseRuns(block)) {
    const hi = run.start + run.text.length;
    if (next >= hi) continue;
    next = tokenizeRange(p, run.start, hi, out, run.segment, Math.max(next, run.start));
    if (next < 0) break;
  }
  return out;
}, { transient: true });

// The tokenizer reads `p` only inside [lo, hi) (one prose run, or a whole
// string): outside it there is nothing, exactly as if the run were cut out, so
// block numbers get prose offsets directly (no per-run copies to shift).
// Characters are read with charCodeAt and classified by table (chars.ts): this
// runs over every digit of every block.

const SEP_DOT = 1;
const SEP_COMMA = 2;
const SEP_COLON = 4;
const SEP_SLASH = 8;
const SEP_DASH = 16;

function sepFlag(c: number): number {
  return c === 46 ? SEP_DOT : c === 44 ? SEP_COMMA : c === 58 ? SEP_COLON : c === 47 ? SEP_SLASH : c === 45 ? SEP_DASH : 0;
}
const isDigit = (c: number) => c >= 48 && c <= 57;
const isLM = (c: number) => c >= 0 && (charClass(c) & C_LM) !== 0;
const isSpaceNb = (c: number) => c === 32 || c === 0xa0;

/** Every number token keeps one shape (all fields present): consumers' property reads stay monomorphic. */
function tok(start: number, end: number, raw: string, kind: NumKind, segment: number | undefined): BlockNumber {
  return {
    start,
    end,
    raw,
    kind,
    value: undefined,
    decimals: undefined,
    style: undefined,
    numerator: undefined,
    denominator: undefined,
    date: undefined,
    percent: undefined,
    percentEnd: undefined,
    percentSpace: undefined,
    scale: undefined,
    isYear: undefined,
    rangeWith: undefined,
    segment: segment as number,
  };
}

function numTok(start: number, end: number, raw: string, n: { value: number; decimals: number; style: NumStyle }, segment: number | undefined): BlockNumber {
  const t = tok(start, end, raw, 'number', segment);
  t.value = n.value;
  t.decimals = n.decimals;
  t.style = n.style;
  return t;
}

const isYearText = (s: string) => s.length === 4 && isDigit(s.charCodeAt(2)) && isDigit(s.charCodeAt(3)) && (s.startsWith('19') || s.startsWith('20'));

const DIGIT = /[0-9]/g;

/** Tokenize p[lo, hi) from `from`; returns the position of the first digit at or after hi, or -1 if there is none. */
function tokenizeRange(p: string, lo: number, hi: number, out: BlockNumber[], segment: number | undefined, from: number): number {
  const first = out.length;
  let i = from;
  for (;;) {
    DIGIT.lastIndex = i;
    if (!DIGIT.test(p)) {
      i = -1;
      break;
    }
    i = DIGIT.lastIndex - 1;
    if (i >= hi) break;
    // A cluster, as the regex \d+(?:[.,:/-]\d+)* reads it: digits joined by single separators.
    let j = i + 1;
    while (j < hi && isDigit(p.charCodeAt(j))) j++;
    let seps = 0;
    let dots = 0;
    let commas = 0;
    while (j + 1 < hi) {
      const c = p.charCodeAt(j);
      const f = sepFlag(c);
      if (!f || !isDigit(p.charCodeAt(j + 1))) break;
      seps |= f;
      if (f === SEP_DOT) dots++;
      else if (f === SEP_COMMA) commas++;
      j += 2;
      while (j < hi && isDigit(p.charCodeAt(j))) j++;
    }
    classify(p, lo, hi, i, j, seps, dots, commas, out, segment);
    i = j;
  }
  // Ranges: 2021-2025 inside one cluster were split by classify; "2021 - 2025" across clusters here.
  for (let k = first; k + 1 < out.length; k++) {
    const a = out[k];
    const b = out[k + 1];
    if (a.kind !== 'number' || b.kind !== 'number') continue;
    // The gap must read [ \u00a0]*[-–—][ \u00a0]*.
    let g = a.percentEnd ?? a.end;
    while (g < b.start && isSpaceNb(p.charCodeAt(g))) g++;
    if (g >= b.start) continue;
    const d = p.charCodeAt(g);
    if (d !== 45 && d !== 0x2013 && d !== 0x2014) continue;
    g++;
    while (g < b.start && isSpaceNb(p.charCodeAt(g))) g++;
    if (g !== b.start) continue;
    a.rangeWith = 'next';
    b.rangeWith = 'prev';
  }
  return i;
}

function classify(p: string, lo: number, hi: number, start: number, end: number, seps: number, dots: number, commas: number, out: BlockNumber[], segment: number | undefined): void {
  const before = start - 1 >= lo ? p.charCodeAt(start - 1) : -1;
  const before2 = start - 2 >= lo ? p.charCodeAt(start - 2) : -1;
  const after = end < hi ? p.charCodeAt(end) : -1;
  const after2 = end + 1 < hi ? p.charCodeAt(end + 1) : -1;
  const raw = p.slice(start, end);
  const plain = (kind: NumKind): void => {
    out.push(tok(start, end, raw, kind, segment));
  };

  // Attached to letters on the left: H5N1, COVID-19, F0, A/H5N1's "5".
  if (isLM(before) || ((before === 45 || before === 47 || before === 46) && isLM(before2))) return plain('code');
  // A document number: digits then "/" and a letter (247/QĐ-UBND, 158/2024/QH15).
  if (after === 47 && isLM(after2)) return plain('docnum');
  if (after === 45 && ((after2 >= 65 && after2 <= 90) || after2 === 0x110) && seps & SEP_SLASH) return plain('docnum');
  // Attached letters on the right: a unit (5km) is fine, anything else is a code (4G, 7h30 is a time).
  if (isLM(after)) {
    if (seps === 0 && end - start <= 2 && after === 104 && /^h\d{0,2}(?![\p{L}])/u.test(p.slice(end, Math.min(end + 4, hi))) && Number(raw) < 24) return plain('time');
    if (!UNITS_ATTACHED.test(p.slice(end, Math.min(end + 6, hi)))) return plain('code');
  }

  if (seps & SEP_COLON) return plain(/^\d{1,2}:\d{2}(?::\d{2})?$/.test(raw) ? 'time' : 'other');

  if (seps & SEP_SLASH) {
    const parts = raw.split('/');
    if (parts.length === 3 && parts.every((x) => /^\d+$/.test(x))) {
      const t = tok(start, end, raw, 'date', segment);
      t.date = { day: Number(parts[0]), month: Number(parts[1]), year: Number(parts[2]), sep: '/' };
      out.push(t);
      return;
    }
    if (parts.length === 2) {
      const [a, b] = parts;
      if (/^\d{1,2}$/.test(a) && /^(19|20)\d\d$/.test(b) && Number(a) >= 1 && Number(a) <= 12) {
        const t = tok(start, end, raw, 'date', segment);
        t.date = { month: Number(a), year: Number(b), sep: '/' };
        out.push(t);
        return;
      }
      const na = parseViNumber(a);
      const nb = parseViNumber(b);
      if (na && nb) {
        const t = tok(start, end, raw, 'fraction', segment);
        t.numerator = numTok(start, start + a.length, a, na, undefined);
        t.denominator = numTok(end - b.length, end, b, nb, undefined);
        withSuffix(p, hi, t);
        out.push(t);
        return;
      }
    }
    return plain('other');
  }

  if (seps & SEP_DASH) {
    const parts = raw.split('-');
    if (parts.length === 3 && parts.every((x) => /^\d+$/.test(x))) {
      // d-m-yyyy or yyyy-mm-dd
      const [x, y, z] = parts.map(Number);
      const t = tok(start, end, raw, 'date', segment);
      t.date = parts[0].length === 4 ? { year: x, month: y, day: z, sep: '-' } : { day: x, month: y, year: z, sep: '-' };
      out.push(t);
      return;
    }
    // A range 2021-2025 or 5-10: each side is its own number.
    const from = out.length;
    let off = start;
    for (const part of parts) {
      const n = parseViNumber(part);
      const t = n ? numTok(off, off + part.length, part, n, segment) : tok(off, off + part.length, part, 'other', segment);
      if (n && n.style === 'plain' && isYearText(part)) t.isYear = true;
      out.push(t);
      off += part.length + 1;
    }
    if (parts.length === 2) {
      out[from].rangeWith = 'next';
      out[from + 1].rangeWith = 'prev';
      withSuffix(p, hi, out[from + 1]);
    }
    return;
  }

  // A phone number or zero-padded code grouped with dots: 0912.345.678.
  if (raw.charCodeAt(0) === 48 && isDigit(raw.charCodeAt(1)) && dots >= 1 && commas === 0) return plain('code');
  if (dots >= 2 && commas === 0 && !/^\d{1,3}(\.\d{3})+$/.test(raw)) {
    const parts = raw.split('.');
    if (parts.length === 3 && /^(19|20)\d\d$/.test(parts[2]) && Number(parts[0]) <= 31 && Number(parts[1]) <= 12) {
      const t = tok(start, end, raw, 'date', segment);
      t.date = { day: Number(parts[0]), month: Number(parts[1]), year: Number(parts[2]), sep: '.' };
      out.push(t);
      return;
    }
    return plain('section');
  }
  let t: BlockNumber;
  if (seps === 0) {
    // Plain digits (most numbers): no parse needed.
    t = tok(start, end, raw, 'number', segment);
    t.value = Number(raw);
    t.decimals = 0;
    t.style = 'plain';
    if (isYearText(raw)) t.isYear = true;
  } else {
    const n = parseViNumber(raw);
    if (!n) return plain('other');
    // "1.2 Kết quả" at the start of a line is a section number, not 1.2.
    if (n.style === 'en-decimal' && lineStartBefore(p, lo, start) && (after === -1 || after === 32 || after === 46 || after === 41)) return plain('section');
    t = numTok(start, end, raw, n, segment);
  }
  withSuffix(p, hi, t);
  out.push(t);
}

/** Attach a following % / ‰ sign or scale word. */
function withSuffix(p: string, hi: number, t: NumToken): void {
  let i = t.end;
  while (i < hi && isSpaceNb(p.charCodeAt(i))) i++;
  const space = i > t.end;
  const c = i < hi ? p.charCodeAt(i) : -1;
  if ((c === 37 || c === 0x2030) && i - t.end <= 1) {
    t.percent = c === 37 ? '%' : '‰';
    t.percentEnd = i + 1;
    t.percentSpace = space;
    return;
  }
  // A scale word needs a space before it and starts with t, n or v, within 12 characters.
  if (!space || i >= t.end + 12 || (c !== 116 && c !== 110 && c !== 118)) return;
  const sm = SCALE.exec(p.slice(t.end, Math.min(t.end + 12, hi)));
  if (sm) t.scale = { word: sm[1], factor: SCALE_FACTOR[sm[1]], end: t.end + sm[0].length };
}

function lineStartBefore(p: string, lo: number, start: number): boolean {
  for (let i = start - 1; i >= lo; i--) {
    const c = p.charCodeAt(i);
    if (c === 10) return true;
    if (c !== 32 && c !== 9 && c !== 0 && c !== 35) return false;
  }
  return true;
}
