// Small shared helpers for the task rules' messages and fixes.
import type { Block } from '../types';
import type { DocModel } from '../rule';
import type { TaskCount } from './counts';

/** "6/6 nhiệm vụ" or "10 nhiệm vụ" as written (numbers as in the text). */
export function countText(c: TaskCount): string {
  const noun = c.noun.cls === 'task' && c.modifier ? `${c.noun.text} ${c.modifier}` : c.noun.text;
  return c.kind === 'fraction' ? `${c.x.raw}/${c.y!.raw} ${noun}` : `${c.x.raw} ${noun}`;
}

/** A number written with the zero padding of `like` ("06" for 6 like "07"). */
export function padLike(value: number, like: string): string {
  const s = String(value);
  return like.length > s.length && like.startsWith('0') ? s.padStart(like.length, '0') : s;
}

/** Newlines in a block's source (a block's text never changes, so counted once). */
const newlines = new WeakMap<Block, number>();
function newlinesOf(b: Block): number {
  let n = newlines.get(b);
  if (n === undefined) {
    n = 0;
    for (let i = b.source.indexOf('\n'); i >= 0; i = b.source.indexOf('\n', i + 1)) n++;
    newlines.set(b, n);
  }
  return n;
}

/** Lines before each block (by index in doc.blocks), built on the first lineOf of a check. */
const lineStarts = new WeakMap<DocModel, Int32Array>();

/** 1-based line number of a prose offset in a block (for messages like "dòng 12"). */
export function lineOf(doc: DocModel, block: Block, proseOffset: number): number {
  let starts = lineStarts.get(doc);
  if (!starts) {
    starts = new Int32Array(doc.blocks.length);
    let line = 0;
    for (let i = 0; i < doc.blocks.length; i++) {
      starts[i] = line;
      line += newlinesOf(doc.blocks[i]);
    }
    lineStarts.set(doc, starts);
  }
  const base = starts[blockIndex(doc.blocks, block)] ?? 0;
  const upto = block.toSource(proseOffset);
  let n = 0;
  for (let i = 0; i < upto && i < block.source.length; i++) if (block.source.charCodeAt(i) === 10) n++;
  return base + n + 1;
}

/** Index of a block in document order (blocks are sorted by their current start), -1 if absent. */
function blockIndex(blocks: readonly Block[], block: Block): number {
  let lo = 0;
  let hi = blocks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (blocks[mid].start < block.start) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < blocks.length && blocks[i].start <= block.start; i++) if (blocks[i] === block) return i;
  return -1;
}

/** " (năm 2024)" / " (năm tới)" / "" for a resolved period. */
export function periodVi(period: string): string {
  return period === 'next' ? ' (năm tới)' : period ? ` (năm ${period})` : '';
}
export function periodEn(period: string): string {
  return period === 'next' ? ' (next year)' : period ? ` (${period})` : '';
}
