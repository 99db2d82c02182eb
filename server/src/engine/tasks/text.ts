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

/** 1-based line number of a prose offset in a block (for messages like "dòng 12"). */
export function lineOf(doc: DocModel, block: Block, proseOffset: number): number {
  return doc.lineOf(block, proseOffset) + 1;
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
