// Markdown → .docx in the administrative layout of Nghị định 30/2020/NĐ-CP
// (Phụ lục I): A4; margins top/bottom 20 mm, left 30 mm, right 15 mm; Times
// New Roman 13–14 pt; the header block (issuing body left, national motto
// right, "Số:", place and date); title; body; "Nơi nhận" and the signature;
// page numbers centred in the header from page 2. Markdown is read by
// markdown-it, the document written by the `docx` package; only the mapping
// is ours.
import MarkdownIt from 'markdown-it';
type Token = ReturnType<MarkdownIt['parse']>[number];
import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  HeadingLevel,
  ImageRun,
  LevelFormat,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  convertMillimetersToTwip,
  type IBorderOptions,
  type ParagraphChild,
} from 'docx';

/** The NĐ 30 layout values this exporter writes (tests check them in the PDF). */
export const ND30 = {
  pageMm: { width: 210, height: 297 },
  marginMm: { top: 20, bottom: 20, left: 30, right: 15 },
  font: 'Times New Roman',
  bodyPt: 14,
  headerPt: 13,
} as const;

export interface ExportMeta {
  /** Issuing body ("TRUNG TÂM Y TẾ HUYỆN NINH PHƯỚC") and its parent ("SỞ Y TẾ TỈNH NINH THUẬN"). */
  unit?: string;
  parentUnit?: string;
  /** "125/BC-TTYT" (written after "Số: "). */
  number?: string;
  place?: string;
  /** ISO (2024-12-15) or Vietnamese (15/12/2024) date. */
  date?: string;
  signer?: string;
  signerTitle?: string;
  /** Recipients, separated by ";" or newlines. */
  recipients?: string;
}

export interface ExportOptions {
  /** Reads an image linked from the Markdown (relative path); undefined leaves its alt text. */
  readImage?: (src: string) => Uint8Array | undefined;
}

const pt = (n: number) => n * 2; // docx sizes are half-points

