// The engine's public API: plain functions from text and config to findings and
// edits. The server, the CLI and the tests all call these.
import { allRules } from './rules';
import { runCheck, checkSteps, DocumentCache, CancelledError, buildDocModel, docModelSteps, docOffset, type CheckOptions, type CheckStats } from './engine';
import { applyFixes } from './fixes';
import { defaultConfig, parseConfig, resolveConfig, buildConfigSchema, type ResolvedConfig, type RawConfig, type ConfigProblem } from './config';
import type { Finding, Locale } from './types';
import type { Rule } from './rule';

export * from './types';
export { LineIndex, type Position, type Range } from './document';
export { isVietnameseText } from './detect';
export { applyFixes, applyEditGroups } from './fixes';
export { docsUrl, analysisRuns } from './rule';
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

/**
 * Fix-all: apply non-overlapping safe fixes, re-check, repeat until nothing
 * fixable is left (at most `maxRounds`). Fixing twice equals fixing once.
 */
export function fixAll(text: string, config: ResolvedConfig = getDefaultConfig(), opts: { only?: readonly string[]; maxRounds?: number } = {}): { text: string; rounds: number; applied: number } {
  let cur = text;
  let applied = 0;
  let rounds = 0;
  const cache = new DocumentCache();
  for (; rounds < (opts.maxRounds ?? 10); rounds++) {
    const findings = check(cur, config, { cache, only: opts.only });
    const r = applyFixes(cur, findings);
    if (!r.applied || r.text === cur) break;
    applied += r.applied;
    cur = r.text;
  }
  return { text: cur, rounds, applied };
}

export function localize(m: { vi: string; en: string }, locale: Locale): string {
  return locale === 'en' ? m.en : m.vi;
}
