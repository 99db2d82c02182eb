// Text model: line index (offset <-> {line, character} in UTF-16 code units,
// as LSP counts) and the NFC view with its map back to original offsets.
import { isHighSurrogate as isHigh, isLowSurrogate as isLow, isMarkAt as isMark } from './chars';
import { countAtOrBelow } from './search';

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

/** Offsets where lines start: 0, then after each \n, \r\n and lone \r (as LSP and markdown-it count lines). */
export function findLineStarts(s: string): number[] {
  const starts = [0];
  if (!s.includes('\r')) {
    // The common case, by native indexOf: this runs on every published version.
    for (let i = s.indexOf('\n'); i >= 0; i = s.indexOf('\n', i + 1)) starts.push(i + 1);
    return starts;
  }
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 10 || (c === 13 && s.charCodeAt(i + 1) !== 10)) starts.push(i + 1);
  }
  return starts;
}

/** Start of the line after the line break at `eol` (a \r\n is one break). */
export function afterLineBreak(text: string, eol: number): number {
  return eol + (text.charCodeAt(eol) === 13 && text.charCodeAt(eol + 1) === 10 ? 2 : 1);
}

/** The end of the line starting at `start` whose next line starts at `next` (or the text ends), its line break left out. */
export function lineContentEnd(text: string, start: number, next: number): number {
  let end = next;
  while (end > start && (text.charCodeAt(end - 1) === 10 || text.charCodeAt(end - 1) === 13)) end--;
  return end;
}

/** Line index over a text. Line ends: \n, \r\n and lone \r, as LSP. */
export class LineIndex {
  readonly lineStarts: number[];
  constructor(readonly text: string) {
    this.lineStarts = findLineStarts(text);
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  /** The one function that turns an offset into a position (server and CLI use it). */
  positionAt(offset: number): Position {
    offset = Math.max(0, Math.min(offset, this.text.length));
    // lineStarts[0] is 0 and offset >= 0, so at least one start is at or below it.
    const lo = countAtOrBelow(this.lineStarts, offset) - 1;
    return { line: lo, character: offset - this.lineStarts[lo] };
  }

  offsetAt(pos: Position): number {
    if (pos.line < 0) return 0;
    if (pos.line >= this.lineStarts.length) return this.text.length;
    const start = this.lineStarts[pos.line];
    const next = pos.line + 1 < this.lineStarts.length ? this.lineStarts[pos.line + 1] : this.text.length;
    // Do not run past the line's own end-of-line characters.
    return Math.min(start + Math.max(0, pos.character), lineContentEnd(this.text, start, next));
  }

  rangeAt(start: number, end: number): Range {
    return { start: this.positionAt(start), end: this.positionAt(end) };
  }
}

/**
 * NFC view of a string with a map from view offsets back to source offsets.
 * Each cluster (a starter and the combining marks after it) is normalized on its
 * own, so a view offset always maps to a cluster boundary of the source: a range
 * never splits a base letter from its marks.
 *
 * A cluster holds at most MAX_MARKS marks (Unicode's stream-safe limit): the
 * normalizer reorders a run of marks in quadratic time, and no letter of any
 * script needs more. Marks past the limit are "stray": each reads MASK in the
 * view (not prose), and `strays` lists their source ranges for the
 * unicode-normalization rule to report.
 */
export interface NfcView {
  text: string;
  /** True when the view differs from the source. */
  normalized: boolean;
  toSource(offset: number): number;
  toView(sourceOffset: number): number;
  /** Source ranges [start, end, start, end, ...] of stray marks (past MAX_MARKS on one base). */
  strays?: number[];
}

/** Marks one base may carry in a cluster (UAX #15 stream-safe format: 30 non-starters). */
export const MAX_MARKS = 30;
const NON_NFC_HINT = /[\u0300-\u036f\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]/;
/** A run of more marks than a cluster holds (bounded repetition: linear). */
const LONG_MARK_RUN = /\p{M}{31}/u;
const STRAY = '\u0000';

/** End of the cluster starting at i (before `end`): one code point and at most MAX_MARKS marks after it. */
export function clusterEnd(s: string, i: number, end: number = s.length): number {
  let j = i + 1;
  if (isHigh(s.charCodeAt(i)) && isLow(s.charCodeAt(j))) j++;
  const limit = j + MAX_MARKS;
  while (j < end && j < limit && isMark(s, j)) j++;
  return j;
}

/** True when s has a run of marks longer than a cluster holds (normalize() would be quadratic on it). */
export function hasLongMarkRun(s: string): boolean {
  // Every mark is at or above U+0300 (an astral one is two such units): without
  // 31 such units in a row there is no long run, and the regex need not scan.
  let run = 0;
  for (let i = 0; i < s.length; i++) {
    if (s.charCodeAt(i) < 0x300) run = 0;
    else if (++run > MAX_MARKS) return LONG_MARK_RUN.test(s);
  }
  return false;
}

/** s in NFC, in linear time: cluster by cluster when s has long mark runs (stray marks dropped). */
export function nfcBounded(s: string): string {
  return hasLongMarkRun(s) ? nfcView(s).text.replace(/\u0000+/g, '') : s.normalize('NFC');
}

export function nfcView(source: string): NfcView {
  const long = hasLongMarkRun(source);
  // Fast path: the common case is text that is already NFC.
  if (!long) {
    if (!NON_NFC_HINT.test(source) && source.normalize('NFC') === source) return identityView(source);
    if (source.normalize('NFC') === source) return identityView(source);
  }
  const parts: string[] = [];
  // viewStarts[k] / srcStarts[k]: start of cluster k in the view and the source.
  const viewStarts: number[] = [];
  const srcStarts: number[] = [];
  const strays: number[] = [];
  let v = 0;
  let i = 0;
  let changed = false;
  // After a cluster that holds MAX_MARKS marks, the marks that follow are stray.
  let strayRun = false;
  while (i < source.length) {
    let j: number;
    let n: string;
    const stray = strayRun && isMark(source, i);
    if (stray) {
      j = i + 1;
      n = STRAY;
    } else {
      j = clusterEnd(source, i);
      const base = isHigh(source.charCodeAt(i)) && isLow(source.charCodeAt(i + 1)) ? i + 2 : i + 1;
      strayRun = j - base === MAX_MARKS;
      n = source.slice(i, j).normalize('NFC');
    }
    if (stray) {
      if (strays.length && strays[strays.length - 1] === i) strays[strays.length - 1] = j;
      else strays.push(i, j);
    }
    if (n !== source.slice(i, j)) changed = true;
    viewStarts.push(v);
    srcStarts.push(i);
    parts.push(n);
    v += n.length;
    i = j;
  }
  if (!changed) return identityView(source);
  viewStarts.push(v);
  srcStarts.push(source.length);
  const text = parts.join('');
  // The last cluster starting at or before x (both arrays start at 0).
  const search = (arr: number[], x: number): number => Math.max(0, countAtOrBelow(arr, x) - 1);
  return {
    text,
    normalized: true,
    strays: strays.length ? strays : undefined,
    toSource(offset) {
      if (offset <= 0) return 0;
      if (offset >= text.length) return source.length;
      const k = search(viewStarts, offset);
      // Inside a cluster that normalized to several units: snap to its start.
      return srcStarts[k];
    },
    toView(sourceOffset) {
      if (sourceOffset <= 0) return 0;
      if (sourceOffset >= source.length) return text.length;
      return viewStarts[search(srcStarts, sourceOffset)];
    },
  };
}

function identityView(s: string): NfcView {
  return { text: s, normalized: false, toSource: (o) => o, toView: (o) => o };
}
