// Core types of the engine. Everything here is plain data: no vscode, no LSP.
//
// Coordinates: the engine speaks in offsets [start, end) of the ORIGINAL text,
// counted in UTF-16 code units (JavaScript string indices), exactly as LSP does.
// Rules never see those directly: they work on a block's `prose` (NFC, masked)
// and the engine maps their offsets back (see document.ts / engine.ts).

export type Severity = 'error' | 'warning' | 'information' | 'hint';
export type Locale = 'vi' | 'en';

/** A message in both languages. */
export interface Msg {
  vi: string;
  en: string;
}

/** A text replacement in ORIGINAL document offsets. */
export interface Edit {
  start: number;
  end: number;
  newText: string;
}

export interface Fix {
  title: Msg;
  edits: Edit[];
  /** Safe fixes are applied by --fix and fix-all; unsafe ones are only offered. */
  safe: boolean;
}

export interface Related {
  start: number;
  end: number;
  message: Msg;
  /**
   * The other document's id, as the caller named it (the CLI: the path it prints;
   * the server: the document URI); absent = the same document. Its offsets are
   * in THAT document's text (convert them with its LineIndex).
   */
  file?: string;
}

/** What the engine returns: positions in original-document offsets. */
export interface Finding {
  rule: string;
  severity: Severity;
  message: Msg;
  start: number;
  end: number;
  related?: Related[];
  fixes?: Fix[];
  /** Extra structured data for hovers/tests (e.g. the matched list). Never shown raw. */
  data?: Record<string, unknown>;
}

export type RuleFamily = 'format' | 'orthography' | 'indicator' | 'task';

export type FixableKind = 'safe' | 'suggestion' | 'none';

export interface RuleMeta {
  /** Stable id, kebab-case, equal to the file name and the doc page name. */
  id: string;
  family: RuleFamily;
  /** Default severity when enabled. */
  severity: Severity;
  /** Off-by-default rules are enabled only by config. */
  enabledByDefault: boolean;
  /** One line: what the rule checks. */
  description: Msg;
  /**
   * What its findings' fixes are: 'safe' = some carry a safe fix (applied by
   * fix-all and --fix), 'suggestion' = fixes only offered, never applied
   * automatically, 'none' = no fixes. Checked against the fixture's findings.
   */
  fixable: FixableKind;
  /** JSON schema (draft-07 subset) of the rule's options object, if it has any. */
  optionsSchema?: Record<string, unknown>;
}

/**
 * What a rule reports. Offsets are in the coordinates of the block's `prose`
 * string (NFC view) unless `raw` is true, in which case they are offsets into
 * `block.source` (the original text of the block, possibly NFD).
 * The engine maps them to document offsets.
 */
export interface Draft {
  start: number;
  end: number;
  message: Msg;
  /** Override the configured severity for this one finding (e.g. information vs warning). */
  severity?: Severity;
  fixes?: DraftFix[];
  related?: DraftRelated[];
  raw?: boolean;
  data?: Record<string, unknown>;
}

export interface DraftFix {
  title: Msg;
  edits: { start: number; end: number; newText: string }[];
  safe: boolean;
}

export interface DraftRelated {
  /** The block the related range is in (document-level checks); default: the reporting block. */
  block?: Block;
  start: number;
  end: number;
  message: Msg;
}

export type SegmentKind = 'paragraph' | 'heading' | 'table-cell';

/** A run of prose inside a block, in `prose` coordinates. */
export interface Segment {
  kind: SegmentKind;
  start: number;
  end: number;
  /** Heading level 1-6 for headings. */
  level?: number;
  /** Nesting depth of list items this paragraph is in (0 = not in a list). */
  listDepth?: number;
  /** For a paragraph that starts a list item: the item's marker and index among its siblings. */
  listItem?: { ordered: boolean; marker: string; index: number; listId: number };
  /** Depth of block quotes (0 = none). */
  quoteDepth?: number;
  /** For table cells. */
  table?: TableCellInfo;
}

export interface TableCellInfo {
  tableId: number;
  /** 0 = header row. */
  row: number;
  col: number;
  /** Header text of this column (NFC prose, trimmed). */
  header: string;
  /** Text of the first cell of this row (NFC prose, trimmed). */
  rowLabel: string;
  /** All header texts of the table. */
  headers: string[];
}

/** A list in a block, with its top-level items (nested lists are separate). */
export interface ListInfo {
  listId: number;
  ordered: boolean;
  depth: number;
  /** Start offsets (prose coordinates) of each item's first line. */
  items: { start: number; end: number }[];
  start: number;
  end: number;
}

/**
 * A top-level Markdown block (paragraph, heading, list, table, ...): the unit of
 * caching. Everything inside is relative to the block; `start` is its offset in
 * the document (updated when a cached block moves).
 */
export interface Block {
  /** Offset of the block in the original document. */
  start: number;
  /** Original text of the block (may be NFD). */
  source: string;
  /**
   * The prose view, NFC-normalized: non-prose (code, URLs, HTML, link
   * destinations, front matter, Markdown syntax) is replaced by MASK characters,
   * line structure kept: every line end reads '\n' (a lone \r becomes '\n', \r\n becomes '\n' + MASK).
   */
  prose: string;
  /** True when prose !== source length-wise (NFD input); then `toSource` is not identity. */
  normalized: boolean;
  /** Map a prose offset to an offset in `source`. */
  toSource(offset: number): number;
  /** Map a source offset to a prose offset (the NFC char containing it). */
  toProse(offset: number): number;
  /** Source ranges [start, end, ...] of stray combining marks (past document.ts MAX_MARKS on one letter): MASK in `prose`. */
  strayMarks?: number[];
  segments: Segment[];
  lists: ListInfo[];
  /** 'fence' | 'html' | 'frontmatter' blocks have no segments. */
  type: 'paragraph' | 'heading' | 'list' | 'table' | 'quote' | 'fence' | 'html' | 'frontmatter' | 'other';
  /** Memo for per-block analyses (numbers, words, mentions...). Keyed by analysis name. */
  memo: Map<string, unknown>;
}

/** Masking character for non-prose: not a letter, digit, space or punctuation. */
export const MASK = '\u0000';
