// The check pipeline: chunks -> blocks (cached by text) -> per-block rules
// (cached with the block) -> document rules -> inline-disable filter.
import { LineIndex } from './document';
import { parseChunk, resplitChunks, splitChunks, type Chunk } from './markdown';
import type { Block, Draft, Finding, Fix, Related, Severity } from './types';
import { BLOCK_PHASE, TRANSIENT, type DocModel, type Rule, type RuleContext } from './rule';
import type { ResolvedConfig } from './config';
import { computeDisabled, type DisabledRanges } from './disable';
import { documentMeta } from './docmeta';
import { BlockLines } from './blockdiff';
import { GroupRunner, keptStates } from './groups';

export class CancelledError extends Error {
  constructor() {
    super('check cancelled');
  }
}

/**
 * Cache of parsed blocks for one document, keyed by chunk text. Reused across
 * checks of successive versions: an edit re-parses only the chunks it touched.
 */
export class DocumentCache {
  configKey = '';
  private pool = new Map<string, Block[]>();
  /** Lines before each block, updated from the blocks an edit replaced. */
  readonly lines = new BlockLines();
  /** The groups of each grouped document rule (rule.ts GroupSpec); dropped with the blocks when the config changes. */
  readonly runners = new Map<string, GroupRunner>();
  /**
   * What the families' document steps (indicators/resolve.ts, tasks/match.ts)
   * keep between checks of this document, by owner; dropped with the blocks
   * when the config changes. Engine-private: reached through `keptFor`.
   */
  readonly kept = new Map<string, unknown>();
  private prevText?: string;
  private prevChunks: Chunk[] = [];

  /** The chunks of this version, re-splitting only around what changed since the last one. */
  chunksFor(text: string): Chunk[] {
    const chunks = this.prevText === undefined ? splitChunks(text) : resplitChunks(this.prevText, this.prevChunks, text);
    this.prevText = text;
    this.prevChunks = chunks;
    return chunks;
  }

  /** Chunks parsed into new blocks by this cache so far (tests count the work between yields). */
  parsed = 0;

  /** Take blocks for these chunks, reusing cached ones; forget the rest. */
  blocksFor(chunks: Chunk[], configKey: string): { blocks: Block[]; reused: number } {
    const it = this.blockSteps(chunks, configKey);
    for (;;) {
      const r = it.next();
      if (r.done) return r.value;
    }
  }

  /**
   * blocksFor as steps: yields after every PARSE_SLICE newly parsed chunks, so
   * the first check of a 10 MB document does not hold the server for seconds.
   */
  *blockSteps(chunks: Chunk[], configKey: string): Generator<void, { blocks: Block[]; reused: number }, void> {
    if (configKey !== this.configKey) {
      this.pool.clear();
      this.runners.clear();
      this.kept.clear();
      this.configKey = configKey;
    }
    const next = new Map<string, Block[]>();
    const blocks: Block[] = [];
    let reused = 0;
    for (const c of chunks) {
      // The chunk text itself is the key (a concatenated key would be copied
      // and hashed anew on every check); the one front matter chunk is marked.
      const key = c.kind === 'frontmatter' ? '\u0001' + c.text : c.text;
      const list = this.pool.get(key);
      let b = list?.pop();
      if (b) reused++;
      else {
        b = parseChunk(c);
        if (++this.parsed % PARSE_SLICE === 0) yield;
      }
      b.start = c.start;
      blocks.push(b);
      const n = next.get(key);
      if (n) n.push(b);
      else next.set(key, [b]);
    }
    // Blocks with the same text are taken back with pop() (shift() would be
    // quadratic on a run of identical chunks): store them last-first so each
    // keeps its place next time (document rules reuse work for runs of
    // unchanged blocks, compared by identity).
    for (const l of next.values()) if (l.length > 1) l.reverse();
    this.pool = next;
    return { blocks, reused };
  }
}

/** New chunks parsed between two yields of blockSteps. */
export const PARSE_SLICE = 64;

export interface CheckOptions {
  cache?: DocumentCache;
  /** Only these rules (ids); default: all enabled by the config. */
  only?: readonly string[];
  /** Called between blocks; return true to stop (throws CancelledError). */
  isCancelled?: () => boolean;
  /** Statistics out-parameter (for the benchmark). */
  stats?: CheckStats;
  /** The document's URI or path (DocModel.id); '' by default. */
  docId?: string;
}

export interface CheckStats {
  blocks: number;
  reusedBlocks: number;
  msByFamily: Record<string, number>;
  /** Per rule, per-block and document phases together. */
  msByRule?: Record<string, number>;
  msParse: number;
  /** Engine overhead outside the rules: per-block loop (cached drafts to findings), document meta, disable comments and sort. */
  msLoop?: number;
  msMeta?: number;
  msFinish?: number;
}

/**
 * The steps of a check. A generator so the server can slice the work (yield to
 * other requests) while the CLI and tests run it to the end synchronously.
 */
