// Markdown structure: split the document into top-level chunks (the unit of
// caching, found by a linear line scan), parse each chunk with markdown-it, and
// build its prose view: only prose stays readable, everything else (code, HTML,
// URLs, link destinations, front matter, Markdown syntax) becomes MASK.
import MarkdownIt from 'markdown-it';
type Token = ReturnType<MarkdownIt['parse']>[number];
import { nfcView, type NfcView } from './document';
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
  let chunkStart = pos;
  let fence: string | null = null;
  let inComment = false;
  let sawBlank = false;
  let chunkIsList = false;
  let lineStart = pos;
  // Next \n and next \r at or after lineStart, each searched again only once
  // passed, so finding line ends stays linear whichever kind the text uses.
  let nextLf = -1;
  let nextCr = -1;
  while (lineStart < text.length) {
    if (nextLf < lineStart && nextLf !== text.length) nextLf = indexOrEnd(text, '\n', lineStart);
    if (nextCr < lineStart && nextCr !== text.length) nextCr = indexOrEnd(text, '\r', lineStart);
    const lineEnd = Math.min(nextLf, nextCr);
    const line = text.slice(lineStart, lineEnd);
    const next = lineEnd + (text.charCodeAt(lineEnd) === 13 && text.charCodeAt(lineEnd + 1) === 10 ? 2 : 1);
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
  return chunks;
}

/** Build the Block (prose view, segments, lists) of one chunk. */
export function parseChunk(chunk: Chunk): Block {
  const src = chunk.text;
  if (chunk.kind === 'frontmatter') return makeBlock(chunk, 'frontmatter', MASK.repeat(0) + maskAll(src), [], []);
  const lineStarts = computeLineStarts(src);
  const lineText = (l: number) => {
    const s = lineStarts[l];
    let e = l + 1 < lineStarts.length ? lineStarts[l + 1] : src.length;
    while (e > s && (src.charCodeAt(e - 1) === 10 || src.charCodeAt(e - 1) === 13)) e--;
    return src.slice(s, e);
  };
  const tokens = md.parse(src, {});
  const proseRanges: [number, number][] = [];
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
        for (const r of range) proseRanges.push(r);
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
        proseRanges.push([s, e]);
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
  proseRanges.sort((a, b) => a[0] - b[0]);
  const parts: string[] = [];
  let pos = 0;
  for (const [s, e] of proseRanges) {
    if (e <= pos) continue;
    const from = Math.max(s, pos);
    if (from > pos) parts.push(maskAll(src.slice(pos, from)));
    parts.push(maskInline(src.slice(from, e)));
    pos = e;
  }
  if (pos < src.length) parts.push(maskAll(src.slice(pos)));
  const masked = parts.join('');
  const block = makeBlock(chunk, type ?? 'other', masked, [], lists);
  // Segment offsets are in source coordinates; map to prose coordinates.
  for (const s of segs) {
    const seg: Segment = { kind: s.kind, start: block.toProse(s.start), end: block.toProse(s.end), ...s.extra };
    if (seg.table) {
      seg.table = { ...seg.table, header: normalizeCellText(seg.table.header), rowLabel: normalizeCellText(seg.table.rowLabel), headers: seg.table.headers.map(normalizeCellText) };
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
  return maskInline(s).replace(/\u0000+/g, ' ').replace(/[*_`]/g, '').trim().normalize('NFC');
}

function blockType(tok: Token): Block['type'] {
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
  // Count of entries in `a` below x (a sorted).
  const below = (a: number[], x: number): number => {
    let lo = 0;
    let hi = a.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (a[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  // Stripped offset of each dropped \r (where its \n now stands).
  const at = crs.map((c, k) => c - k);
  return {
    text: inner.text,
    normalized: true,
    toSource: (o) => {
      const s = inner.toSource(o);
      return s + below(at, s);
    },
    toView: (o) => inner.toView(o - below(crs, o)),
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

/** Line starts as markdown-it numbers lines: after \n, \r\n or a lone \r. */
function computeLineStarts(s: string): number[] {
  const starts = [0];
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 10 || (c === 13 && s.charCodeAt(i + 1) !== 10)) starts.push(i + 1);
  }
  return starts;
}

/**
 * Find the source ranges of an inline token's content: one range per line.
 * markdown-it strips container prefixes (quote markers, list indentation) and
 * trims lines; each content line is the tail of its source line.
 */
function locateInline(tok: Token, lineText: (l: number) => string, lineStarts: number[]): [number, number][] | undefined {
  const [l0, l1] = tok.map!;
  const contentLines = tok.content.split('\n');
  const out: [number, number][] = [];
  for (let k = 0; k < contentLines.length && l0 + k < l1; k++) {
    const cl = contentLines[k].replace(/[ \t]+$/, '');
    if (!cl) continue;
    const line = lineText(l0 + k);
    const trimmed = line.replace(/[ \t]+$/, '');
    let idx = trimmed.length - cl.length;
    if (idx < 0 || trimmed.slice(idx) !== cl) {
      idx = line.indexOf(cl);
      if (idx < 0) {
        // Heading with closing #s, or content changed by the parser: take the line after its prefix.
        const m = /^[ \t>]*(?:#{1,6}[ \t]+|(?:[-*+]|\d{1,9}[.)])[ \t]+)?/.exec(line)!;
        const end = line.replace(/[ \t]+#+[ \t]*$/, '').replace(/[ \t]+$/, '').length;
        if (end > m[0].length) out.push([lineStarts[l0 + k] + m[0].length, lineStarts[l0 + k] + end]);
        continue;
      }
    }
    let end = idx + cl.length;
    if (/^#{1,6}$/.test(line.trimStart().split(/\s/)[0] ?? '')) {
      // ATX heading: drop a closing sequence if the content kept it.
      const body = line.slice(idx, end).replace(/[ \t]+#+$/, '');
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
const INLINE_NON_PROSE = new RegExp(
  [
    '(`+)[^`]*?\\1', // code span (simple case; unbalanced backticks stay prose)
    '<!--[\\s\\S]*?-->', // HTML comment
    '<(?:https?|ftp|mailto):[^>\\s]*>', // autolink
    '</?[A-Za-z][A-Za-z0-9-]*(?:\\s[^<>]*)?/?>', // HTML tag
    '!\\[[^\\]\\n]*\\]\\([^)\\s]*(?:\\s+"[^"\\n]*")?\\)', // image
    '\\]\\([^)\\s]*(?:\\s+"[^"\\n]*")?\\)', // link destination after the text
    '\\]\\[[^\\]\\n]*\\]', // reference link label
    '\\b(?:https?|ftp)://[^\\s<>()\\u0000]+', // bare URL
    '\\bwww\\.[^\\s<>()\\u0000]+',
    '[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)+', // e-mail
    '\\\\[!-/:-@\\[-`{-~]', // backslash escape
    '\\*{1,3}|_{2,3}|~~', // emphasis delimiters
  ].join('|'),
  'g',
);

/** Replace inline non-prose with MASK (same length, newlines kept). */
export function maskInline(s: string): string {
  if (!/[`<\]!\\*_~:@w]/.test(s)) return s;
  return s.replace(INLINE_NON_PROSE, (m) => {
    if (m[0] === '\\') return MASK + m[1]; // keep the escaped character itself
    if (m.startsWith('](') || m.startsWith('][')) return MASK.repeat(m.length); // the link text before stays prose
    return m.replace(/[^\r\n]/g, MASK);
  });
}