/** Front matter (flat `key: value`) and the body after it. */
export function splitFrontMatter(text: string): { meta: Record<string, string>; body: string } {
  const m = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(text);
  if (!m) return { meta: {}, body: text };
  const meta: Record<string, string> = {};
  for (const line of m[1].split(/\r\n|\r|\n/)) {
    const kv = /^([A-Za-z_][\w-]*)\s*:(.*)$/.exec(line);
    if (kv) meta[kv[1]] = kv[2].trim().replace(/^["']|["']$/g, '');
  }
  return { meta, body: text.slice(m[0].length) };
}

/** "15/12/2024" or "2024-12-15" → "ngày 15 tháng 12 năm 2024" (NĐ 30: day < 10 and months 1, 2 zero-padded). */
export function vietnameseDateLine(date: string | undefined): string {
  let d: number, mo: number, y: number;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})/.exec(date ?? '');
  const vi = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(date ?? '');
  if (iso) [y, mo, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (vi) [d, mo, y] = [Number(vi[1]), Number(vi[2]), Number(vi[3])];
  else return date ? date : 'ngày … tháng … năm …';
  const dd = d < 10 ? `0${d}` : String(d);
  const mm = mo <= 2 ? `0${mo}` : String(mo);
  return `ngày ${dd} tháng ${mm} năm ${y}`;
}

const NONE: IBorderOptions = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const NO_BORDERS = { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE };
const LINE: IBorderOptions = { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 };

interface RunStyle {
  bold?: boolean;
  italics?: boolean;
  size?: number;
  allCaps?: boolean;
}

/** Inline tokens → runs (bold, italic, line breaks, images). */
function runsOf(children: Token[] | null, base: RunStyle, opts: ExportOptions): ParagraphChild[] {
  const out: ParagraphChild[] = [];
  let bold = 0;
  let em = 0;
  // Only what is on: an explicit "not bold" would override the heading styles.
  const style = () => ({ font: ND30.font, size: pt(base.size ?? ND30.bodyPt), bold: !!base.bold || bold > 0 || undefined, italics: !!base.italics || em > 0 || undefined, allCaps: base.allCaps });
  for (const t of children ?? []) {
    switch (t.type) {
      case 'text':
      case 'code_inline':
        if (t.content) out.push(new TextRun({ text: t.content, ...style() }));
        break;
      case 'strong_open':
        bold++;
        break;
      case 'strong_close':
        bold--;
        break;
      case 'em_open':
        em++;
        break;
      case 'em_close':
        em--;
        break;
      case 'softbreak':
        out.push(new TextRun({ text: ' ', ...style() }));
        break;
      case 'hardbreak':
        out.push(new TextRun({ break: 1, ...style() }));
        break;
      case 'html_inline':
        if (/^<br\s*\/?>$/i.test(t.content)) out.push(new TextRun({ break: 1, ...style() }));
        break;
      case 'image': {
        const src = t.attrGet('src') ?? '';
        const data = /^[a-z]+:/i.test(src) ? undefined : opts.readImage?.(decodeURI(src));
        const type = /\.png$/i.test(src) ? 'png' : /\.jpe?g$/i.test(src) ? 'jpg' : /\.gif$/i.test(src) ? 'gif' : /\.bmp$/i.test(src) ? 'bmp' : undefined;
        if (data && type) out.push(new ImageRun({ type, data, transformation: { width: 400, height: 300 } }));
        else if (t.content) out.push(new TextRun({ text: `[${t.content}]`, ...style() }));
        break;
      }
      default:
        break;
    }
  }
  return out;
}

/** The text of an inline token (for recognising the header and signature tables). */
const textOf = (t: Token | undefined) => (t?.children ?? []).map((c) => (c.type === 'text' ? c.content : c.type === 'softbreak' || c.type === 'html_inline' ? '\n' : '')).join('');

/** The inline content of one table: rows × cells. */
function tableCells(tokens: Token[], start: number): { rows: Token[][]; end: number } {
  const rows: Token[][] = [];
  let i = start + 1;
  for (; i < tokens.length && tokens[i].type !== 'table_close'; i++) {
    if (tokens[i].type === 'tr_open') rows.push([]);
    else if (tokens[i].type === 'inline' && rows.length) rows[rows.length - 1].push(tokens[i]);
  }
  return { rows, end: i };
}

function centred(children: ParagraphChild[], after = 0, before = 0): Paragraph {
  return new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before, after, line: 240 }, children });
}
/** The short rule under the issuer and under the motto: an empty paragraph's bottom border, indented from both sides. */
function rule(widthMm: number, columnMm: number): Paragraph {
  const side = convertMillimetersToTwip(Math.max(0, (columnMm - widthMm) / 2));
  return new Paragraph({ spacing: { before: 0, after: 60, line: 120 }, border: { bottom: LINE }, indent: { left: side, right: side }, run: { size: 4 }, children: [] });
}
const run = (text: string, s: RunStyle = {}) => new TextRun({ text, font: ND30.font, size: pt(s.size ?? ND30.headerPt), bold: s.bold || undefined, italics: s.italics || undefined, allCaps: s.allCaps });

/** The text width between the margins, and the header's two columns (issuer 40%, motto 60%). */
const TEXT_MM = ND30.pageMm.width - ND30.marginMm.left - ND30.marginMm.right;
const LEFT_MM = Math.round(TEXT_MM * 0.4);
const RIGHT_MM = TEXT_MM - LEFT_MM;
/** A borderless two-column table with fixed widths (LibreOffice ignores percentages). */
function twoColumns(rows: [Paragraph[], Paragraph[]][], leftMm: number, rightMm: number): Table {
  const w = [convertMillimetersToTwip(leftMm), convertMillimetersToTwip(rightMm)];
  return new Table({
    width: { size: w[0] + w[1], type: WidthType.DXA },
    columnWidths: w,
    borders: NO_BORDERS,
    rows: rows.map(([l, r]) => new TableRow({ children: [new TableCell({ children: l, width: { size: w[0], type: WidthType.DXA }, borders: NO_BORDERS }), new TableCell({ children: r, width: { size: w[1], type: WidthType.DXA }, borders: NO_BORDERS })] })),
  });
}

