// Reads the structure of a Word .docx file: paragraphs (with heading level or
// list level), runs (bold/italic, footnote references, images), tables and
// footnotes. The zip is opened with fflate and the XML parsed with
// fast-xml-parser; only the mapping from WordprocessingML to this small model
// is ours. No file system access: bytes in, model out (the CLI and the
// extension read the file).
import { unzipSync } from 'fflate';
import { XMLParser } from 'fast-xml-parser';

/** A .docx that cannot be read: the message says why, for the user. */
export class DocxError extends Error {}

export interface DocxRun {
  text: string;
  bold?: boolean;
  italic?: boolean;
  /** A footnote reference: the footnote's id in `DocxDocument.footnotes`. */
  footnote?: string;
  /** An embedded image: its path inside the package (word/media/...). */
  image?: string;
}

export interface DocxParagraph {
  kind: 'paragraph';
  /** 1–6 for a heading (Heading N style or outline level), 0 otherwise. */
  heading: number;
  /** A list item: its nesting level (0-based) and whether it is numbered. */
  list?: { level: number; ordered: boolean; id: string };
  runs: DocxRun[];
}

export interface DocxTable {
  kind: 'table';
  /** rows × cells × the cell's paragraphs (nested tables are flattened into paragraphs). */
  rows: DocxParagraph[][][];
}

export type DocxBlock = DocxParagraph | DocxTable;

export interface DocxDocument {
  blocks: DocxBlock[];
  /** Footnote id → its paragraphs (separators left out). */
  footnotes: Map<string, DocxParagraph[]>;
  /** Package path → bytes, for the images the runs refer to. */
  media: Map<string, Uint8Array>;
}

/** Limits that keep a hostile file from exhausting memory. */
export const DOCX_LIMITS = { fileBytes: 64 * 1024 * 1024, partBytes: 128 * 1024 * 1024 };

type XNode = Record<string, unknown>;

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
  processEntities: true,
  htmlEntities: false,
});

function tagOf(n: XNode): string | undefined {
  for (const k of Object.keys(n)) if (k !== ':@') return k;
  return undefined;
}
function kids(n: XNode): XNode[] {
  const t = tagOf(n);
  const v = t ? n[t] : undefined;
  return Array.isArray(v) ? (v as XNode[]) : [];
}
function attr(n: XNode, name: string): string | undefined {
  const a = n[':@'] as Record<string, string> | undefined;
  return a?.[name];
}
function child(n: XNode, tag: string): XNode | undefined {
  return kids(n).find((c) => tagOf(c) === tag);
}
/** A w:b / w:i toggle: present and not switched off by w:val="0|false|off". */
function on(n: XNode | undefined): boolean {
  if (!n) return false;
  const v = attr(n, 'w:val');
  return v === undefined || !/^(0|false|off)$/i.test(v);
}

function parseXml(bytes: Uint8Array | undefined, what: string): XNode[] {
  if (!bytes) return [];
  try {
    return parser.parse(new TextDecoder('utf-8').decode(bytes)) as XNode[];
  } catch (e) {
    throw new DocxError(`the document's ${what} is not well-formed XML (${(e as Error).message.split('\n')[0]})`);
  }
}

function findDeep(nodes: XNode[], tag: string): XNode | undefined {
  for (const n of nodes) {
    if (tagOf(n) === tag) return n;
    const f = findDeep(kids(n), tag);
    if (f) return f;
  }
  return undefined;
}

/** Open the package; say plainly what a file that is not a .docx is. */
function unzip(bytes: Uint8Array): Record<string, Uint8Array> {
  if (bytes.length > DOCX_LIMITS.fileBytes) throw new DocxError(`file too large (${Math.round(bytes.length / 1048576)} MB; the limit is ${DOCX_LIMITS.fileBytes / 1048576} MB)`);
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0)
    throw new DocxError('password-protected (encrypted) document or old Word 97–2003 .doc format; save it as an unprotected .docx');
  if (!(bytes[0] === 0x50 && bytes[1] === 0x4b)) throw new DocxError('not a Word .docx file (no zip package)');
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter: (f) => {
        if (f.originalSize > DOCX_LIMITS.partBytes) throw new DocxError(`part ${f.name} is too large when unpacked (${Math.round(f.originalSize / 1048576)} MB)`);
        return f.name.startsWith('word/') || f.name === '[Content_Types].xml';
      },
    });
  } catch (e) {
    if (e instanceof DocxError) throw e;
    throw new DocxError(`damaged .docx package (${(e as Error).message})`);
  }
  if (!files['word/document.xml']) throw new DocxError('not a Word .docx file (no word/document.xml)');
  return files;
}

