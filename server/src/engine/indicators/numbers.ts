// What a number token of the indicator lexer is: a year, a figure, its value.
import type { Tok } from './lexer';
import { parseViNumber } from '../vietnamese/numbers';

export type NumTok = Extract<Tok, { t: 'n' }>;

export const isN = (t: Tok | undefined): t is NumTok => !!t && t.t === 'n';

/** A year ("2023"), also when the tokenizer saw it as a code. */
export function isYearTok(t: Tok | undefined): boolean {
  if (!isN(t) || t.num.percent || t.num.scale) return false;
  if (t.num.kind === 'number') return !!t.num.isYear;
  return t.num.kind === 'code' && /^(19|20)\d\d$/.test(t.num.raw);
}

/** The year a year token says. */
export const yearOf = (t: Tok): number => Number((t as NumTok).num.raw);

/** A figure's numeric value, also for tokens the tokenizer saw as codes ("sĩ/10.000") or document numbers ("12,5/vạn"). */
export function numValue(t: Tok | undefined): { value: number; decimals: number } | undefined {
  if (!isN(t)) return undefined;
  const n = t.num;
  if (n.kind === 'number') return n.value === undefined ? undefined : { value: n.value, decimals: n.decimals ?? 0 };
  if (n.kind === 'code' || n.kind === 'docnum') {
    const v = parseViNumber(n.raw);
    return v && (v.style === 'plain' || v.style === 'vi' || v.style === 'vi-or-en') ? { value: v.value, decimals: v.decimals } : undefined;
  }
  return undefined;
}

/** Could this number token be a figure (not a year, date, time, section number...)? */
export function figureLike(t: Tok | undefined): boolean {
  if (!isN(t)) return false;
  const k = t.num.kind;
  if (k === 'number') return !isYearTok(t) || !!t.num.percent;
  if (k === 'fraction') return true;
  if (k === 'code' || k === 'docnum') return !!numValue(t) && !isYearTok(t);
  return false;
}
