// Markdown structure: split the document into top-level chunks (the unit of
// caching, found by a linear line scan), parse each chunk with markdown-it, and
// build its prose view: only prose stays readable, everything else (code, HTML,
// URLs, link destinations, front matter, Markdown syntax) becomes MASK.
import MarkdownIt from 'markdown-it';
type Token = ReturnType<MarkdownIt['parse']>[number];
import { nfcView, nfcBounded, findLineStarts, afterLineBreak, lineContentEnd, MAX_MARKS, type NfcView } from './document';
import { isMarkAt, isSpaceOrTab } from './chars';
import { countBelow } from './search';
import { MASK, type Block, type ListInfo, type Segment } from './types';

const md = new MarkdownIt('commonmark', { html: true }).enable(['table', 'strikethrough']);
// Only the block structure is used (inline content is located in the source and
// masked by maskInline), so skip markdown-it's inline pass: it is half the parse time.
md.disable(['inline', 'text_join'], true);

export interface Chunk {
  start: number;
  text: string;
  kind: 'frontmatter' | 'markdown';
}

const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})/;
const LIST_MARKER = /^ {0,3}(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)/;

/**
 * Split at blank lines that are followed by a non-indented line, except inside
 * fences and HTML comments, and except between items of one list. Linear in the
 * text. Splitting never changes how a chunk parses except for reference-style
 * link definitions, which only affect link destinations (masked anyway).
 */
export function splitChunks(text: string): Chunk[] {
  const chunks: Chunk[] = [];
  let pos = 0;
  // Front matter: '---' on the first line, up to the next '---' or '...'.
  // Line ends: \n, \r\n and a lone \r, as markdown-it (and LSP) count them.
  const fm = /^---[ \t]*(?:\r\n?|\n)/.exec(text);
  if (fm) {
    const close = /(^|[\r\n])(---|\.\.\.)[ \t]*(\r\n?|\n|$)/g;
    close.lastIndex = fm[0].length - 1;
    const m = close.exec(text);
    if (m) {
      const end = m.index + m[0].length;
      chunks.push({ start: 0, text: text.slice(0, end), kind: 'frontmatter' });
      pos = end;
    }
  }
  scanChunks(text, pos, chunks);
  return chunks;
}

/**
 * The chunks of `text` after an edit of `prevText` (whose chunks were
 * `prevChunks`): unchanged chunks before the edit are kept, the scan restarts
 * one chunk before the first changed one and stops as soon as it reaches a
 * boundary where an unchanged tail of old chunks begins. Those are kept with
 * their text strings (whose hashes V8 has cached), only moved. The result
 * equals `splitChunks(text)` (test/unit/markdown.test.ts).
 */
export function resplitChunks(prevText: string, prevChunks: readonly Chunk[], text: string): Chunk[] {
  if (text === prevText) return prevChunks.slice();
  const n = prevChunks.length;
  // The first chunk whose text is not found at its old place.
  let i = 0;
  while (i < n && textAt(text, prevChunks[i].text, prevChunks[i].start)) i++;
  if (i === n && text.length === prevText.length) return prevChunks.slice();
  // Restart at a chunk start (the scan state there is the initial one); one
  // chunk back, since a change at a chunk's first line can join it to the one before.
  const r = Math.max(0, i - 1);
  // The first chunk (front matter or not) decides how the scan starts: redo it all.
  if (r === 0) return splitChunks(text);
  const delta = text.length - prevText.length;
  const from = prevChunks[r].start;
  // The unchanged tail: old chunks found at their place shifted by delta.
  let j = n;
  while (j > r + 1 && prevChunks[j - 1].start + delta >= from && textAt(text, prevChunks[j - 1].text, prevChunks[j - 1].start + delta)) j--;
  const out = prevChunks.slice(0, r);
  // New-coordinate starts of the tail chunks -> their index.
  const tailAt = new Map<number, number>();
  for (let k = j; k < n; k++) tailAt.set(prevChunks[k].start + delta, k);
  const stoppedAt = scanChunks(text, from, out, (at) => tailAt.has(at));
  // The re-scanned chunks outlive this version of the text: copy them out of
  // it, or each would keep its whole version alive (V8 slices share their parent).
  for (let k = r; k < out.length; k++) out[k].text = detached(out[k].text);
  if (stoppedAt >= 0) {
    for (let k = tailAt.get(stoppedAt)!; k < n; k++) {
      const c = prevChunks[k];
      out.push(delta ? { start: c.start + delta, text: c.text, kind: c.kind } : c);
    }
  }
  return out;
}