/** The header block: issuer left, motto right, each over a short rule; number left, place and date right. */
function headerBlock(left: ParagraphChild[][], right: ParagraphChild[][], number: string, placeDate: string): Table {
  return twoColumns(
    [
      [
        [...left.map((l) => centred(l)), rule(LEFT_MM * 0.35, LEFT_MM)],
        [...right.map((l) => centred(l)), rule(RIGHT_MM * 0.6, RIGHT_MM)],
      ],
      [[centred([run(number)], 0, 60)], [centred([run(placeDate, { italics: true, size: ND30.bodyPt })], 0, 60)]],
    ],
    LEFT_MM,
    RIGHT_MM,
  );
}

function signatureBlock(recipients: string[], authority: ParagraphChild[][]): Table {
  const left = [new Paragraph({ children: [run('Nơi nhận:', { bold: true, italics: true, size: 12 })] }), ...recipients.map((r) => new Paragraph({ children: [run(r, { size: 11 })] }))];
  return twoColumns([[left, authority.map((l) => centred(l))]], TEXT_MM / 2, TEXT_MM / 2);
}

/** Split a cell's runs at line breaks into lines (for the header and signature tables). */
function cellLines(t: Token, s: RunStyle): ParagraphChild[][] {
  const lines: Token[][] = [[]];
  for (const c of t.children ?? []) {
    if ((c.type === 'html_inline' && /^<br/i.test(c.content)) || c.type === 'softbreak' || c.type === 'hardbreak') lines.push([]);
    else lines[lines.length - 1].push(c);
  }
  return lines.map((l) => runsOf(l, s, {}));
}

const HEADINGS = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4, HeadingLevel.HEADING_5, HeadingLevel.HEADING_6];
/** Headings in the body: bold (italic from level 4) Times New Roman in black, indented like a paragraph. */
const headingStyle = (italics: boolean) => ({
  run: { font: ND30.font, size: pt(ND30.bodyPt), bold: true, italics, color: '000000' },
  paragraph: { spacing: { before: 120, after: 120 }, indent: { firstLine: convertMillimetersToTwip(10) }, keepNext: true },
});

