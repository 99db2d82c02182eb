// Shared reading for sum-mismatch and change-mismatch: tokens per segment
// (lex.ts), figures and units (figures.ts), prose breakdowns (breakdowns.ts),
// stated changes (changes.ts), table totals (tables.ts), and the arithmetic
// with rounding as written (verdicts.ts).
import type { Block, Draft } from '../types';
import type { ResolvedConfig } from '../config';
import { sentences, sumsTokens } from './lex';
import { readBreakdowns, type Breakdown } from './breakdowns';
import { readChanges, type Change } from './changes';
import type { Issue } from './verdicts';

export { breakdownIssues, changeIssue, type Issue } from './verdicts';
export type { Breakdown } from './breakdowns';
export type { Change } from './changes';

/** Every prose breakdown of the block (table cells are read by tables.ts). */
export function blockBreakdowns(block: Block, config: ResolvedConfig): Breakdown[] {
  const out: Breakdown[] = [];
  sumsTokens(block, config).forEach((toks, seg) => {
    if (block.segments[seg].kind === 'table-cell' && !hasWords(toks)) return;
    readBreakdowns(toks, sentences(toks), seg, out);
  });
  return out;
}

/** Every stated change of the block that names both values it joins. */
export function blockChanges(block: Block, config: ResolvedConfig): Change[] {
  const out: Change[] = [];
  sumsTokens(block, config).forEach((toks, seg) => {
    for (const [a, b] of sentences(toks)) readChanges(toks, a, b, seg, out);
  });
  return out;
}

function hasWords(toks: { t: string }[]): boolean {
  return toks.some((t) => t.t === 'w');
}

/** An issue as a rule draft (prose offsets). */
export function toDraft(i: Issue): Draft {
  return {
    start: i.start,
    end: i.end,
    message: i.message,
    severity: i.severity,
    related: i.related,
    fixes: i.fixes.length ? i.fixes.map((f) => ({ title: f.title, edits: [{ start: f.start, end: f.end, newText: f.newText }], safe: false })) : undefined,
    data: i.data,
  };
}