export function readDocx(bytes: Uint8Array): DocxDocument {
  const files = unzip(bytes);
  // Styles: id → heading level (Heading N, Title, or an outline level).
  const headingOfStyle = new Map<string, number>();
  const styles = findDeep(parseXml(files['word/styles.xml'], 'styles'), 'w:styles');
  for (const s of styles ? kids(styles) : []) {
    if (tagOf(s) !== 'w:style') continue;
    const id = attr(s, 'w:styleId');
    if (!id) continue;
    const name = attr(child(s, 'w:name') ?? {}, 'w:val') ?? '';
    const m = /^heading\s*(\d)$/i.exec(name) ?? /^Heading(\d)$/.exec(id);
    const lvl = child(child(s, 'w:pPr') ?? {}, 'w:outlineLvl');
    if (m) headingOfStyle.set(id, Math.min(6, Number(m[1])));
    else if (/^title$/i.test(name)) headingOfStyle.set(id, 1);
    else if (lvl && attr(lvl, 'w:val') !== undefined && Number(attr(lvl, 'w:val')) < 6) headingOfStyle.set(id, Number(attr(lvl, 'w:val')) + 1);
  }
  // Numbering: numId → abstract levels' formats (bullet or a number).
  const numFormats = new Map<string, Map<string, string>>();
  const numbering = findDeep(parseXml(files['word/numbering.xml'], 'numbering'), 'w:numbering');
  if (numbering) {
    const abstract = new Map<string, Map<string, string>>();
    for (const a of kids(numbering)) {
      if (tagOf(a) !== 'w:abstractNum') continue;
      const lv = new Map<string, string>();
      for (const l of kids(a)) if (tagOf(l) === 'w:lvl') lv.set(attr(l, 'w:ilvl') ?? '0', attr(child(l, 'w:numFmt') ?? {}, 'w:val') ?? 'decimal');
      abstract.set(attr(a, 'w:abstractNumId') ?? '', lv);
    }
    for (const n of kids(numbering)) {
      if (tagOf(n) !== 'w:num') continue;
      const aid = attr(child(n, 'w:abstractNumId') ?? {}, 'w:val') ?? '';
      numFormats.set(attr(n, 'w:numId') ?? '', abstract.get(aid) ?? new Map());
    }
  }
  // Relationships: r:id → media path, for images.
  const rels = new Map<string, string>();
  const relRoot = findDeep(parseXml(files['word/_rels/document.xml.rels'], 'relationships'), 'Relationships');
  for (const r of relRoot ? kids(relRoot) : []) {
    const id = attr(r, 'Id');
    const target = attr(r, 'Target');
    if (id && target && /\/image$/.test(attr(r, 'Type') ?? '')) rels.set(id, target.startsWith('/') ? target.slice(1) : 'word/' + target.replace(/^\.\//, ''));
  }

  const paragraph = (p: XNode): DocxParagraph => {
    const ppr = child(p, 'w:pPr');
    const styleId = ppr ? attr(child(ppr, 'w:pStyle') ?? {}, 'w:val') : undefined;
    let heading = styleId ? headingOfStyle.get(styleId) ?? 0 : 0;
    const ol = ppr ? child(ppr, 'w:outlineLvl') : undefined;
    if (!heading && ol && Number(attr(ol, 'w:val')) < 6) heading = Number(attr(ol, 'w:val')) + 1;
    const out: DocxParagraph = { kind: 'paragraph', heading, runs: [] };
    const numPr = ppr ? child(ppr, 'w:numPr') : undefined;
    if (numPr && !heading) {
      const numId = attr(child(numPr, 'w:numId') ?? {}, 'w:val') ?? '';
      const ilvl = attr(child(numPr, 'w:ilvl') ?? {}, 'w:val') ?? '0';
      // numId 0 switches numbering off for the paragraph.
      if (numId !== '0') out.list = { level: Number(ilvl) || 0, ordered: (numFormats.get(numId)?.get(ilvl) ?? 'bullet') !== 'bullet', id: numId };
    }
    const walk = (nodes: XNode[]) => {
      for (const n of nodes) {
        const t = tagOf(n);
        if (t === 'w:r') run(n);
        // Content that holds runs: links, tracked insertions, content controls, fields, smart tags.
        else if (t === 'w:hyperlink' || t === 'w:ins' || t === 'w:smartTag' || t === 'w:fldSimple' || t === 'w:sdt' || t === 'w:sdtContent' || t === 'w:customXml') walk(kids(n));
        // w:del (tracked deletions), w:pPr, bookmarks, comments: not text.
      }
    };
    const run = (r: XNode) => {
      const rpr = child(r, 'w:rPr');
      const bold = on(rpr ? child(rpr, 'w:b') : undefined);
      const italic = on(rpr ? child(rpr, 'w:i') : undefined);
      let text = '';
      const flush = () => {
        if (text) out.runs.push({ text, ...(bold ? { bold } : {}), ...(italic ? { italic } : {}) });
        text = '';
      };
      for (const c of kids(r)) {
        const t = tagOf(c);
        if (t === 'w:t') text += kids(c).map((x) => (x['#text'] as string | undefined) ?? '').join('');
        else if (t === 'w:tab') text += '\t';
        else if (t === 'w:br' || t === 'w:cr') text += ' ';
        else if (t === 'w:noBreakHyphen') text += '-';
        else if (t === 'w:footnoteReference') {
          flush();
          out.runs.push({ text: '', footnote: attr(c, 'w:id') ?? '' });
        } else if (t === 'w:drawing' || t === 'w:pict') {
          const blip = findDeep([c], 'a:blip') ?? findDeep([c], 'v:imagedata');
          const rid = blip ? attr(blip, 'r:embed') ?? attr(blip, 'r:id') : undefined;
          const path = rid ? rels.get(rid) : undefined;
          if (path) {
            flush();
            out.runs.push({ text: '', image: path });
          }
        }
      }
      flush();
    };
    walk(kids(p));
    return out;
  };

  const cellParagraphs = (tc: XNode): DocxParagraph[] => {
    const ps: DocxParagraph[] = [];
    for (const n of kids(tc)) {
      const t = tagOf(n);
      if (t === 'w:p') ps.push(paragraph(n));
      else if (t === 'w:tbl') for (const row of table(n).rows) for (const cell of row) ps.push(...cell);
      else if (t === 'w:sdt') ps.push(...cellParagraphs(child(n, 'w:sdtContent') ?? {}));
    }
    return ps;
  };
  const table = (tbl: XNode): DocxTable => {
    const rows: DocxParagraph[][][] = [];
    for (const tr of kids(tbl)) {
      if (tagOf(tr) !== 'w:tr') continue;
      const cells: DocxParagraph[][] = [];
      for (const tc of kids(tr)) {
        if (tagOf(tc) === 'w:tc') cells.push(cellParagraphs(tc));
        else if (tagOf(tc) === 'w:sdt') for (const x of kids(child(tc, 'w:sdtContent') ?? {})) if (tagOf(x) === 'w:tc') cells.push(cellParagraphs(x));
      }
      rows.push(cells);
    }
    return { kind: 'table', rows };
  };
  const blocksOf = (nodes: XNode[], into: DocxBlock[]) => {
    for (const n of nodes) {
      const t = tagOf(n);
      if (t === 'w:p') into.push(paragraph(n));
      else if (t === 'w:tbl') into.push(table(n));
      else if (t === 'w:sdt') blocksOf(kids(child(n, 'w:sdtContent') ?? {}), into);
    }
  };

  const body = findDeep(parseXml(files['word/document.xml'], 'main part'), 'w:body');
  if (!body) throw new DocxError('not a Word .docx file (no document body)');
  const blocks: DocxBlock[] = [];
  blocksOf(kids(body), blocks);

  const footnotes = new Map<string, DocxParagraph[]>();
  const fn = findDeep(parseXml(files['word/footnotes.xml'], 'footnotes'), 'w:footnotes');
  for (const f of fn ? kids(fn) : []) {
    if (tagOf(f) !== 'w:footnote') continue;
    const type = attr(f, 'w:type');
    if (type === 'separator' || type === 'continuationSeparator' || type === 'continuationNotice') continue;
    footnotes.set(attr(f, 'w:id') ?? '', kids(f).filter((x) => tagOf(x) === 'w:p').map(paragraph));
  }
  const media = new Map<string, Uint8Array>();
  for (const [name, data] of Object.entries(files)) if (name.startsWith('word/media/')) media.set(name, data);
  return { blocks, footnotes, media };
}
