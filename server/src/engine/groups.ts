// The engine's incremental runner for document-wide rules declared as groups
// (rule.ts GroupSpec): it keeps, per rule and document, the facts of every
// block grouped by key, each group's tally and summary, and each member's
// drafts. An edit replaces a stretch of blocks (blockdiff.ts commonEnds): their
// facts leave their groups and the new blocks' facts join; only the groups
// touched are summarized again, and only members that were touched, whose
// summary says their drafts changed, or whose quoted lines moved are redone.
import type { Block } from './types';
import type { DocDraft, DocModel, Group, GroupSpec, Member, RuleContext } from './rule';
import { commonEnds, type BlockLines } from './blockdiff';
import { lineInBlock } from './lines';

type Spec = GroupSpec<unknown, unknown, unknown>;

interface MemberState extends Member<unknown> {
  facts: unknown[];
}

interface Kept {
  drafts: DocDraft[];
  /** The blocks whose lines the drafts quote, each with its index and first line then: block, index, line, ... */
  reads?: unknown[];
}

/** A member drafted with nothing to report. */
const NONE: Kept = { drafts: [] };

class GroupState implements Group<unknown> {
  readonly byBlock = new Map<Block, MemberState>();
  /** Blocks whose facts of this key joined or left in this check. */
  touched = new Set<Block>();
  summary: unknown = undefined;
  /** Drafts by member block (NONE when it has none), with the lines they quoted. */
  readonly kept = new Map<Block, Kept>();
  private sorted: MemberState[] | undefined = [];
  constructor(
    readonly key: string,
    public tally: unknown,
  ) {}
  get members(): readonly MemberState[] {
    // Block starts are current for this check: sorting by them is document order.
    return (this.sorted ??= [...this.byBlock.values()].sort((x, y) => x.block.start - y.block.start));
  }
  changed(): void {
    this.sorted = undefined;
  }
}

interface BlockEntry {
  members: MemberState[];
  groups: GroupState[];
  facts: readonly unknown[];
  /** Check number it was last seen in (document facts). */
  seen: number;
}

/** One rule's groups over one document, between its checks. */
export class GroupRunner {
  private blocks: readonly Block[] = [];
  private entries = new Map<Block, BlockEntry>();
  private groups = new Map<string, GroupState>();
  /** Groups with drafts, and those with drafts that quote lines. */
  private withDrafts = new Set<GroupState>();
  private lineReaders = new Set<GroupState>();
  private linesVersion = -1;
  private checks = 0;
  private dirty = new Set<GroupState>();
  private docId = '';
  /** The last check's drafts, while no member's drafts changed. */
  private out: DocDraft[] | undefined;

  constructor(
    private readonly spec: Spec,
    readonly configKey: string,
  ) {}

  run(doc: DocModel, ctx: RuleContext, lines: BlockLines): DocDraft[] {
    const spec = this.spec;
    const blocks = doc.blocks;
    const check = ++this.checks;
    this.docId = doc.id;
    lines.update(blocks);
    // A stretch of blocks replaced (or moved: compared by identity): its facts leave and join again, in their new order.
    const prev = this.blocks;
    const { start: a, end: b } = commonEnds(prev, blocks);
    for (let i = a; i < prev.length - b; i++) this.remove(prev[i]);
    this.blocks = blocks;
    if (spec.documentFacts) {
      let seen = 0;
      for (const { block, facts } of spec.documentFacts(doc, ctx)) {
        seen++;
        const e = this.entries.get(block);
        if (e && e.facts === facts) e.seen = check;
        else {
          if (e) this.remove(block);
          this.add(block, facts, check);
        }
      }
      if (this.entries.size > seen) for (const [block, e] of this.entries) if (e.seen !== check) this.remove(block);
    } else {
      for (let i = a; i < blocks.length - b; i++) {
        const block = blocks[i];
        if (block.segments.length) this.add(block, spec.facts!(block, ctx), check);
      }
    }
    for (const g of this.dirty) this.update(g, ctx, lines);
    this.dirty.clear();
    // Drafts quoting lines of blocks that moved: redone when a quoted line is no longer the same
    // (only blocks after the last update's unchanged start may have moved, if that is the only update since).
    if (this.linesVersion !== lines.version) {
      const from = this.linesVersion === lines.version - 1 ? lines.stableBefore : -Infinity;
      this.linesVersion = lines.version;
      for (const g of this.lineReaders) {
        for (const [block, k] of g.kept) if (k.reads && !sameLines(k.reads, lines, from)) this.redo(g, g.byBlock.get(block)!, ctx, lines);
      }
    }
    if (!this.out) {
      const out: DocDraft[] = [];
      for (const g of this.withDrafts) for (const k of g.kept.values()) for (const d of k.drafts) out.push(d);
      this.out = out;
    }
    return this.out;
  }

