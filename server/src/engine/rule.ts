// The contract every rule file implements. A rule file exports `rule: Rule`.
import type { Block, Draft, RuleMeta } from './types';
import type { ResolvedConfig } from './config';

export interface RuleContext {
  /** This rule's options from the config (merged over the rule's defaults). */
  options: Record<string, unknown>;
  /** The whole resolved config (terms, indicator catalogue, task nouns...). */
  config: ResolvedConfig;
}

/** A document-level draft names the block its offsets are relative to. */
export interface DocDraft extends Draft {
  block: Block;
}

export interface DocModel {
  /** All top-level blocks in document order (fences/HTML/front matter included, with no segments). */
  blocks: Block[];
  /** The year the document is about, from its front matter or title, if any. */
  year?: number;
  /** Front matter key/values (flat, strings), if any. */
  frontMatter: Record<string, string>;
  /**
   * Survives between checks of the same document (the server's DocumentCache;
   * a fresh Map for a one-off check). Document rules keep here what lets them
   * redo only the work of changed blocks: key entries by rule or family name.
   * Whatever is kept, the findings must equal a fresh check's
   * (test/unit/incremental.test.ts). Cleared when the config changes.
   */
  store: Map<string, unknown>;
}

export interface Rule {
  meta: RuleMeta;
  /**
   * Per-block check: a pure function of the block and the config. Results are
   * cached with the block, so typing re-runs it only for blocks that changed.
   */
  checkBlock?(block: Block, ctx: RuleContext): Draft[];
  /**
   * Document-wide check (comparisons across blocks). Must be linear in the
   * number of blocks/mentions: build per-block facts with `analysis()` so they
   * are cached, then compare with maps, never pairwise loops.
   */
  checkDocument?(doc: DocModel, ctx: RuleContext): DocDraft[];
}

/**
 * Memo keys dropped from a block once its block rules have run: analyses only
 * block rules use (token lists, words). Whatever document rules or editor
 * features read must not be transient, or every check would recompute it for
 * every block (test/unit/incremental.test.ts counts the recomputations).
 */
export const TRANSIENT = new Set<string>();

/**
 * Analyses document steps read, computed for a new block right after its block
 * rules and before its TRANSIENT memos are dropped: they share the block
 * phase's short-lived work (tokens, readings) instead of redoing it later.
 */
export const BLOCK_PHASE: ((block: Block, config: ResolvedConfig) => unknown)[] = [];

/** How many times each analysis was computed (for the benchmark and the incrementality tests). */
export const analysisRuns = new Map<string, number>();

/**
 * Declare a per-block analysis (numbers, words, mentions...) computed once per
 * block and cached on it. The config is part of the engine's block-cache key, so
 * a config change gives fresh blocks. `transient`: see TRANSIENT.
 */
export function analysis<T>(
  name: string,
  compute: (block: Block, config: ResolvedConfig) => T,
  opts: { transient?: boolean; blockPhase?: boolean } = {},
): (block: Block, config: ResolvedConfig) => T {
  if (opts.transient) TRANSIENT.add(name);
  const get = (block: Block, config: ResolvedConfig): T => {
    if (block.memo.has(name)) return block.memo.get(name) as T;
    analysisRuns.set(name, (analysisRuns.get(name) ?? 0) + 1);
    const value = compute(block, config);
    block.memo.set(name, value);
    return value;
  };
  if (opts.blockPhase) BLOCK_PHASE.push(get);
  return get;
}

/** Doc page URLs (rules and front ends import it from here or the index). */
export { docsUrl } from './docs';

/** Bilingual messages (rules import it from here). */
export { msg } from './msg';
