// Which blocks changed between two checks of one document, and the lines
// before each block. Unchanged blocks are the same Block objects (the
// DocumentCache reuses them), so the two lists are compared by identity from
// both ends: an edit replaced one stretch.
import type { Block } from './types';
import { lineBreaks, lineInBlock } from './lines';
import { firstStartAtOrAfter } from './search';

/**
 * How many blocks two lists share at their start and, after that, at their
 * end (by identity): an edit replaced `prev[start, prev.length - end)` by
 * `next[start, next.length - end)`.
 */
export function commonEnds(prev: readonly Block[], next: readonly Block[]): { start: number; end: number } {
  const n = Math.min(prev.length, next.length);
  let start = 0;
  while (start < n && prev[start] === next[start]) start++;
  let end = 0;
  while (end < n - start && prev[prev.length - 1 - end] === next[next.length - 1 - end]) end++;
  return { start, end };
}

/**
 * Lines before each block of one document, kept between its checks (the one
 * place block line numbers are computed). Blocks an edit did not touch are the
 * same objects: the unchanged prefix keeps its numbers, the unchanged suffix
 * shifts by the lines the middle gained, only the middle's newlines are counted.
 */
export class BlockLines {
  private blocks: readonly Block[] = [];
  private starts = new Int32Array(1);
  /** Changes when a block kept from the previous blocks moved to another line. */
  version = 0;
  /** Blocks starting before this offset kept their lines in the last update. */
  stableBefore = Infinity;

  /** Bring the numbers up to date with these blocks (cheap when they are the same list). */
  update(blocks: readonly Block[]): void {
    const prev = this.blocks;
    if (prev === blocks) return;
    const n = blocks.length;
    const on = prev.length;
    const { start: p, end: sfx } = commonEnds(prev, blocks);
    const old = this.starts;
    const starts = new Int32Array(n + 1);
    starts.set(old.subarray(0, p + 1));
    const mid = n - sfx;
    for (let i = p; i < mid; i++) starts[i + 1] = starts[i] + lineBreaks(blocks[i]).length;
    const shift = starts[mid] - old[on - sfx];
    for (let i = mid + 1; i <= n; i++) starts[i] = old[i - (n - on)] + shift;
    // Kept blocks moved: the suffix shifted, or a block of the old middle is in the new one (cut and paste).
    let moved = shift !== 0;
    if (!moved && mid > p && on - sfx > p) {
      const gone = new Set(prev.slice(p, on - sfx));
      for (let i = p; i < mid && !moved; i++) moved = gone.has(blocks[i]);
    }
    if (moved) {
      this.version++;
      this.stableBefore = p < n ? blocks[p].start : Infinity;
    }
    this.blocks = blocks;
    this.starts = starts;
  }

  /** Zero-based line of block i's first line (blocks as last updated). */
  blockLine(i: number): number {
    return this.starts[i];
  }

  /** Index of a block in the last update, -1 if absent; `hint`: where it was (checked first). */
  indexOf(block: Block, hint = -1): number {
    return this.blocks[hint] === block ? hint : blockIndex(this.blocks, block);
  }

  /** Zero-based line of a block's first line, -1 for a block not in the last update. */
  lineOfBlock(block: Block, hint = -1): number {
    const i = this.indexOf(block, hint);
    return i >= 0 ? this.starts[i] : -1;
  }

  /** Zero-based line of a prose offset in a block of the last update (a block not in it counts from line 0). */
  lineOf(block: Block, proseOffset: number): number {
    return Math.max(0, this.lineOfBlock(block)) + lineInBlock(block, proseOffset);
  }
}

/** Index of a block in document order (blocks are sorted by their current start), -1 if absent. */
export function blockIndex(blocks: readonly Block[], block: Block): number {
  for (let i = firstStartAtOrAfter(blocks, block.start); i < blocks.length && blocks[i].start <= block.start; i++) if (blocks[i] === block) return i;
  return -1;
}
