// Libraries only some runs need, loaded at their first use. In the node bundles
// (scripts/build.mjs) each is a separate file in server/out (fast-glob.js, word.js),
// so `vnhr check report.md` or an idle server compiles neither: globbing is for
// folders and glob patterns, Word for .docx files and `vnhr import|export`.
import type FastGlob from 'fast-glob';
import type * as Word from './word';

let fg: typeof FastGlob | undefined;
export function fastGlob(): typeof FastGlob {
  return (fg ??= require('fast-glob') as typeof FastGlob);
}

let word: typeof Word | undefined;
export function wordModule(): typeof Word {
  return (word ??= require('./word') as typeof Word);
}