/**
 * Whether `part` stands in `text` at `at`. A slice compared with === (V8
 * compares flat contents natively) is several times faster here than
 * startsWith with a position on a long edited text.
 */
function textAt(text: string, part: string, at: number): boolean {
  return at >= 0 && text.slice(at, at + part.length) === part;
}

/** A copy of `s` that does not share the memory of the string it was sliced from. */
function detached(s: string): string {
  return s.length < 16 ? s : (' ' + s).slice(1);
}

/**
 * Scan from `from` (a chunk start: the state there is the initial one) and
 * push chunks. `stop(at)` is asked at each new boundary; when it says yes the
 * scan ends there (the chunk from `at` on is not pushed) and `at` is returned; else -1.
 */
function scanChunks(text: string, from: number, chunks: Chunk[], stop?: (at: number) => boolean): number {
  let chunkStart = from;
  let fence: string | null = null;
  let inComment = false;
  let sawBlank = false;
  let chunkIsList = false;
  let lineStart = from;
  // Next \n and next \r at or after lineStart, each searched again only once
  // passed, so finding line ends stays linear whichever kind the text uses.
  let nextLf = -1;
  let nextCr = -1;
  while (lineStart < text.length) {
    if (nextLf < lineStart && nextLf !== text.length) nextLf = indexOrEnd(text, '\n', lineStart);
    if (nextCr < lineStart && nextCr !== text.length) nextCr = indexOrEnd(text, '\r', lineStart);
    const lineEnd = Math.min(nextLf, nextCr);
    const line = text.slice(lineStart, lineEnd);
    const next = afterLineBreak(text, lineEnd);
    if (fence) {
      const m = FENCE_OPEN.exec(line);
      if (m && m[1][0] === fence[0] && m[1].length >= fence.length && line.trim() === m[1].trim()) fence = null;
      lineStart = next;
      continue;
    }
    if (inComment) {
      if (line.includes('-->')) inComment = false;
      lineStart = next;
      continue;
    }
    const blank = line.trim() === '';
    if (blank) {
      sawBlank = true;
      lineStart = next;
      continue;
    }
    const indented = line.startsWith(' ') || line.startsWith('\t');
    const isList = LIST_MARKER.test(line);
    if (sawBlank && !indented && !(chunkIsList && isList) && lineStart > chunkStart) {
      chunks.push({ start: chunkStart, text: text.slice(chunkStart, lineStart), kind: 'markdown' });
      chunkStart = lineStart;
      chunkIsList = false;
      if (stop?.(lineStart)) return lineStart;
    }
    if (lineStart === chunkStart) chunkIsList = isList;
    sawBlank = false;
    const f = FENCE_OPEN.exec(line);
    if (f && !(f[1][0] === '`' && line.slice(f.index + f[0].length).includes('`'))) fence = f[1];
    else {
      const open = line.lastIndexOf('<!--');
      if (open >= 0 && line.indexOf('-->', open + 4) < 0) inComment = true;
    }
    lineStart = next;
  }
  if (chunkStart < text.length) chunks.push({ start: chunkStart, text: text.slice(chunkStart), kind: 'markdown' });
  return -1;
}

/** Build the Block (prose view, segments, lists) of one chunk. */
export function parseChunk(chunk: Chunk): Block {
  return buildBlock(chunk, true);
}

/** For tests: the same block with every chunk parsed by markdown-it. */
export function parseChunkSlow(chunk: Chunk): Block {
  return buildBlock(chunk, false);
}

type MiniToken = Pick<Token, 'type' | 'level' | 'map' | 'content' | 'tag' | 'markup' | 'info'>;

