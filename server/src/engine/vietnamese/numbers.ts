// Vietnamese number tokenizer. Vietnamese writes 12,5 (decimal comma) and
// 10.000 / 87.500 (dot between thousands). Numeric clusters are found with one
// linear regex (digits joined by . , : / -) and classified by their shape and
// the characters around them, so that document numbers (247/QĐ-UBND), dates,
// times, section numbers (2.2.4), codes (H5N1, COVID-19) are never read as
// quantities.
import { analysis } from '../rule';
import type { Block } from '../types';
import { proseRuns } from './text';

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

const CLUSTER = /\d+(?:[.,:/-]\d+)*/g;
const LETTER = /[\p{L}\p{M}]/u;
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
  const out: NumToken[] = [];
  CLUSTER.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = CLUSTER.exec(text))) {
    const raw = m[0];
    const start = m.index;
    const end = start + raw.length;
    for (const t of classify(text, raw, start, end)) out.push(t);
  }
  // Ranges: 2021-2025 inside one cluster were split by classify; "2021 - 2025" across clusters here.
  for (let i = 0; i + 1 < out.length; i++) {
    const a = out[i];
    const b = out[i + 1];
    if (a.kind !== 'number' || b.kind !== 'number') continue;
    const gap = text.slice(a.percentEnd ?? a.end, b.start);
    if (/^[ \u00a0]*[-–—][ \u00a0]*$/.test(gap)) {
      a.rangeWith = 'next';
      b.rangeWith = 'prev';
    }
  }
  return out;
}

function classify(text: string, raw: string, start: number, end: number): NumToken[] {
  const before = text[start - 1] ?? '';
  const before2 = text[start - 2] ?? '';
  const after = text[end] ?? '';
  const after2 = text[end + 1] ?? '';
  const base = { start, end, raw };

  // Attached to letters on the left: H5N1, COVID-19, F0, A/H5N1's "5".
  if (LETTER.test(before) || ((before === '-' || before === '/' || before === '.') && LETTER.test(before2))) return [{ ...base, kind: 'code' }];
  // A document number: digits then "/" and a letter (247/QĐ-UBND, 158/2024/QH15).
  if (after === '/' && LETTER.test(after2)) return [{ ...base, kind: 'docnum' }];
  if (after === '-' && /[A-ZĐ]/.test(after2) && raw.includes('/')) return [{ ...base, kind: 'docnum' }];
  // Attached letters on the right: a unit (5km) is fine, anything else is a code (4G, 7h30 is a time).
  if (LETTER.test(after)) {
    if (/^\d{1,2}$/.test(raw) && /^h\d{0,2}(?![\p{L}])/u.test(text.slice(end, end + 4)) && Number(raw) < 24) return [{ ...base, kind: 'time' }];
    if (!UNITS_ATTACHED.test(text.slice(end, end + 6))) return [{ ...base, kind: 'code' }];
  }

  if (raw.includes(':')) return [{ ...base, kind: /^\d{1,2}:\d{2}(?::\d{2})?$/.test(raw) ? 'time' : 'other' }];

  if (raw.includes('/')) {
    const parts = raw.split('/');
    if (parts.length === 3 && parts.every((p) => /^\d+$/.test(p))) {
      return [{ ...base, kind: 'date', date: { day: Number(parts[0]), month: Number(parts[1]), year: Number(parts[2]), sep: '/' } }];
    }
    if (parts.length === 2) {
      const [a, b] = parts;
      if (/^\d{1,2}$/.test(a) && /^(19|20)\d\d$/.test(b) && Number(a) >= 1 && Number(a) <= 12) {
        return [{ ...base, kind: 'date', date: { month: Number(a), year: Number(b), sep: '/' } }];
      }
      const na = parseViNumber(a);
      const nb = parseViNumber(b);
      if (na && nb) {
        const num: NumToken = { start, end: start + a.length, raw: a, kind: 'number', value: na.value, decimals: na.decimals, style: na.style };
        const den: NumToken = { start: end - b.length, end, raw: b, kind: 'number', value: nb.value, decimals: nb.decimals, style: nb.style };
        return [withSuffix(text, { ...base, kind: 'fraction', numerator: num, denominator: den })];
      }
    }
    return [{ ...base, kind: 'other' }];
  }

  if (raw.includes('-')) {
    const parts = raw.split('-');
    if (parts.length === 3 && parts.every((p) => /^\d+$/.test(p))) {
      // d-m-yyyy or yyyy-mm-dd
      const [x, y, z] = parts.map(Number);
      const date = parts[0].length === 4 ? { year: x, month: y, day: z, sep: '-' } : { day: x, month: y, year: z, sep: '-' };
      return [{ ...base, kind: 'date', date }];
    }
    // A range 2021-2025 or 5-10: each side is its own number.
    const toks: NumToken[] = [];
    let off = start;
    for (const p of parts) {
      const n = parseViNumber(p);
      const t: NumToken = n
        ? { start: off, end: off + p.length, raw: p, kind: 'number', value: n.value, decimals: n.decimals, style: n.style }
        : { start: off, end: off + p.length, raw: p, kind: 'other' };
      if (t.kind === 'number' && n!.style === 'plain' && /^(19|20)\d\d$/.test(p)) t.isYear = true;
      toks.push(t);
      off += p.length + 1;
    }
    if (toks.length === 2) {
      toks[0].rangeWith = 'next';
      toks[1].rangeWith = 'prev';
      toks[1] = withSuffix(text, toks[1]);
    }
    return toks;
  }

  const dots = raw.split('.').length - 1;
  const commas = raw.split(',').length - 1;
  // A phone number or zero-padded code grouped with dots: 0912.345.678.
  if (/^0\d/.test(raw) && dots >= 1 && commas === 0) return [{ ...base, kind: 'code' }];
  if (dots >= 2 && commas === 0 && !/^\d{1,3}(\.\d{3})+$/.test(raw)) {
    const parts = raw.split('.');
    if (parts.length === 3 && /^(19|20)\d\d$/.test(parts[2]) && Number(parts[0]) <= 31 && Number(parts[1]) <= 12) {
      return [{ ...base, kind: 'date', date: { day: Number(parts[0]), month: Number(parts[1]), year: Number(parts[2]), sep: '.' } }];
    }
    return [{ ...base, kind: 'section' }];
  }
  const n = parseViNumber(raw);
  if (!n) return [{ ...base, kind: 'other' }];
  // "1.2 Kết quả" at the start of a line is a section number, not 1.2.
  if (n.style === 'en-decimal' && lineStartBefore(text, start) && /^[ .)]/.test(after || ' ')) return [{ ...base, kind: 'section' }];
  const t: NumToken = { ...base, kind: 'number', value: n.value, decimals: n.decimals, style: n.style };
  if (n.style === 'plain' && /^(19|20)\d\d$/.test(raw)) t.isYear = true;
  return [withSuffix(text, t)];
}

