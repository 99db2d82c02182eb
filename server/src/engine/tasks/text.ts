// Small shared helpers for the task rules' messages and fixes.
import type { Block } from '../types';
import type { DocModel } from '../rule';
import type { TaskCount } from './counts';
import { commonEnds } from '../blockdiff';
import { lineBreaks, lineInBlock } from '../lines';
import { firstStartAtOrAfter } from '../search';

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

/** Lines before each block (by index in doc.blocks), built on the first lineOf of a check. */
const lineStarts = new WeakMap<DocModel, Int32Array>();

/** The last check's blocks and lines before each, kept in DocModel.store. */
interface LineStore {
  blocks: readonly Block[];
  starts: Int32Array;
}

/**
 * Lines before each block. Blocks an edit did not touch are the same objects:
 * the unchanged prefix keeps its numbers, the unchanged suffix shifts by the
 * lines the middle gained, and only the middle's newlines are counted.
 */
function lineStartsOf(doc: DocModel): Int32Array {
  let starts = lineStarts.get(doc);
  if (starts) return starts;
  const blocks = doc.blocks;
  const n = blocks.length;
  const st = (doc.store.get('task-lines') as LineStore | undefined) ?? { blocks: [], starts: new Int32Array(1) };
  const prev = st.blocks;
  const on = prev.length;
  const { start: p, end: sfx } = commonEnds(prev, blocks);
  starts = new Int32Array(n + 1);
  starts.set(st.starts.subarray(0, p + 1));
  const mid = n - sfx;
  for (let i = p; i < mid; i++) starts[i + 1] = starts[i] + lineBreaks(blocks[i]).length;
  const shift = starts[mid] - st.starts[on - sfx];
  for (let i = mid + 1; i <= n; i++) starts[i] = st.starts[i - (n - on)] + shift;
  doc.store.set('task-lines', { blocks, starts });
  lineStarts.set(doc, starts);
  return starts;
}

/** 1-based line number of a prose offset in a block (for messages like "dòng 12"). */
export function lineOf(doc: DocModel, block: Block, proseOffset: number): number {
  const starts = lineStartsOf(doc);
  const i = blockIndex(doc.blocks, block);
  const base = i >= 0 ? starts[i] : 0;
  return base + lineInBlock(block, proseOffset) + 1;
}

/** Index of a block in document order (blocks are sorted by their current start), -1 if absent. */
function blockIndex(blocks: readonly Block[], block: Block): number {
  for (let i = firstStartAtOrAfter(blocks, block.start); i < blocks.length && blocks[i].start <= block.start; i++) if (blocks[i] === block) return i;
  return -1;
}

/** " (năm 2024)" / " (6 tháng cuối năm 2025)" / " (năm tới)" / "" for a resolved period ("2025@6 tháng cuối"). */
export function periodVi(period: string): string {
  if (period.startsWith('span:')) return ` (${/^\d/.test(period.slice(5)) ? 'giai đoạn ' : ''}${period.slice(5)})`;
  const [y, part] = period.split('@');
  const year = y === 'next' ? 'năm tới' : y ? `năm ${y}` : 'năm';
  return part ? ` (${part} ${year})` : y ? ` (${year})` : '';
}
export function periodEn(period: string): string {
  if (period.startsWith('span:')) return ` (${period.slice(5).replace(/^(\d+) năm$/u, '$1 years').replace(/^giai đoạn$/u, 'multi-year period').replace(/^nhiệm kỳ$/u, 'term')})`;
  const [y, part] = period.split('@');
  const year = y === 'next' ? 'next year' : y;
  return part ? ` (${partEn(part)}${year ? ` of ${year}` : ''})` : y ? ` (${year})` : '';
}

function partEn(part: string): string {
  const m = /^(\d+) tháng (đầu|cuối)$/u.exec(part);
  if (m) return `${m[2] === 'đầu' ? 'first' : 'last'} ${m[1]} months`;
  const q = /^quý (\d)$/u.exec(part);
  return q ? `Q${q[1]}` : part;
}
