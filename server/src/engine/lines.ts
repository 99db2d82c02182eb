// Line numbers inside blocks, for messages that name a line ("dòng 12") and
// for editor features. Lines are counted as LSP counts them: a line ends at
// \n, \r\n or a lone \r.
import type { Block } from './types';

/** Offsets in `block.source` of its line breaks (the \n of \r\n; a lone \r). Cached with the block. */
export function lineBreaks(block: Block): Int32Array {
  let a = block.memo.get('line-breaks') as Int32Array | undefined;
  if (!a) {
    const s = block.source;
    const at: number[] = [];
    if (!s.includes('\r')) {
      for (let i = s.indexOf('\n'); i >= 0; i = s.indexOf('\n', i + 1)) at.push(i);
    } else {
      for (let i = 0; i < s.length; i++) {
        const c = s.charCodeAt(i);
        if (c === 10 || (c === 13 && s.charCodeAt(i + 1) !== 10)) at.push(i);
      }
    }
    a = Int32Array.from(at);
    block.memo.set('line-breaks', a);
  }
  return a;
}

/** How many entries of the ascending `sorted` are below `x` (binary search). */
export function countBelow(sorted: ArrayLike<number>, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Zero-based line of a prose offset within its block. */
export function lineInBlock(block: Block, proseOffset: number): number {
  return countBelow(lineBreaks(block), block.toSource(proseOffset));
}

/** Index of the first element of an array sorted by `start` whose start is at or after `offset`. */
export function firstStartAtOrAfter(arr: ArrayLike<{ start: number }>, offset: number): number {
  let lo = 0;
  let hi = arr.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (arr[mid].start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