export function* checkSteps(text: string, rules: readonly Rule[], config: ResolvedConfig, opts: CheckOptions = {}): Generator<void, Finding[], void> {
  const stats = opts.stats;
  const t0 = stats ? performance.now() : 0;
  const cache = opts.cache ?? new DocumentCache();
  const { blocks, reused } = yield* cache.blockSteps(cache.chunksFor(text), config.key);
  if (stats) {
    stats.blocks = blocks.length;
    stats.reusedBlocks = reused;
    stats.msParse = performance.now() - t0;
  }
  const active = rules.filter((r) => config.rules[r.meta.id]?.enabled && (!opts.only || opts.only.includes(r.meta.id)));
  const ctxFor = (r: Rule): RuleContext => ({ options: config.rules[r.meta.id]?.options ?? {}, config });
  const out: Finding[] = [];
  const timeFamily = (r: Rule, t: number) => {
    if (!stats) return;
    const dt = performance.now() - t;
    stats.msByFamily[r.meta.family] = (stats.msByFamily[r.meta.family] ?? 0) + dt;
    stats.msByRule ??= {};
    stats.msByRule[r.meta.id] = (stats.msByRule[r.meta.id] ?? 0) + dt;
  };
  if (stats) {
    stats.msByFamily = {};
    stats.msByRule = {};
  }

  // One memo entry per block for all block rules: typing re-runs rules only in
  // changed blocks, and unchanged blocks cost one lookup each.
  const blockRules = active.filter((r) => r.checkBlock);
  const hasDocRules = active.some((r) => r.checkDocument || r.groups);
  const memoKey = 'drafts:' + (opts.only ? opts.only.join(',') : '*');
  let sinceYield = 0;
  let tLoop = stats ? performance.now() : 0;
  let ruleMs = 0;
  for (const block of blocks) {
    if (opts.isCancelled?.()) throw new CancelledError();
    if (block.segments.length === 0) continue;
    // The block's findings, kept with the start they were made for: a block
    // that moved is shifted, one that did not is reused as is.
    let memo = block.memo.get(memoKey) as { at: number; findings: Finding[] } | undefined;
    if (!memo) {
      const findings: Finding[] = [];
      for (const r of blockRules) {
        const t = stats ? performance.now() : 0;
        for (const d of safeRun(r, () => r.checkBlock!(block, ctxFor(r)))) findings.push(toFinding(r, config, block, d));
        if (stats) ruleMs += performance.now() - t;
        timeFamily(r, t);
      }
      memo = { at: block.start, findings };
      block.memo.set(memoKey, memo);
      if (hasDocRules) for (const a of BLOCK_PHASE) a(block, config);
      for (const k of TRANSIENT) block.memo.delete(k);
    } else if (memo.at !== block.start) {
      const delta = block.start - memo.at;
      memo = { at: block.start, findings: memo.findings.map((f) => shifted(f, delta)) };
      block.memo.set(memoKey, memo);
    }
    for (const f of memo.findings) out.push(f);
    // Every 8 blocks: a fresh block costs a few ms of rules, and the server
    // (which yields to the event loop only after ~15 ms) must not wait long.
    if (++sinceYield >= 8) {
      sinceYield = 0;
      yield;
    }
  }
  if (stats) {
    stats.msLoop = performance.now() - tLoop - ruleMs;
    tLoop = performance.now();
  }
  const doc = docModel(blocks, cache, opts.docId ?? '');
  if (stats) stats.msMeta = performance.now() - tLoop;
  for (const r of active) {
    if (!r.checkDocument) continue;
    if (opts.isCancelled?.()) throw new CancelledError();
    const t = stats ? performance.now() : 0;
    const drafts = safeRun(r, () => r.checkDocument!(doc, ctxFor(r)));
    for (const d of drafts) out.push(toFinding(r, config, d.block, d));
    timeFamily(r, t);
    yield;
  }
  for (const r of active) {
    if (!r.groups) continue;
    if (opts.isCancelled?.()) throw new CancelledError();
    const t = stats ? performance.now() : 0;
    let runner = cache.runners.get(r.meta.id);
    if (!runner || runner.configKey !== config.key) cache.runners.set(r.meta.id, (runner = new GroupRunner(r.groups, config.key)));
    const gr = runner;
    const drafts = safeRun(r, () => {
      try {
        return gr.run(doc, ctxFor(r), cache.lines);
      } catch (e) {
        // A failure half-way must not leave half-updated groups behind.
        cache.runners.delete(r.meta.id);
        throw e;
      }
    });
    for (const d of drafts) out.push(toFinding(r, config, d.block, d));
    timeFamily(r, t);
    yield;
  }
  const tFinish = stats ? performance.now() : 0;
  const disabled = computeDisabled(text, blocks);
  const kept = disabled.isEmpty ? out : out.filter((f) => !isDisabled(disabled, f));
  kept.sort((a, b) => a.start - b.start || a.end - b.end || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0));
  if (stats) stats.msFinish = performance.now() - tFinish;
  return kept;
}

