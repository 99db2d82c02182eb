// A .docx model → Markdown (GFM tables, lists, bold/italic, footnotes, images),
// with a map from every stretch of Markdown text back to where a Word user
// finds it: the paragraph number (page-independent), the heading it is under,
// and table/row/column for cells. The checker runs on this Markdown; the map
// turns its offsets into Word locations. Import writes the same Markdown.
import type { DocxDocument, DocxParagraph, DocxRun } from './docx-read';
import { msg, localize } from '../engine/msg';
import { upperBound } from '../engine/search';
import type { Locale, Msg } from '../engine/types';

export interface WordLocation {
  /** 1-based: paragraphs of the body outside tables with text, headings included, in order. */
  paragraph?: number;
  /** The text of the nearest heading above. */
  heading?: string;
  /** 1-based table number, row and column, for text in a table cell. */
  table?: { index: number; row: number; column: number };
  /** The footnote's number as Word shows its id. */
  footnote?: string;
}

interface Span {
  start: number;
  end: number;
  loc: WordLocation;
}

export interface DocxMarkdown {
  markdown: string;
  /** Sorted, non-overlapping: Markdown ranges of text that came from one paragraph or cell. */
  spans: Span[];
  /** Images to write beside the Markdown: relative path (as linked) → bytes. */
  images: Map<string, Uint8Array>;
}

export interface ToMarkdownOptions {
  /** Normalize the text to NFC (import does; checking keeps the file as written). */
  nfc?: boolean;
  /** The folder, relative to the Markdown file, where images are linked from. */
  imageDir?: string;
}

const norm = (s: string, nfc: boolean) => (nfc ? s.normalize('NFC') : s);