/** Attach a following % / ‰ sign or scale word. */
function withSuffix(text: string, t: NumToken): NumToken {
  let i = t.end;
  let space = false;
  while (text[i] === ' ' || text[i] === '\u00a0') {
    i++;
    space = true;
  }
  const c = text[i];
  if ((c === '%' || c === '‰') && i - t.end <= 1) {
    t.percent = c;
    t.percentEnd = i + 1;
    t.percentSpace = space;
    return t;
  }
  const sm = SCALE.exec(text.slice(t.end, t.end + 12));
  if (sm) t.scale = { word: sm[1], factor: SCALE_FACTOR[sm[1]], end: t.end + sm[0].length };
  return t;
}

function lineStartBefore(text: string, start: number): boolean {
  for (let i = start - 1; i >= 0; i--) {
    const c = text[i];
    if (c === '\n') return true;
    if (c !== ' ' && c !== '\t' && c !== '\u0000' && c !== '#') return false;
  }
  return true;
}

export interface BlockNumber extends NumToken {
  /** Index of the segment (block.segments) the number is in. */
  segment: number;
}

/** All numbers of a block, in prose coordinates (cached per block). */
export const numbersOf = analysis('numbers', (block: Block): BlockNumber[] => {
  const out: BlockNumber[] = [];
  for (const run of proseRuns(block)) {
    if (!/\d/.test(run.text)) continue;
    for (const t of tokenizeNumbers(run.text)) out.push(shift(t, run.start, run.segment));
  }
  return out;
});

function shift(t: NumToken, by: number, segment: number): BlockNumber {
  const s = (x: NumToken): NumToken => ({
    ...x,
    start: x.start + by,
    end: x.end + by,
    percentEnd: x.percentEnd === undefined ? undefined : x.percentEnd + by,
    scale: x.scale ? { ...x.scale, end: x.scale.end + by } : undefined,
  });
  const r = s(t) as BlockNumber;
  r.segment = segment;
  if (t.numerator) r.numerator = s(t.numerator);
  if (t.denominator) r.denominator = s(t.denominator);
  return r;
}
