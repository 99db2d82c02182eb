// Word files for the CLI and the extension: check a .docx through the same
// engine (findings located by paragraph / table cell), import a .docx as
// Markdown, export Markdown as a .docx in the NĐ 30/2020 layout.
import { readDocx, DocxError, type DocxDocument } from './docx-read';
import { docxToMarkdown, locate, describeLocation, type DocxMarkdown, type WordLocation } from './docx-markdown';
import { markdownToDocx, splitFrontMatter, vietnameseDateLine, ND30, type ExportMeta, type ExportOptions } from './docx-export';

export { readDocx, DocxError, docxToMarkdown, locate, describeLocation, markdownToDocx, splitFrontMatter, vietnameseDateLine, ND30 };
export type { DocxDocument, DocxMarkdown, WordLocation, ExportMeta, ExportOptions };

/** The Markdown the checker reads for a .docx (text kept as written: NFD stays NFD). */
export function docxForCheck(bytes: Uint8Array): DocxMarkdown {
  return docxToMarkdown(readDocx(bytes), { nfc: false });
}

/** Import: Markdown in NFC with images linked from `imageDir` (relative to the Markdown file). */
export function importDocx(bytes: Uint8Array, imageDir: string): DocxMarkdown {
  return docxToMarkdown(readDocx(bytes), { nfc: true, imageDir });
}
