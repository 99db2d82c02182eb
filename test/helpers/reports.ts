// The hand-written, CORRECT reports in test/reports/ (one per issuer, two six-month reviews, and four genres:
// a CDC six-month review, a population report, a food-safety inter-sector report, answers to council questions). Every
// figure in them was computed (fractions, ratios, sums, changes agree), so any
// high-stakes finding on them is a false alarm. commune-tyt.md has CRLF line ends.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from './corpus';

export interface Report {
  /** file name, e.g. "district-ttyt.md" */
  name: string;
  text: string;
}

export const REPORTS_DIR = join(REPO_ROOT, 'test', 'reports');

let cache: Report[] | undefined;
export function loadReports(): Report[] {
  if (cache) return cache;
  return (cache = readdirSync(REPORTS_DIR)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((name) => ({ name, text: readFileSync(join(REPORTS_DIR, name), 'utf8') })));
}

/** The rules whose findings on a correct report are false alarms (besides any warning/error). */
export const HIGH_STAKES_PREFIXES = ['indicator-', 'fraction-', 'task-', 'sum-', 'change-'];

export function isHighStakes(rule: string, severity: string): boolean {
  return HIGH_STAKES_PREFIXES.some((p) => rule.startsWith(p)) || severity === 'warning' || severity === 'error';
}

/** 0-based line of an offset (works for LF and CRLF). */
export function lineOf(text: string, offset: number): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/** The text of a 0-based line, without its line break. */
export function lineText(text: string, line: number): string {
  return text.split(/\r?\n/)[line] ?? '';
}

const TONES = '[\u0300\u0301\u0303\u0309\u0323]';
const WORD_END = '(?![\\p{L}\\p{M}])';
const OLD_OA = new RegExp(`([oO])(${TONES})([aAeE])${WORD_END}`, 'gu');
const OLD_UY = new RegExp(`(?<![qQ])([uU])(${TONES})([yY])${WORD_END}`, 'gu');
const NEW_OA = new RegExp(`([oO])([aAeE])(${TONES})${WORD_END}`, 'gu');
const NEW_UY = new RegExp(`(?<![qQ])([uU])([yY])(${TONES})${WORD_END}`, 'gu');

/**
 * The text in the other tone-mark style: the two styles differ only in open syllables
 * oa, oe, uy (not after qu): traditional hòa, khỏe, thủy ↔ reformed hoà, khoẻ, thuỷ.
 * Whichever style has more syllables in the text is turned into the other.
 */
export function swapToneStyle(text: string): string {
  const d = text.normalize('NFD');
  const old = (d.match(OLD_OA)?.length ?? 0) + (d.match(OLD_UY)?.length ?? 0);
  const neu = (d.match(NEW_OA)?.length ?? 0) + (d.match(NEW_UY)?.length ?? 0);
  const out = old >= neu ? d.replace(OLD_OA, '$1$3$2').replace(OLD_UY, '$1$3$2') : d.replace(NEW_OA, '$1$3$2').replace(NEW_UY, '$1$3$2');
  return out.normalize('NFC');
}
