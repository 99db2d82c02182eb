// A small token stream over one segment of prose, for the task-count
// recognizer: numbers (digit clusters joined by . or ,), words (letter runs),
// slashes and other punctuation. Whitespace, newlines and MASK (non-prose such
// as emphasis markers) are not tokens: they set `gap` on the next token, so
// "**6/6** nhiệm vụ" reads like "6/6 nhiệm vụ". One sticky regex, linear.

export type TokType = 'num' | 'word' | 'slash' | 'punct';

export interface Tok {
  t: TokType;
  /** Offsets in block.prose. */
  s: number;
  e: number;
  text: string;
  /** Lowercase text for words; the text otherwise. */
  low: string;
  /** Whitespace or masked text before this token (within the segment). */
  gap: boolean;
  /** A newline is in that gap. */
  nl: boolean;
  /** For numbers: the integer value when the cluster is an integer ("08", "1.234"); undefined for decimals. */
  int?: number;
  /** For numbers: digit grouping or decimals present. */
  plain?: boolean;
}

const TOKEN = /(\d+(?:[.,]\d+)*)|([\p{L}\p{M}]+)|(\/)|([\s\u0000]+)|([^])/uy;

/** Integer value of a Vietnamese-written integer ("08", "150", "1.234"), else undefined. */
export function intOf(raw: string): number | undefined {
  if (/^\d+$/.test(raw)) return Number(raw);
  if (/^\d{1,3}(?:\.\d{3})+$/.test(raw)) return Number(raw.replace(/\./g, ''));
  return undefined;
}

/** Tokens of `text` (a segment's prose), offsets shifted by `base`. */
export function lex(text: string, base: number): Tok[] {
  const out: Tok[] = [];
  let pos = 0;
  let gap = false;
  let nl = false;
  while (pos < text.length) {
    TOKEN.lastIndex = pos;
    const m = TOKEN.exec(text);
    if (!m) break;
    const s = pos;
    pos = TOKEN.lastIndex;
    if (m[4] !== undefined) {
      gap = true;
      if (m[4].includes('\n')) nl = true;
      continue;
    }
    const t: TokType = m[1] !== undefined ? 'num' : m[2] !== undefined ? 'word' : m[3] !== undefined ? 'slash' : 'punct';
    const tok: Tok = { t, s: base + s, e: base + pos, text: m[0], low: t === 'word' ? m[0].toLowerCase() : m[0], gap, nl };
    if (t === 'num') {
      tok.int = intOf(m[0]);
      tok.plain = /^\d+$/.test(m[0]);
    }
    out.push(tok);
    gap = false;
    nl = false;
  }
  return out;
}

export const SENTENCE_END = new Set(['.', '!', '?', ';', '…']);
export const CLAUSE_END = new Set(['.', '!', '?', ';', '…', ':', ',']);
