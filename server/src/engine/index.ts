// The engine's public API: plain functions from text and config to findings and
// edits. The server, the CLI and the tests all call these.
import { allRules } from './rules';
import { runCheck, checkSteps, DocumentCache, CancelledError, buildDocModel, docModelSteps, docOffset, type CheckOptions, type CheckStats } from './engine';
import { applyFixes } from './fixes';
import { defaultConfig, parseConfig, resolveConfig, buildConfigSchema, type ResolvedConfig, type RawConfig, type ConfigProblem } from './config';
import type { Finding } from './types';
import type { Rule } from './rule';

export * from './types';
export { LineIndex, type Position, type Range } from './document';
export { isHighSurrogate } from './chars';
export { isVietnameseText } from './detect';
export { applyFixes, applyEditGroups } from './fixes';
export { docsUrl, analysisRuns } from './rule';
export { msg, localize } from './msg';
// The indicator and task models, for the editor features (hover, outline, summary).
export { indicatorSummary, renderIndicatorSummary, crossReportConflicts, newCrossMemo, type IndicatorMentionInfo, type CrossReport, type CrossMention, type CrossMemo, type CrossStats } from './indicators';
export { taskSummary, taskHover, type TaskSummary, type TaskCountSummary, type TaskGroupSummary } from './tasks';
export type { Rule, RuleContext, DocModel } from './rule';
export { DocumentCache, CancelledError, checkSteps, buildDocModel, docModelSteps, docOffset, type CheckOptions, type CheckStats };
export { parseConfig, resolveConfig, buildConfigSchema, type ResolvedConfig, type RawConfig, type ConfigProblem };
export { allRules };

export const rulesById: ReadonlyMap<string, Rule> = new Map(allRules.map((r) => [r.meta.id, r]));

let defaults: ResolvedConfig | undefined;
/** The config with every rule at its default. */
export function getDefaultConfig(): ResolvedConfig {
  return (defaults ??= defaultConfig(allRules));
}

/** Parse .vnhrrc.json text against the registry. */
export function loadConfig(text: string): { config: ResolvedConfig; problems: ConfigProblem[] } {
  return parseConfig(text, allRules);
}

export function configFromObject(raw: RawConfig): ResolvedConfig {
  return resolveConfig(raw, allRules);
}

export function configSchema(): Record<string, unknown> {
  return buildConfigSchema(allRules);
}

/** Check a document. */
export function check(text: string, config: ResolvedConfig = getDefaultConfig(), opts: CheckOptions = {}): Finding[] {
  return runCheck(text, allRules, config, opts);
}

export interface FixAllOptions {
  /** Only these rules' fixes (and findings) count. */
  only?: readonly string[];
  /** At most this many apply-and-re-check rounds (default 10). */
  maxRounds?: number;
  /**
   * Findings already known for `text` (the server's published ones): the first
   * round applies them instead of checking `text` again.
   */
  findings?: readonly Finding[];
  /** The cache the re-checks go through (default: a fresh one). */
  cache?: DocumentCache;
}

/**
 * Fix-all: apply non-overlapping safe fixes, re-check, repeat until nothing
 * fixable is left (at most `maxRounds`). Fixing twice equals fixing once.
 * The one fix-all loop: the CLI, the server and the tests all run this.
 */
export function fixAll(text: string, config: ResolvedConfig = getDefaultConfig(), opts: FixAllOptions = {}): { text: string; rounds: number; applied: number } {
  const { only } = opts;
  let cur = text;
  let applied = 0;
  let rounds = 0;
  const cache = opts.cache ?? new DocumentCache();
  let known = opts.findings && (only ? opts.findings.filter((f) => only.includes(f.rule)) : opts.findings);
  for (; rounds < (opts.maxRounds ?? 10); rounds++) {
    const findings = known ?? check(cur, config, { cache, only });
    known = undefined;
    const r = applyFixes(cur, findings);
    if (!r.applied || r.text === cur) break;
    applied += r.applied;
    cur = r.text;
  }
  return { text: cur, rounds, applied };
}
