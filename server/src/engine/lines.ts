// Line numbers inside blocks, for messages that name a line ("dòng 12") and
// for editor features. Lines are counted as LSP counts them: a line ends at
// \n, \r\n or a lone \r.
import type { Block } from './types';
import { countBelow } from './search';
import { findLineStarts } from './document';

/** Offsets in `block.source` of its line breaks (the \n of \r\n; a lone \r). Cached with the block. */
export function lineBreaks(block: Block): Int32Array {
  let a = block.memo.get('line-breaks') as Int32Array | undefined;
  if (!a) {
    // A break is the unit before each line start but the first.
    const starts = findLineStarts(block.source);
    a = new Int32Array(starts.length - 1);
    for (let k = 1; k < starts.length; k++) a[k - 1] = starts[k] - 1;
    block.memo.set('line-breaks', a);
  }
  return a;
}

/** Zero-based line of a prose offset within its block. */
export function lineInBlock(block: Block, proseOffset: number): number {
  return countBelow(lineBreaks(block), block.toSource(proseOffset));
}