export async function markdownToDocx(markdown: string, meta: ExportMeta = {}, opts: ExportOptions = {}): Promise<Uint8Array> {
  const { meta: fm, body } = splitFrontMatter(markdown.replace(/\r\n?/g, '\n'));
  const m: ExportMeta = {
    unit: meta.unit ?? fm.unit,
    parentUnit: meta.parentUnit ?? fm.parentUnit,
    number: meta.number ?? fm.number,
    place: meta.place ?? fm.place,
    date: meta.date ?? fm.date,
    signer: meta.signer ?? fm.signer,
    signerTitle: meta.signerTitle ?? fm.signerTitle,
    recipients: meta.recipients ?? fm.recipients,
  };
  const md = new MarkdownIt('default', { html: true });
  const tokens = md.parse(body, {});
  const children: (Paragraph | Table)[] = [];
  let haveHeader = false;
  let haveSignature = false;
  let titleDone = false;
  /** The block just before was the title (its bold summary line may follow). */
  let justTitled = false;
  const listStack: { ordered: boolean; n: number }[] = [];
  let listInstances = 0;

  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.type === 'table_open') {
      const { rows, end } = tableCells(tokens, i);
      i = end;
      const first = rows[0] ?? [];
      if (!haveHeader && rows.length && /CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM/i.test(first.map(textOf).join(' ').normalize('NFC'))) {
        // The template's header table: its cells are the header block.
        haveHeader = true;
        const numberText = textOf(rows[1]?.[0]).trim();
        const placeText = textOf(rows[1]?.[1]).trim();
        children.push(headerBlock(cellLines(first[0], { size: ND30.headerPt }), cellLines(first[1], { size: ND30.headerPt }), numberText, placeText));
        continue;
      }
      if (!haveSignature && rows.length && /^\s*(\*\*)?Nơi nhận/i.test(textOf(first[0]).normalize('NFC'))) {
        haveSignature = true;
        const lines = cellLines(first[0], { size: 11 });
        const recips = textOf(first[0]).split('\n').slice(1).map((s) => s.trim()).filter(Boolean);
        children.push(signatureBlock(recips.length ? recips : lines.slice(1).map(() => ''), cellLines(first[1], { bold: true, size: ND30.bodyPt })));
        continue;
      }
      const width = Math.max(1, ...rows.map((r) => r.length));
      children.push(
        new Table({
          width: { size: 100, type: WidthType.PERCENTAGE },
          rows: rows.map(
            (r, ri) =>
              new TableRow({
                tableHeader: ri === 0,
                children: Array.from({ length: width }, (_, ci) =>
                  new TableCell({
                    children: cellLines(r[ci] ?? ({ children: [] } as unknown as Token), { bold: ri === 0, size: ND30.headerPt }).map((l) => new Paragraph({ alignment: ri === 0 ? AlignmentType.CENTER : AlignmentType.LEFT, children: l })),
                  }),
                ),
              }),
          ),
        }),
      );
      continue;
    }
    if (t.type === 'heading_open') {
      const inline = tokens[i + 1];
      i += 2;
      const level = Number(t.tag.slice(1));
      if (!titleDone && level === 1) {
        titleDone = true;
        if (!haveHeader && (m.unit || m.parentUnit)) {
          haveHeader = true;
          children.unshift(
            headerBlock(
              [...(m.parentUnit ? [[run(m.parentUnit.toUpperCase())]] : []), [run((m.unit ?? '').toUpperCase(), { bold: true })]],
              [[run('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { bold: true, size: 12 })], [run('Độc lập - Tự do - Hạnh phúc', { bold: true })]],
              `Số: ${m.number ?? '    /BC-'}`,
              `${m.place ? m.place + ', ' : ''}${vietnameseDateLine(m.date)}`,
            ),
          );
        }
        // "Báo cáo tổng kết …": the kind of document on its own line, the summary under it.
        const text = textOf(inline).trim();
        const k = /^báo cáo\b\s*/i.exec(text.normalize('NFC'));
        if (k && text.length > k[0].length) {
          children.push(centred([run('BÁO CÁO', { bold: true, size: ND30.bodyPt })], 0, 360));
          children.push(centred([run(text.slice(k[0].length).replace(/^./, (c) => c.toUpperCase()), { bold: true, size: ND30.bodyPt })], 240));
        } else children.push(centred(runsOf(inline.children, { bold: true, size: ND30.bodyPt, allCaps: true }, opts), 240, 360));
        justTitled = true;
        continue;
      }
      justTitled = false;
      // Word's own heading styles (black Times New Roman, see `headingStyle`): the navigation pane and a re-import see them.
      children.push(new Paragraph({ heading: HEADINGS[Math.min(level, 6) - 1], children: runsOf(inline.children, { size: ND30.bodyPt }, opts) }));
      continue;
    }
    if (t.type === 'bullet_list_open' || t.type === 'ordered_list_open') {
      // Each ordered list numbers from its own start: a new numbering instance.
      listStack.push({ ordered: t.type === 'ordered_list_open', n: ++listInstances });
      continue;
    }
    if (t.type === 'bullet_list_close' || t.type === 'ordered_list_close') {
      listStack.pop();
      continue;
    }
    if (t.type === 'paragraph_open') {
      const inline = tokens[i + 1];
      i += 2;
      const list = listStack[listStack.length - 1];
      // A paragraph that is only bold right after the title is the title's summary line.
      const summary = justTitled && !list && /^\*\*[^*]+\*\*$/.test(inline.content.trim());
      justTitled = false;
      if (summary) {
        children.push(centred(runsOf(inline.children, { bold: true, size: ND30.bodyPt }, opts), 240));
        continue;
      }
      const item = list && tokens[i - 3]?.type === 'list_item_open';
      children.push(
        new Paragraph({
          alignment: AlignmentType.JUSTIFIED,
          spacing: { before: 0, after: 120, line: 288 },
          ...(item
            ? { numbering: { reference: list.ordered ? 'vnhr-number' : 'vnhr-dash', level: Math.min(listStack.length - 1, 2), instance: list.ordered ? list.n : 0 } }
            : { indent: { firstLine: convertMillimetersToTwip(10) } }),
          children: runsOf(inline.children, {}, opts),
        }),
      );
      continue;
    }
    if (t.type === 'fence' || t.type === 'code_block') {
      for (const line of t.content.replace(/\n$/, '').split('\n')) children.push(new Paragraph({ children: [new TextRun({ text: line, font: 'Courier New', size: pt(11) })] }));
    }
    // html_block (comments), hr, blockquote markers: no output of their own.
  }

  if (!haveSignature && (m.signer || m.signerTitle)) {
    const recips = (m.recipients ?? '').split(/;|\n/).map((s) => s.trim()).filter(Boolean).map((s) => `- ${s};`);
    children.push(new Paragraph({ children: [] }));
    children.push(signatureBlock([...recips, '- Lưu: VT.'], [[run((m.signerTitle ?? '').toUpperCase(), { bold: true, size: ND30.bodyPt })], [], [], [], [run(m.signer ?? '', { bold: true, size: ND30.bodyPt })]]));
  }

  const doc = new Document({
    creator: 'vn-health-report',
    styles: {
      default: {
        document: { run: { font: ND30.font, size: pt(ND30.bodyPt) } },
        heading1: headingStyle(false),
        heading2: headingStyle(false),
        heading3: headingStyle(false),
        heading4: headingStyle(true),
        heading5: headingStyle(true),
        heading6: headingStyle(true),
      },
    },
    numbering: {
      config: [
        { reference: 'vnhr-dash', levels: [0, 1, 2].map((level) => ({ level, format: LevelFormat.BULLET, text: '-', style: { paragraph: { indent: { left: convertMillimetersToTwip(10 + level * 8), hanging: convertMillimetersToTwip(5) } } } })) },
        { reference: 'vnhr-number', levels: [0, 1, 2].map((level) => ({ level, format: level === 1 ? LevelFormat.LOWER_LETTER : LevelFormat.DECIMAL, text: level === 1 ? `%${level + 1})` : `%${level + 1}.`, style: { paragraph: { indent: { left: convertMillimetersToTwip(10 + level * 8), hanging: convertMillimetersToTwip(6) } } } })) },
      ],
    },
    sections: [
      {
        properties: {
          titlePage: true,
          page: {
            size: { width: convertMillimetersToTwip(ND30.pageMm.width), height: convertMillimetersToTwip(ND30.pageMm.height) },
            margin: {
              top: convertMillimetersToTwip(ND30.marginMm.top),
              bottom: convertMillimetersToTwip(ND30.marginMm.bottom),
              left: convertMillimetersToTwip(ND30.marginMm.left),
              right: convertMillimetersToTwip(ND30.marginMm.right),
              header: convertMillimetersToTwip(10),
              footer: convertMillimetersToTwip(10),
            },
          },
        },
        // Page numbers centred in the header, from page 2 (the first page has its own, empty, header).
        headers: {
          default: new Header({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT], font: ND30.font, size: pt(ND30.headerPt) })] })] }),
          first: new Header({ children: [new Paragraph({ children: [] })] }),
        },
        children,
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}