export function docxToMarkdown(doc: DocxDocument, opts: ToMarkdownOptions = {}): DocxMarkdown {
  const nfc = opts.nfc ?? false;
  const imageDir = (opts.imageDir ?? 'images').replace(/\/+$/, '');
  let md = '';
  const spans: Span[] = [];
  const images = new Map<string, Uint8Array>();
  let paragraphNo = 0;
  let tableNo = 0;
  let heading: string | undefined;
  const listCounters: number[] = [];
  /** The numbering of the list being written: another one starts a new list. */
  let listId = '';

  /** Inline Markdown of a paragraph's runs; `escape` protects table pipes. */
  const inline = (runs: DocxRun[], inTable: boolean): string => {
    let out = '';
    let i = 0;
    while (i < runs.length) {
      const r = runs[i];
      if (r.footnote !== undefined) {
        out += `[^${r.footnote}]`;
        i++;
        continue;
      }
      if (r.image) {
        const name = r.image.split('/').pop() ?? r.image;
        const data = doc.media.get(r.image);
        if (data) images.set(`${imageDir}/${name}`, data);
        out += `![](${imageDir}/${name})`;
        i++;
        continue;
      }
      // Adjacent runs with the same emphasis become one stretch.
      let text = '';
      const { bold, italic } = r;
      while (i < runs.length && runs[i].footnote === undefined && !runs[i].image && !!runs[i].bold === !!bold && !!runs[i].italic === !!italic) text += runs[i++].text;
      text = norm(text.replace(/\t/g, ' '), nfc);
      if (inTable) text = text.replace(/\|/g, '\\|');
      const mark = (bold ? '**' : '') + (italic ? '*' : '');
      if (mark && text.trim()) {
        // Markers hug the words: emphasis cannot start or end with a space.
        const lead = /^\s*/.exec(text)![0];
        const trail = /\s*$/.exec(text.slice(lead.length))![0];
        out += lead + mark + text.slice(lead.length, text.length - trail.length) + [...mark].reverse().join('') + trail;
      } else out += text;
    }
    return out;
  };
  const plain = (p: DocxParagraph) => norm(p.runs.map((r) => r.text).join(''), nfc).replace(/\s+/g, ' ').trim();
  /** Append text and remember where it came from. */
  const put = (text: string, loc: WordLocation) => {
    if (text) spans.push({ start: md.length, end: md.length + text.length, loc });
    md += text;
  };

  for (const b of doc.blocks) {
    if (b.kind === 'paragraph') {
      // A heading is bold by its style: bold runs in it are not emphasis.
      const text = inline(b.heading ? b.runs.map((r) => ({ ...r, bold: false })) : b.runs, false);
      if (!text.trim()) {
        listCounters.length = 0;
        continue;
      }
      paragraphNo++;
      if (b.heading) {
        heading = plain(b);
        listCounters.length = 0;
        md += '#'.repeat(b.heading) + ' ';
        put(text.trim(), { paragraph: paragraphNo, heading });
        md += '\n\n';
      } else if (b.list) {
        const lv = b.list.level;
        if (b.list.id !== listId && listCounters.length) {
          // Another list right after one: a blank line keeps them apart.
          md += '\n';
          listCounters.length = 0;
        }
        listId = b.list.id;
        listCounters.length = lv + 1;
        listCounters[lv] = (listCounters[lv] ?? 0) + 1;
        md += '   '.repeat(lv) + (b.list.ordered ? `${listCounters[lv]}. ` : '- ');
        put(text.trim(), { paragraph: paragraphNo, heading });
        md += '\n';
        continue; // items of one list stay together
      } else {
        if (listCounters.length) md += '\n';
        listCounters.length = 0;
        // A paragraph that would read as Markdown syntax stays text.
        const t = text.trim().replace(/^(#{1,6}\s|>|\||```|~~~)/, '\\$1');
        put(t, { paragraph: paragraphNo, heading });
        md += '\n\n';
      }
      continue;
    }
    if (listCounters.length) md += '\n';
    listCounters.length = 0;
    const rows = b.rows.filter((r) => r.length);
    if (!rows.length) continue;
    tableNo++;
    const width = Math.max(...rows.map((r) => r.length));
    rows.forEach((row, ri) => {
      md += '|';
      for (let ci = 0; ci < width; ci++) {
        const cell = row[ci] ?? [];
        md += ' ';
        const parts = cell.map((p) => inline(p.runs, true).trim()).filter((s) => s);
        parts.forEach((s, k) => {
          if (k) md += '<br>';
          put(s, { table: { index: tableNo, row: ri + 1, column: ci + 1 }, heading });
        });
        md += ' |';
      }
      md += '\n';
      if (ri === 0) md += '|' + ' --- |'.repeat(width) + '\n';
    });
    md += '\n';
  }
  if (listCounters.length) md += '\n';
  // Footnotes at the end, in GFM's footnote syntax.
  for (const [id, ps] of doc.footnotes) {
    const text = ps.map((p) => inline(p.runs, false).trim()).filter((s) => s).join(' ');
    if (!text) continue;
    md += `[^${id}]: `;
    put(text, { footnote: id, heading: undefined });
    md += '\n\n';
  }
  return { markdown: md.replace(/\n{3,}/g, '\n\n').replace(/\n+$/, '\n'), spans: fixSpans(md, spans), images };
}

/** Collapsing blank lines moved text: recompute span offsets over the final string. */
function fixSpans(raw: string, spans: Span[]): Span[] {
  // Map raw offsets to offsets in the collapsed text (only runs of 3+ newlines shrink).
  const shift: { at: number; delta: number }[] = [];
  let delta = 0;
  const re = /\n{3,}/g;
  for (let m = re.exec(raw); m; m = re.exec(raw)) {
    delta += m[0].length - 2;
    shift.push({ at: m.index + m[0].length, delta });
  }
  if (!shift.length) return spans;
  let k = 0;
  let d = 0;
  return spans.map((s) => {
    while (k < shift.length && shift[k].at <= s.start) d = shift[k++].delta;
    return { start: s.start - d, end: s.end - d, loc: s.loc };
  });
}

/** Where a Markdown offset is in the Word document, with a quote of the words around it. */
export function locate(conv: DocxMarkdown, start: number, end: number = start): WordLocation & { quote: string } {
  const { spans, markdown } = conv;
  // The last span starting at or before `start`.
  const hit = upperBound(spans, start, (s) => s.start) - 1;
  const span = hit >= 0 ? spans[hit] : spans[0];
  if (!span) return { quote: '' };
  const from = Math.max(span.start, start - 30);
  const to = Math.min(span.end, Math.max(end, start + 1) + 30);
  let quote = markdown.slice(from, to).replace(/[\r\n]+/g, ' ').trim();
  if (from > span.start) quote = '…' + quote;
  if (to < span.end) quote += '…';
  return { ...span.loc, quote };
}

/** "đoạn 12 (mục "2. Khám chữa bệnh")" / "paragraph 12 (under "…")" for messages. */
export function describeLocation(l: WordLocation, locale: Locale): string {
  let m: Msg;
  if (l.table) m = msg(`bảng ${l.table.index}, hàng ${l.table.row}, cột ${l.table.column}`, `table ${l.table.index}, row ${l.table.row}, column ${l.table.column}`);
  else if (l.footnote !== undefined) m = msg(`chú thích ${l.footnote}`, `footnote ${l.footnote}`);
  else m = msg(`đoạn ${l.paragraph ?? '?'}`, `paragraph ${l.paragraph ?? '?'}`);
  if (l.heading) m = msg(`${m.vi} (mục "${short(l.heading)}")`, `${m.en} (under "${short(l.heading)}")`);
  return localize(m, locale);
}

const short = (s: string) => (s.length > 48 ? s.slice(0, 47) + '…' : s);
