// Word fixtures built in the tests with the `docx` package (never committed
// binaries): headings, paragraphs, lists, a table, footnotes, an image.
import {
  Document,
  FootnoteReferenceRun,
  HeadingLevel,
  ImageRun,
  LevelFormat,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
} from 'docx';

export interface FixtureSpec {
  /** Body paragraphs before the table (a string, or runs with emphasis). */
  heading?: string;
  paragraphs?: (string | { text: string; bold?: boolean; italic?: boolean }[])[];
  bullets?: string[];
  numbered?: string[];
  table?: string[][];
  /** Paragraph text that ends with a footnote reference (id 1), and the footnote's text. */
  footnote?: { after: string; text: string };
  subheading?: string;
  trailing?: string[];
  image?: Uint8Array;
}

/** A 1×1 PNG (red), for the image round trip. */
export const PNG_1x1 = Uint8Array.from(Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==', 'base64'));

export async function makeDocx(spec: FixtureSpec): Promise<Buffer> {
  const children: (Paragraph | Table)[] = [];
  if (spec.heading) children.push(new Paragraph({ text: spec.heading, heading: HeadingLevel.HEADING_1 }));
  for (const p of spec.paragraphs ?? []) {
    children.push(typeof p === 'string' ? new Paragraph({ text: p }) : new Paragraph({ children: p.map((r) => new TextRun({ text: r.text, bold: r.bold, italics: r.italic })) }));
  }
  for (const b of spec.bullets ?? []) children.push(new Paragraph({ text: b, numbering: { reference: 'dash', level: 0 } }));
  for (const b of spec.numbered ?? []) children.push(new Paragraph({ text: b, numbering: { reference: 'num', level: 0 } }));
  if (spec.table)
    children.push(new Table({ rows: spec.table.map((r) => new TableRow({ children: r.map((c) => new TableCell({ children: [new Paragraph({ text: c })] })) })) }));
  if (spec.subheading) children.push(new Paragraph({ text: spec.subheading, heading: HeadingLevel.HEADING_2 }));
  if (spec.footnote) children.push(new Paragraph({ children: [new TextRun(spec.footnote.after), new FootnoteReferenceRun(1)] }));
  for (const t of spec.trailing ?? []) children.push(new Paragraph({ text: t }));
  if (spec.image) children.push(new Paragraph({ children: [new ImageRun({ type: 'png', data: spec.image, transformation: { width: 10, height: 10 } })] }));
  const doc = new Document({
    numbering: {
      config: [
        { reference: 'dash', levels: [{ level: 0, format: LevelFormat.BULLET, text: '-' }] },
        { reference: 'num', levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.' }] },
      ],
    },
    footnotes: spec.footnote ? { 1: { children: [new Paragraph(spec.footnote.text)] } } : {},
    sections: [{ children }],
  });
  return Packer.toBuffer(doc);
}