  private add(block: Block, facts: readonly unknown[], check: number): void {
    const e: BlockEntry = { members: [], groups: [], facts, seen: check };
    this.entries.set(block, e);
    for (const f of facts) {
      const key = this.spec.key(f);
      if (key === undefined) continue;
      let g = this.groups.get(key);
      if (!g) this.groups.set(key, (g = new GroupState(key, this.spec.tally?.zero())));
      let m = g.byBlock.get(block);
      if (!m) {
        g.byBlock.set(block, (m = { block, docId: this.docId, facts: [] }));
        e.members.push(m);
        e.groups.push(g);
        g.touched.add(block);
        g.changed();
        this.dirty.add(g);
      }
      m.facts.push(f);
    }
    if (this.spec.tally) for (let i = 0; i < e.groups.length; i++) this.spec.tally.add(e.groups[i].tally, e.members[i], 1);
  }

  private remove(block: Block): void {
    const e = this.entries.get(block);
    if (!e) return;
    this.entries.delete(block);
    for (let i = 0; i < e.groups.length; i++) {
      const g = e.groups[i];
      if (this.spec.tally) this.spec.tally.add(g.tally, e.members[i], -1);
      g.byBlock.delete(block);
      if (g.kept.delete(block)) this.out = undefined;
      g.touched.add(block);
      g.changed();
      this.dirty.add(g);
    }
  }

  /** A group after its members changed: summary, then the drafts that may differ. */
  private update(g: GroupState, ctx: RuleContext, lineOf: BlockLines): void {
    const spec = this.spec;
    const touched = g.touched;
    g.touched = new Set();
    if (!g.byBlock.size) {
      this.groups.delete(g.key);
      if (this.withDrafts.delete(g)) this.out = undefined;
      this.lineReaders.delete(g);
      return;
    }
    const before = g.summary;
    const after = spec.summary(g, ctx);
    g.summary = after;
    if (after === undefined) {
      if (g.kept.size) this.out = undefined;
      g.kept.clear();
      this.withDrafts.delete(g);
      this.lineReaders.delete(g);
      return;
    }
    if (before === undefined || (spec.same ? !spec.same(before, after) : !spec.sameFor)) {
      for (const m of g.byBlock.values()) this.redo(g, m, ctx, lineOf);
    } else if (spec.sameFor) {
      for (const m of g.byBlock.values()) if (touched.has(m.block) || !g.kept.has(m.block) || !spec.sameFor(m, before, after)) this.redo(g, m, ctx, lineOf);
    } else {
      // The same summary: only the members that joined need drafts.
      for (const block of touched) {
        const m = g.byBlock.get(block);
        if (m) this.redo(g, m, ctx, lineOf);
      }
    }
  }

  private redo(g: GroupState, m: MemberState, ctx: RuleContext, bl: BlockLines): void {
    // The first lines of the blocks read are noted (a block's own lines never change).
    let reads: unknown[] | undefined;
    const lines = {
      lineOf: (block: Block, o: number) => {
        const i = bl.indexOf(block);
        const first = i >= 0 ? bl.blockLine(i) : -1;
        (reads ??= []).push(block, i, first);
        return Math.max(0, first) + lineInBlock(block, o);
      },
    };
    const drafts = this.spec.drafts(m, g.summary, g, ctx, lines);
    const before = g.kept.get(m.block);
    // Kept even when empty: a member without drafts is done too, until its facts or the summary change.
    g.kept.set(m.block, drafts.length || reads ? { drafts, reads } : NONE);
    if (drafts.length || (before && before.drafts.length)) this.out = undefined;
    if (drafts.length) this.withDrafts.add(g);
    if (reads) this.lineReaders.add(g);
  }
}

function sameLines(reads: unknown[], lines: BlockLines, from: number): boolean {
  for (let i = 0; i < reads.length; i += 3) {
    const b = reads[i] as Block;
    if (b.start >= from && lines.lineOfBlock(b, reads[i + 1] as number) !== reads[i + 2]) return false;
  }
  return true;
}

/** Per DocModel, its cache's kept states (set by the engine). */
export const keptStates = new WeakMap<DocModel, Map<string, unknown>>();

/**
 * What a family's document step keeps between checks of one document (under
 * `owner`), made by `init` the first time and after a config change (a fresh
 * value for a one-off check). For work that is not a grouping of facts (the
 * heading flow of the indicator resolver, the task walk); document rules
 * declare groups instead (rule.ts GroupSpec).
 */
export function keptFor<T>(doc: DocModel, owner: string, init: () => T): T {
  const kept = keptStates.get(doc);
  if (!kept) return init();
  let v = kept.get(owner) as T | undefined;
  if (v === undefined) kept.set(owner, (v = init()));
  return v;
}
