// The engine's incremental runner for document-wide rules declared as groups
// (rule.ts GroupSpec): it keeps, per rule and document, the facts of every
// block grouped by key, the summary of each group and each member's drafts.
// An edit replaces a stretch of blocks (blockdiff.ts commonEnds): their facts
// leave their groups and the new blocks' facts join; only the groups touched
// are summarized again, and only members that were touched, whose summary
// says their drafts changed, or whose quoted line numbers moved are redone.
import type { Block } from './types';
import type { DocDraft, DocModel, Group, GroupSpec, Member, RuleContext } from './rule';
import { commonEnds, type BlockLines } from './blockdiff';

type Spec = GroupSpec<unknown, unknown>;

interface GroupState extends Group<unknown> {
  /** Each block's facts of this key. */
  byBlock: Map<Block, unknown[]>;
  members: Member<unknown>[];
  /** Blocks whose facts of this key joined or left in this check. */
  touched: Set<Block>;
  summary: unknown;
  /** Drafts by member block, with the lines they quoted. */
  kept: Map<Block, Kept>;
}

interface Kept {
  drafts: DocDraft[];
  /** Lines read while making the drafts: block, prose offset, line, ... */
  reads?: unknown[];
}

interface BlockEntry {
  facts: readonly unknown[];
  groups: GroupState[];
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
      for (const { block, facts } of spec.documentFacts(doc, ctx)) {
        const e = this.entries.get(block);
        if (e && e.facts === facts) e.seen = check;
        else {
          if (e) this.remove(block);
          this.add(block, facts, check);
        }
      }
      for (const [block, e] of this.entries) if (e.seen !== check) this.remove(block);
    } else {
      for (let i = a; i < blocks.length - b; i++) {
        const block = blocks[i];
        if (block.segments.length) this.add(block, spec.facts!(block, ctx), check);
      }
    }
    const lineOf = (block: Block, o: number) => lines.lineOf(block, o);
    for (const g of this.dirty) this.update(g, ctx, lineOf);
    this.dirty.clear();
    // Drafts quoting lines of blocks that moved: redone when a quoted line is no longer the same.
    if (this.linesVersion !== lines.version) {
      this.linesVersion = lines.version;
      for (const g of this.lineReaders) {
        for (const m of g.members) {
          const k = g.kept.get(m.block);
          if (k?.reads && !sameLines(k.reads, lineOf)) this.redo(g, m, ctx, lineOf);
        }
      }
    }
    const out: DocDraft[] = [];
    for (const g of this.withDrafts) for (const k of g.kept.values()) for (const d of k.drafts) out.push(d);
    return out;
  }

  private add(block: Block, facts: readonly unknown[], check: number): void {
    const e: BlockEntry = { facts, groups: [], seen: check };
    this.entries.set(block, e);
    for (const f of facts) {
      const key = this.spec.key(f);
      if (key === undefined) continue;
      let g = this.groups.get(key);
      if (!g) this.groups.set(key, (g = { key, byBlock: new Map(), members: [], touched: new Set(), summary: undefined, kept: new Map() }));
      let fs = g.byBlock.get(block);
      if (!fs) {
        g.byBlock.set(block, (fs = []));
        e.groups.push(g);
        g.touched.add(block);
        this.dirty.add(g);
      }
      fs.push(f);
    }
  }

  private remove(block: Block): void {
    const e = this.entries.get(block);
    if (!e) return;
    this.entries.delete(block);
    for (const g of e.groups) {
      g.byBlock.delete(block);
      g.touched.add(block);
      this.dirty.add(g);
    }
  }

  /** A group after its members changed: members in document order, summary, the drafts that may differ. */
  private update(g: GroupState, ctx: RuleContext, lineOf: (block: Block, o: number) => number): void {
    const spec = this.spec;
    const touched = g.touched;
    g.touched = new Set();
    // Unchanged members keep their relative order; touched ones still present are merged in by their start.
    const kept = g.members.filter((m) => !touched.has(m.block) && g.byBlock.has(m.block));
    const fresh: Member<unknown>[] = [];
    for (const block of touched) {
      const facts = g.byBlock.get(block);
      if (facts) fresh.push({ block, docId: this.docId, facts });
      g.kept.delete(block);
    }
    fresh.sort((x, y) => x.block.start - y.block.start);
    g.members = fresh.length ? merge(kept, fresh) : kept;
    if (!g.members.length) {
      this.groups.delete(g.key);
      this.withDrafts.delete(g);
      this.lineReaders.delete(g);
      return;
    }
    const before = g.summary;
    const after = spec.summary(g, ctx);
    g.summary = after;
    if (after === undefined) {
      g.kept.clear();
      this.withDrafts.delete(g);
      this.lineReaders.delete(g);
      return;
    }
    const all = before === undefined || (spec.same ? !spec.same(before, after) : !spec.sameFor);
    for (const m of g.members) {
      if (all || touched.has(m.block) || !g.kept.has(m.block) || (spec.sameFor && !spec.sameFor(m, before, after))) this.redo(g, m, ctx, lineOf);
    }
  }

  private redo(g: GroupState, m: Member<unknown>, ctx: RuleContext, lineOf: (block: Block, o: number) => number): void {
    let reads: unknown[] | undefined;
    const lines = {
      lineOf: (block: Block, o: number) => {
        const l = lineOf(block, o);
        (reads ??= []).push(block, o, l);
        return l;
      },
    };
    const drafts = this.spec.drafts(m, g.summary, g, ctx, lines);
    if (drafts.length || reads) g.kept.set(m.block, { drafts, reads });
    else g.kept.delete(m.block);
    if (drafts.length) this.withDrafts.add(g);
    if (reads) this.lineReaders.add(g);
  }
}

function sameLines(reads: unknown[], lineOf: (block: Block, o: number) => number): boolean {
  for (let i = 0; i < reads.length; i += 3) if (lineOf(reads[i] as Block, reads[i + 1] as number) !== reads[i + 2]) return false;
  return true;
}

/** Two member lists in document order, merged. */
function merge(x: Member<unknown>[], y: Member<unknown>[]): Member<unknown>[] {
  const out: Member<unknown>[] = [];
  let i = 0;
  let j = 0;
  while (i < x.length && j < y.length) out.push(x[i].block.start <= y[j].block.start ? x[i++] : y[j++]);
  while (i < x.length) out.push(x[i++]);
  while (j < y.length) out.push(y[j++]);
  return out;
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
