// The token shape both segment lexers share (tasks/lexer.ts for task counts,
// indicators/lexer.ts for indicator reading): a kind and a [s, e) range in
// block.prose. Each lexer's token adds what its reader needs. (The word
// scanner, vietnamese/vnwords.ts, yields words with verdicts, not a token
// stream, and the number tokenizer numbers; both use start/end.)
export interface SegmentToken<K extends string = string> {
  t: K;
  /** Offsets in block.prose. */
  s: number;
  e: number;
}
