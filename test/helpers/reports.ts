// The six hand-written, CORRECT reports in test/reports/ (one per issuer). Every
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
