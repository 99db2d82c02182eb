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
  /** Which document (its URI or path; '' for a one-off check): what group members carry. */
  id: string;
  /** Zero-based document line of a prose offset in one of `blocks` (kept up to date by the engine between checks). */
  lineOf(block: Block, proseOffset: number): number;
  /** Zero-based document line of the first line of `blocks[i]`. */
  blockLine(i: number): number;
}

/** One block's facts of one group (see GroupSpec). */
export interface Member<F> {
  readonly block: Block;
  /** The document the block belongs to (DocModel.id): groups may one day span documents. */
  readonly docId: string;
  /** This block's facts with the group's key, in the order `facts` gave them. */
  readonly facts: readonly F[];
}

/** The facts of a document that share one key. */
export interface Group<F, T = unknown> {
  readonly key: string;
  /** Blocks with facts of this key, in document order (sorted when first asked after a change). */
  readonly members: readonly Member<F>[];
  /** The running total of the spec's `tally`, over the current members. */
  readonly tally: T;
}

/**
 * A document-wide rule as the engine runs it incrementally: per-block facts,
 * a key to group them by, and what one group gives. The engine keeps the
 * groups between checks of a document, updates them from the blocks an edit
 * replaced, and calls `summary`/`drafts` only for groups that changed (and
 * `drafts` only for the members whose drafts may differ). Whatever is reused,
 * the findings equal a fresh check's (test/unit/incremental.test.ts).
 */
export interface GroupSpec<F, S, T = undefined> {
  /**
   * A block's facts (only blocks with segments are asked). The same array
   * object means the same facts: declare them with `analysis()`.
   */
  facts?(block: Block, ctx: RuleContext): readonly F[];
  /**
   * Facts read by a document step (they may change while the block stays):
   * every block with facts and its facts, in document order, on every check;
   * a block whose array is not the same object as last time is regrouped.
   */
  documentFacts?(doc: DocModel, ctx: RuleContext): Iterable<{ block: Block; facts: readonly F[] }>;
  /** The group a fact belongs to; undefined: the fact is not compared. */
  key(fact: F): string | undefined;
  /**
   * A running total kept as members join (sign 1) and leave (sign -1), so a
   * big group's summary need not walk every member on every edit.
   */
  tally?: { zero(): T; add(total: T, m: Member<F>, sign: 1 | -1): void };
  /** What every member's drafts depend on besides its own facts; undefined: the group has no findings. */
  summary(group: Group<F, T>, ctx: RuleContext): S | undefined;
  /** Summaries that give every unchanged member the same drafts (a group-wide comparison). */
  same?(a: S, b: S): boolean;
  /** Or per member: drafts made for `m` with summary `a` still hold with `b`. */
  sameFor?(m: Member<F>, a: S, b: S): boolean;
  /**
   * One member's drafts. Line numbers come from `lines.lineOf` (zero-based):
   * the engine notes the lines read and redoes the drafts when one moves.
   */
  drafts(m: Member<F>, summary: S, group: Group<F, T>, ctx: RuleContext, lines: { lineOf(block: Block, proseOffset: number): number }): DocDraft[];
}

/** Declare a rule's groups (keeps the rule's fact and summary types checked). */
export function groupSpec<F, S, T = undefined>(spec: GroupSpec<F, S, T>): GroupSpec<unknown, unknown, unknown> {
  return spec as unknown as GroupSpec<unknown, unknown, unknown>;
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
  /** Document-wide check as groups of per-block facts, run incrementally by the engine (engine/groups.ts). */
  groups?: GroupSpec<unknown, unknown, unknown>;
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