/** Run a check to the end, synchronously. */
export function runCheck(text: string, rules: readonly Rule[], config: ResolvedConfig, opts: CheckOptions = {}): Finding[] {
  const it = checkSteps(text, rules, config, opts);
  for (;;) {
    const r = it.next();
    if (r.done) return r.value;
  }
}

// A rule that throws must not take the others down: its findings are dropped
// and the error is reported once on stderr (the server log / CLI stderr).
const reported = new Set<string>();
function safeRun<T>(r: Rule, f: () => T[]): T[] {
  try {
    return f();
  } catch (e) {
    if (e instanceof CancelledError) throw e;
    if (!reported.has(r.meta.id)) {
      reported.add(r.meta.id);
      console.error(`vnhr: rule ${r.meta.id} failed: ${(e as Error)?.stack ?? String(e)}`);
    }
    return [];
  }
}

function isDisabled(d: DisabledRanges, f: Finding): boolean {
  return d.isDisabled(f.rule, f.start);
}

/** The same finding `delta` code units further on (its block moved). */
function shifted(f: Finding, delta: number): Finding {
  const g: Finding = { ...f, start: f.start + delta, end: f.end + delta };
  if (f.related) g.related = f.related.map((x) => ({ ...x, start: x.start + delta, end: x.end + delta }));
  if (f.fixes) g.fixes = f.fixes.map((fx) => ({ ...fx, edits: fx.edits.map((e) => ({ ...e, start: e.start + delta, end: e.end + delta })) }));
  return g;
}

/** Map a draft (prose or raw block coordinates) to a finding in document offsets. */
function toFinding(r: Rule, config: ResolvedConfig, block: Block, d: Draft): Finding {
  const abs = (b: Block, o: number, raw?: boolean) => b.start + (raw ? o : b.toSource(o));
  const start = abs(block, d.start, d.raw);
  const end = Math.max(start, abs(block, d.end, d.raw));
  const severity: Severity = d.severity ?? config.rules[r.meta.id]?.severity ?? r.meta.severity;
  const f: Finding = { rule: r.meta.id, severity, message: d.message, start, end };
  if (d.related?.length) {
    f.related = d.related.map((x): Related => {
      const b = x.block ?? block;
      const s = abs(b, x.start, d.raw && !x.block);
      return { start: s, end: Math.max(s, abs(b, x.end, d.raw && !x.block)), message: x.message };
    });
  }
  if (d.fixes?.length) {
    f.fixes = d.fixes.map((fx): Fix => ({
      title: fx.title,
      safe: fx.safe,
      edits: fx.edits.map((e) => {
        const s = abs(block, e.start, d.raw);
        return { start: s, end: Math.max(s, abs(block, e.end, d.raw)), newText: e.newText };
      }),
    }));
  }
  if (d.data) f.data = d.data;
  return f;
}

/**
 * The parsed document (blocks from the cache, document meta) without running
 * rules: for editor features (hover, outline, summaries) built on the same
 * per-block analyses the rules use. Offsets in blocks: `block.start + block.toSource(proseOffset)`.
 */
export function buildDocModel(text: string, config: ResolvedConfig, cache: DocumentCache = new DocumentCache()): DocModel {
  const it = docModelSteps(text, config, cache);
  for (;;) {
    const r = it.next();
    if (r.done) return r.value;
  }
}

/**
 * buildDocModel as steps (yields between slices of parsing, like checkSteps):
 * the server runs it sliced and answers hover / symbols from the last complete
 * model meanwhile.
 */
export function* docModelSteps(text: string, config: ResolvedConfig, cache: DocumentCache = new DocumentCache()): Generator<void, DocModel, void> {
  const { blocks } = yield* cache.blockSteps(cache.chunksFor(text), config.key);
  // The per-block analyses the document readers need, a few blocks per step:
  // on a 10 MB report they are most of the work (the summaries then only resolve).
  let n = 0;
  for (const b of blocks) {
    if (b.segments.length === 0) continue;
    for (const a of BLOCK_PHASE) a(b, config);
    for (const k of TRANSIENT) b.memo.delete(k);
    if (++n % 8 === 0) yield;
  }
  return docModel(blocks, cache, '');
}

function docModel(blocks: Block[], cache: DocumentCache, id: string): DocModel {
  const lines = cache.lines;
  const doc: DocModel = {
    blocks,
    id,
    ...documentMeta(blocks),
    // The cache's line numbers follow the document version asked last.
    lineOf: (block, o) => {
      lines.update(blocks);
      return lines.lineOf(block, o);
    },
    blockLine: (i) => {
      lines.update(blocks);
      return lines.blockLine(i);
    },
  };
  keptStates.set(doc, cache.kept);
  return doc;
}

/** Absolute document offset of a prose offset in a block. */
export function docOffset(block: Block, proseOffset: number): number {
  return block.start + block.toSource(proseOffset);
}

/** Positions for a finding list (the one conversion used by server and CLI). */
export function lineIndexOf(text: string): LineIndex {
  return new LineIndex(text);
}