// A line that may start anything but paragraph text (after up to 3 spaces):
// headings, quotes, lists, rules, setext underlines, fences, HTML, link
// definitions, or an indented code line.
const NOT_PLAIN_START = /^(?: {0,3}(?:[#>*+\-_=`~<[]|\d{1,9}[.)])| {4}|[ ]{0,3}\t)/;
const ATX_LINE = /^ {0,3}(#{1,6})(?=[ \t]|$)/;
const BLANK = /^[ \t]*$/;

/** markdown-it's trim of block content: ASCII blanks only (a no-break space stays). */
function asciiTrim(s: string): string {
  let a = 0;
  let b = s.length;
  const blank = (c: number) => c === 32 || c === 9 || c === 10 || c === 13;
  while (a < b && blank(s.charCodeAt(a))) a++;
  while (b > a && blank(s.charCodeAt(b - 1))) b--;
  return s.slice(a, b);
}

/**
 * The tokens markdown-it gives for the commonest chunks, a plain paragraph or
 * one ATX heading line (then blank lines), found without parsing; undefined
 * for anything else. Half the chunks of a report are such paragraphs and
 * headings; markdown-it's per-call cost dominates for them. Tested equal to
 * markdown-it's result on random chunks (test/unit/markdown.test.ts).
 */
function plainTokens(src: string, lineStarts: number[], lineText: (l: number) => string): MiniToken[] | undefined {
  // Table pipes and NUL (markdown-it rewrites it) go the slow way.
  if (src.includes('|') || src.includes('\u0000')) return undefined;
  // Non-blank lines first, then only blank ones (blank as markdown-it sees it:
  // spaces and tabs only; a no-break space is text).
  let n = 0;
  for (let l = 0; l < lineStarts.length; l++) {
    if (BLANK.test(lineText(l))) continue;
    if (n !== l) return undefined;
    n++;
  }
  if (n === 0) return undefined;
  const first = lineText(0);
  const h = ATX_LINE.exec(first);
  if (h) {
    if (n !== 1) return undefined;
    // markdown-it's heading content: after the marks, without a closing sequence.
    const pos = h[0].length;
    let max = first.length;
    while (max > pos && isSpaceOrTab(first.charCodeAt(max - 1))) max--;
    let tmp = max;
    while (tmp > pos && first.charCodeAt(tmp - 1) === 35) tmp--;
    if (tmp > pos && isSpaceOrTab(first.charCodeAt(tmp - 1))) max = tmp;
    const content = asciiTrim(first.slice(pos, max));
    const tag = 'h' + h[1].length;
    return [
      { type: 'heading_open', level: 0, map: [0, 1], content: '', tag, markup: h[1], info: '' },
      { type: 'inline', level: 1, map: [0, 1], content, tag: '', markup: '', info: '' },
      { type: 'heading_close', level: 0, map: null, content: '', tag, markup: h[1], info: '' },
    ];
  }
  const lines: string[] = [];
  for (let l = 0; l < n; l++) {
    const line = lineText(l);
    if (NOT_PLAIN_START.test(line)) return undefined;
    lines.push(line);
  }
  return [
    { type: 'paragraph_open', level: 0, map: [0, n], content: '', tag: 'p', markup: '', info: '' },
    { type: 'inline', level: 1, map: [0, n], content: asciiTrim(lines.join('\n')), tag: '', markup: '', info: '' },
    { type: 'paragraph_close', level: 0, map: null, content: '', tag: 'p', markup: '', info: '' },
  ];
}

function buildBlock(chunk: Chunk, fast: boolean): Block {
  const src = chunk.text;
  if (chunk.kind === 'frontmatter') return makeBlock(chunk, 'frontmatter', maskAll(src), [], []);
  const lineStarts = findLineStarts(src);
  const lineText = (l: number) => {
    const s = lineStarts[l];
    return src.slice(s, lineContentEnd(src, s, l + 1 < lineStarts.length ? lineStarts[l + 1] : src.length));
  };
  const tokens: MiniToken[] = (fast && plainTokens(src, lineStarts, lineText)) || md.parse(src, {});
  // Prose ranges grouped per inline token (its lines) or table cell: inline
  // masking runs over a whole group, so a comment or code span across lines is found.
  const proseGroups: [number, number][][] = [];
  const segs: { kind: Segment['kind']; start: number; end: number; extra: Partial<Segment> }[] = [];
  const lists: ListInfo[] = [];
  const listStack: ListInfo[] = [];
  let listIdSeq = 0;
  let quoteDepth = 0;
  let pendingItem: { ordered: boolean; marker: string; index: number; listId: number } | undefined;
  let headingLevel = 0;
  let type: Block['type'] | undefined;
  let tableId = 0;

  for (let t = 0; t < tokens.length; t++) {
    const tok = tokens[t];
    if (!type && tok.level === 0) type = blockType(tok);
    switch (tok.type) {
      case 'blockquote_open':
        quoteDepth++;
        break;
      case 'blockquote_close':
        quoteDepth--;
        break;
      case 'bullet_list_open':
      case 'ordered_list_open': {
        const info: ListInfo = { listId: listIdSeq++, ordered: tok.type === 'ordered_list_open', depth: listStack.length + 1, items: [], start: 0, end: 0 };
        if (tok.map) {
          info.start = lineStarts[tok.map[0]];
          info.end = tok.map[1] < lineStarts.length ? lineStarts[tok.map[1]] : src.length;
        }
        listStack.push(info);
        lists.push(info);
        break;
      }
      case 'bullet_list_close':
      case 'ordered_list_close':
        listStack.pop();
        break;
      case 'list_item_open': {
        const list = listStack[listStack.length - 1];
        if (list && tok.map) {
          const s = lineStarts[tok.map[0]];
          const e = tok.map[1] < lineStarts.length ? lineStarts[tok.map[1]] : src.length;
          list.items.push({ start: s, end: e });
          pendingItem = { ordered: list.ordered, marker: tok.info ? tok.info + tok.markup : tok.markup, index: list.items.length - 1, listId: list.listId };
        }
        break;
      }
      case 'heading_open':
        headingLevel = Number(tok.tag.slice(1));
        break;
      case 'heading_close':
        headingLevel = 0;
        break;
      case 'table_open':
        if (tok.map) {
          handleTable(tok.map[0], tok.map[1], tableId++);
          // Skip the table's own tokens: cells were handled from the source lines.
          while (t < tokens.length && tokens[t].type !== 'table_close') t++;
        }
        break;
      case 'inline': {
        if (!tok.map) break;
        const range = locateInline(tok, lineText, lineStarts);
        if (!range) break;
        const extra: Partial<Segment> = { listDepth: listStack.length, quoteDepth };
        if (headingLevel) extra.level = headingLevel;
        if (pendingItem) {
          extra.listItem = pendingItem;
          pendingItem = undefined;
        }
        segs.push({ kind: headingLevel ? 'heading' : 'paragraph', start: range[0][0], end: range[range.length - 1][1], extra });
        proseGroups.push(range);
        break;
      }
      default:
        break;
    }
  }

  function handleTable(l0: number, l1: number, id: number) {
    const rows: { cells: [number, number][] }[] = [];
    for (let l = l0; l < l1; l++) {
      const base = lineStarts[l];
      const line = lineText(l);
      rows.push({ cells: splitRow(line).map(([s, e]) => [base + s, base + e] as [number, number]) });
    }
    if (rows.length < 2) return;
    const cellText = (c: [number, number]) => src.slice(c[0], c[1]).trim();
    const headers = rows[0].cells.map(cellText);
    // rows[1] is the delimiter row: not prose.
    const bodyRows = [rows[0], ...rows.slice(2)];
    bodyRows.forEach((row, r) => {
      const rowLabel = row.cells.length ? cellText(row.cells[0]) : '';
      row.cells.forEach(([s, e], c) => {
        // Trim the cell to its content.
        while (s < e && /\s/.test(src[s])) s++;
        while (e > s && /\s/.test(src[e - 1])) e--;
        if (e <= s) return;
        proseGroups.push([[s, e]]);
        segs.push({
          kind: 'table-cell',
          start: s,
          end: e,
          extra: { quoteDepth, listDepth: listStack.length, table: { tableId: id, row: r, col: c, header: headers[c] ?? '', rowLabel, headers } },
        });
      });
    });
  }

  // Build the masked source: prose ranges kept (minus inline non-prose), the rest MASK.
  proseGroups.sort((a, b) => a[0][0] - b[0][0]);
  const parts: string[] = [];
  let pos = 0;
  for (const g of proseGroups) {
    if (g[g.length - 1][1] <= pos) continue;
    // The group's text, the gaps between its lines (container prefixes) masked.
    const text: string[] = [];
    let p = Math.max(g[0][0], pos);
    if (p > pos) parts.push(maskAll(src.slice(pos, p)));
    for (const [s, e] of g) {
      if (e <= p) continue;
      if (s > p) text.push(maskAll(src.slice(p, s)));
      text.push(src.slice(Math.max(s, p), e));
      p = e;
    }
    parts.push(maskInline(text.join('')));
    pos = p;
  }
  if (pos < src.length) parts.push(maskAll(src.slice(pos)));
  // Every line end reads '\n' in the prose view, whatever the file uses: a lone
  // \r becomes \n here (same length); the \r of \r\n is dropped by proseView().
  let masked = parts.join('');
  if (masked.includes('\r')) masked = masked.replace(/\r(?!\n)/g, '\n');
  const block = makeBlock(chunk, type ?? 'other', masked, [], lists);
  // Segment offsets are in source coordinates; map to prose coordinates.
  // Cell texts are normalized once each and the headers once per table (not
  // per cell: that was cells x columns, quadratic for a wide table).
  const normalized = new Map<string, string>();
  const norm = (t: string) => {
    let v = normalized.get(t);
    if (v === undefined) normalized.set(t, (v = normalizeCellText(t)));
    return v;
  };
  const tableHeaders = new Map<string[], string[]>();
  for (const s of segs) {
    const seg: Segment = { kind: s.kind, start: block.toProse(s.start), end: block.toProse(s.end), ...s.extra };
    if (seg.table) {
      let headers = tableHeaders.get(seg.table.headers);
      if (!headers) tableHeaders.set(seg.table.headers, (headers = seg.table.headers.map(norm)));
      seg.table = { ...seg.table, header: norm(seg.table.header), rowLabel: norm(seg.table.rowLabel), headers };
    }
    block.segments.push(seg);
  }
  for (const l of lists) {
    l.start = block.toProse(l.start);
    l.end = block.toProse(l.end);
    l.items = l.items.map((it) => ({ start: block.toProse(it.start), end: block.toProse(it.end) }));
  }
  return block;
}

function normalizeCellText(s: string): string {
  return nfcBounded(maskInline(s).replace(/\u0000+/g, ' ').replace(/[*_`]/g, '').trim());
}

function blockType(tok: MiniToken): Block['type'] {
  switch (tok.type) {
    case 'paragraph_open':
      return 'paragraph';
    case 'heading_open':
      return 'heading';
    case 'bullet_list_open':
    case 'ordered_list_open':
      return 'list';
    case 'table_open':
      return 'table';
    case 'blockquote_open':
      return 'quote';
    case 'fence':
    case 'code_block':
      return 'fence';
    case 'html_block':
      return 'html';
    default:
      return 'other';
  }
}

function makeBlock(chunk: Chunk, type: Block['type'], maskedSource: string, segments: Segment[], lists: ListInfo[]): Block {
  const view = proseView(maskedSource);
  return {
    start: chunk.start,
    source: chunk.text,
    prose: view.text,
    normalized: view.normalized,
    toSource: view.toSource,
    toProse: view.toView,
    ...(view.strays ? { strayMarks: view.strays } : {}),
    segments,
    lists,
    type,
    memo: new Map(),
  };
}

/**
 * The NFC view of the masked source with the \r of each \r\n dropped, so a
 * CRLF file reads exactly like its LF form (rules look for '\n' at line edges).
 * Offsets map back through both steps: a view '\n' maps to the source '\r'.
 */
function proseView(masked: string): NfcView {
  if (!masked.includes('\r\n')) return nfcView(masked);
  const crs: number[] = []; // source offsets of the dropped \r
  for (let i = masked.indexOf('\r\n'); i >= 0; i = masked.indexOf('\r\n', i + 2)) crs.push(i);
  const inner = nfcView(masked.replace(/\r\n/g, '\n'));
  // Stripped offset of each dropped \r (where its \n now stands).
  const at = crs.map((c, k) => c - k);
  return {
    text: inner.text,
    normalized: true,
    toSource: (o) => {
      const s = inner.toSource(o);
      return s + countBelow(at, s);
    },
    toView: (o) => inner.toView(o - countBelow(crs, o)),
    ...(inner.strays ? { strays: inner.strays.map((x) => x + countBelow(at, x)) } : {}),
  };
}

function maskAll(s: string): string {
  // Every line end reads '\n' in the prose view, whatever the file uses: a lone
  // \r becomes \n here; the \r of \r\n is dropped by proseView().
  return s.replace(/[^\r\n]/g, MASK).replace(/\r(?!\n)/g, '\n');
}

function indexOrEnd(s: string, ch: string, from: number): number {
  const i = s.indexOf(ch, from);
  return i < 0 ? s.length : i;
}


// Trimming is done by hand: /[ \t]+$/ retries from every blank of a run and
// is quadratic in the run's length (a pasted line of 80,000 spaces took 18 s).
function trimEndBlanks(s: string): string {
  let e = s.length;
  while (e > 0 && isSpaceOrTab(s.charCodeAt(e - 1))) e--;
  return e === s.length ? s : s.slice(0, e);
}
/** Drop an ATX closing sequence: blanks, then #s, at the end (what /[ \t]+#+$/ matched). */
function stripClosingHashes(s: string): string {
  let h = s.length;
  while (h > 0 && s.charCodeAt(h - 1) === 35) h--;
  if (h === s.length || h === 0 || !isSpaceOrTab(s.charCodeAt(h - 1))) return s;
  while (h > 0 && isSpaceOrTab(s.charCodeAt(h - 1))) h--;
  return s.slice(0, h);
}
/** An ATX heading line: its first word is 1-6 #s. */
const ATX_HEADING = /^\s*#{1,6}(?:\s|$)/;

/**
 * Find the source ranges of an inline token's content: one range per line.
 * markdown-it strips container prefixes (quote markers, list indentation) and
 * trims lines; each content line is the tail of its source line.
 */
function locateInline(tok: MiniToken, lineText: (l: number) => string, lineStarts: number[]): [number, number][] | undefined {
  const [l0, l1] = tok.map!;
  const contentLines = tok.content.split('\n');
  const out: [number, number][] = [];
  for (let k = 0; k < contentLines.length && l0 + k < l1; k++) {
    const cl = trimEndBlanks(contentLines[k]);
    if (!cl) continue;
    const line = lineText(l0 + k);
    const trimmed = trimEndBlanks(line);
    let idx = trimmed.length - cl.length;
    if (idx < 0 || trimmed.slice(idx) !== cl) {
      idx = line.indexOf(cl);
      if (idx < 0) {
        // Heading with closing #s, or content changed by the parser: take the line after its prefix.
        const m = /^[ \t>]*(?:#{1,6}[ \t]+|(?:[-*+]|\d{1,9}[.)])[ \t]+)?/.exec(line)!;
        const end = trimEndBlanks(stripClosingHashes(trimEndBlanks(line))).length;
        if (end > m[0].length) out.push([lineStarts[l0 + k] + m[0].length, lineStarts[l0 + k] + end]);
        continue;
      }
    }
    let end = idx + cl.length;
    if (ATX_HEADING.test(line)) {
      // ATX heading: drop a closing sequence if the content kept it.
      const body = stripClosingHashes(line.slice(idx, end));
      end = idx + body.length;
    }
    out.push([lineStarts[l0 + k] + idx, lineStarts[l0 + k] + end]);
  }
  return out.length ? out : undefined;
}

/** Split a table row into cell ranges (relative to the line), honouring escaped pipes and code spans. */
function splitRow(line: string): [number, number][] {
  const cells: [number, number][] = [];
  let i = 0;
  const n = line.length;
  while (i < n && (line[i] === ' ' || line[i] === '\t')) i++;
  if (line[i] === '|') i++;
  let start = i;
  let inCode = 0;
  for (; i < n; i++) {
    const c = line[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (c === '`') {
      let run = 1;
      while (line[i + run] === '`') run++;
      if (!inCode) inCode = run;
      else if (inCode === run) inCode = 0;
      i += run - 1;
      continue;
    }
    if (c === '|' && !inCode) {
      cells.push([start, i]);
      start = i + 1;
    }
  }
  if (line.slice(start).trim() !== '') cells.push([start, n]);
  return cells;
}

// Inline non-prose, in one pass of alternatives (each linear; no nested quantifiers).
// Every alternative must fail fast where it cannot match: a scan that can run
// to the end of the text from each of many starts is quadratic (see
// test/unit/hostile.test.ts). HTML comments are therefore found by indexOf in
// maskInline, the image alt text stops at '[', and an e-mail's local part
// starts only where a run of its characters starts.
// A link destination: no "(" except one balanced pair level ("wiki/A_(b)"). It
// stops at the next unbalanced "(", so from each "](" the scan ends at the next
// "](" ("[a](" repeated on one line was quadratic when it ran to the line end).
// The two alternatives start with different characters: no backtracking choice.
/** Top-level domains a scheme-less host ends with before its "/" (a dotted word before "/" is often prose: "1.2/3"). */
const TLD = 'vn|com|org|net|gov|edu|int|info|io|who|us|uk|fr|de|jp|kr|cn|au|ca';
/** File extensions of documents and data a report names. */
const FILE_EXT = 'xlsx?|xlsm|docx?|pdf|csv|md|txt|pptx?|odt|ods|zip|rar|7z|json|xml|html?|png|jpe?g|gif|svg|sav|dta|rds';
/** The rest of a path token, not its trailing sentence punctuation (greedy, then gives back within the token). */
const PATH_TAIL = '(?:[^\\s()\\[\\]<>"\'\\u0000]*[^\\s()\\[\\]<>"\'\\u0000.,;:!?])?';
const DEST = '(?:[^()\\s]|\\([^()\\s]*\\))*';
const INLINE_NON_PROSE = new RegExp(
  [
    '(`+)[^`]*?\\1', // code span (simple case; unbalanced backticks stay prose)
    '<(?:https?|ftp|mailto):[^>\\s]*>', // autolink
    '</?[A-Za-z][A-Za-z0-9-]*(?:\\s[^<>]*)?/?>', // HTML tag
    `!\\[[^\\[\\]\\n]*\\]\\(${DEST}(?:\\s+"[^"\\n]*")?\\)`, // image
    `\\]\\(${DEST}(?:\\s+"[^"\\n]*")?\\)`, // link destination after the text
    '\\]\\[[^\\]\\n]*\\]', // reference link label
    '\\b(?:https?|ftp)://[^\\s<>()\\u0000]+', // bare URL
    '\\bwww\\.[^\\s<>()\\u0000]+',
    // Host-like and path-like tokens without a scheme (moh.gov.vn/covid-19/x,
    // C:\\Bao cao\\covid 19\\, du-lieu_Covid-19.xlsx, ./data/x): not prose, so no
    // rule edits inside them. Each starts only where a token starts (lookbehind),
    // so a long run is scanned once.
    `(?<![A-Za-z0-9._-])[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.(?:${TLD})/${PATH_TAIL}`,
    '(?<![A-Za-z0-9])[A-Za-z]:\\\\(?:[^\\\\\\n<>:"|?*\\u0000]*\\\\)*[^\\s\\\\<>:"|?*\\u0000]*',
    `(?<![^\\s(\\[<"'\\u0000])[^\\s()\\[\\]<>"'\\u0000]+\\.(?:${FILE_EXT})(?![A-Za-z0-9])`,
    `(?<![^\\s(\\[<"'\\u0000])(?:\\.{1,2}|~)?/[A-Za-z0-9._-]+/${PATH_TAIL}`,
    '(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)+', // e-mail
    '\\\\[!-/:-@\\[-`{-~]', // backslash escape
    '\\*{1,3}|_{2,3}|~~', // emphasis delimiters
  ].join('|'),
  'g',
);

/**
 * A character some alternative of INLINE_NON_PROSE needs. Only two need none of
 * the symbols: "www." and a file name, whose "." comes before a letter (or "7z"); a
 * sentence's full stop (before a space) does not call for the big regex.
 */
const MAY_HAVE_NON_PROSE = /[`<\]!\\*_~@/]|www\.|\.(?:[A-Za-z]|7z)/;

const maskKeepingLines = (m: string): string => m.replace(/[^\r\n]/g, MASK);

/**
 * Where a match of [start, end) should end so that NFC and NFD text mask the
 * same letters: before a base letter that composes with the marks after it.
 */
function clusterSafeEnd(s: string, start: number, end: number): number {
  while (end > start && end < s.length && isMarkAt(s, end)) {
    let k = end;
    // At most a cluster's worth of marks: normalize() is quadratic on a long run.
    while (k < s.length && k - end < MAX_MARKS && isMarkAt(s, k)) k++;
    const seq = s.slice(end - 1, k);
    if (seq.normalize('NFC').length === seq.length) break;
    end--;
  }
  return end;
}

/** Replace inline non-prose with MASK (same length, newlines kept). */
export function maskInline(s: string): string {
  if (!MAY_HAVE_NON_PROSE.test(s)) return s;
  const out: string[] = [];
  let pos = 0;
  // The next HTML comment at or after `from`: [start, index of its "-->"], or
  // none. The first "-->" found is reused while it still lies ahead, and once
  // there is none, no later "<!--" can close either: each part of the text is
  // scanned once.
  let close = -2;
  const nextComment = (from: number): [number, number] | undefined => {
    if (close === -1) return undefined;
    const c = s.indexOf('<!--', from);
    if (c < 0) return undefined;
    if (close < c + 4) close = s.indexOf('-->', c + 4);
    return close < 0 ? undefined : [c, close];
  };
  let comment = nextComment(0);
  INLINE_NON_PROSE.lastIndex = 0;
  let m = INLINE_NON_PROSE.exec(s);
  for (;;) {
    if (comment && (!m || comment[0] < m.index)) {
      // A comment starts first (no other alternative can match at "<!--").
      const end = comment[1] + 3;
      out.push(s.slice(pos, comment[0]), maskKeepingLines(s.slice(comment[0], end)));
      pos = end;
      comment = nextComment(pos);
      if (m && m.index < pos) {
        INLINE_NON_PROSE.lastIndex = pos;
        m = INLINE_NON_PROSE.exec(s);
      }
      continue;
    }
    if (!m) break;
    let t = m[0];
    const cut = clusterSafeEnd(s, m.index, m.index + t.length);
    if (cut < m.index + t.length) {
      // The match ended on a base letter whose marks follow (NFD "vnu" + horn):
      // in NFC that letter is one non-ASCII character the pattern stops before.
      INLINE_NON_PROSE.lastIndex = cut > m.index ? cut : m.index + 1;
      if (cut === m.index) {
        m = INLINE_NON_PROSE.exec(s);
        continue;
      }
      t = s.slice(m.index, cut);
    }
    out.push(s.slice(pos, m.index));
    // A backslash escape keeps the escaped character; a path-like token that starts with "\" is masked whole (same length).
    if (t[0] === '\\' && t.length === 2) out.push(MASK + t[1]);
    else if (t.startsWith('](') || t.startsWith('][')) out.push(MASK.repeat(t.length)); // the link text before stays prose
    else out.push(maskKeepingLines(t));
    pos = m.index + t.length;
    if (comment && comment[0] < pos) comment = nextComment(pos);
    m = INLINE_NON_PROSE.exec(s);
  }
  out.push(s.slice(pos));
  return out.join('');
}
