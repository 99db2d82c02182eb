// `npm run fuzz`: the property tests' invariants over ≥ 100,000 random documents.
// VNHR_FUZZ_RUNS sets the total (default 100000), VNHR_FC_SEED the seed (default:
// random, printed so a failure can be replayed). Exits 1 on the first violation
// with the shrunk counterexample.
import fc from 'fast-check';
import {
  anyDocument,
  anyUnits,
  bytesAsUtf8,
  checkCodeUntouched,
  checkDocumentInvariants,
  checkFormsAgree,
  checkIncremental,
  checkLineEndsAgree,
  hostile,
  longLine,
  markdown,
  markdownLF,
  markdownWithCode,
  markdownWithEdits,
  vietnamese,
  withSurrogates,
} from './props';
import { checkFileSelection, trees } from './trees';

const total = Number(process.env.VNHR_FUZZ_RUNS ?? 100_000);
const seed = process.env.VNHR_FC_SEED ? Number(process.env.VNHR_FC_SEED) : (Date.now() ^ (Math.random() * 2 ** 31)) >>> 0;

// Shares of the total per property.
const plan: [string, number, fc.IPropertyWithHooks<[never]> | fc.IProperty<[never]>][] = [];
const add = <T>(name: string, share: number, arb: fc.Arbitrary<T>, pred: (x: T) => void) => plan.push([name, share, fc.property(arb, pred) as never]);
add('random Markdown', 0.27, markdown, checkDocumentInvariants);
add('edits through a DocumentCache = fresh checks', 0.03, markdownWithEdits, checkIncremental);
add('mixed documents', 0.2, anyDocument, checkDocumentInvariants);
add('Vietnamese syllables NFC/NFD', 0.1, vietnamese, checkDocumentInvariants);
add('bytes as UTF-8', 0.05, bytesAsUtf8, checkDocumentInvariants);
add('UTF-16 units, lone surrogates', 0.05, anyUnits, checkDocumentInvariants);
add('Markdown with lone surrogates', 0.05, withSurrogates, checkDocumentInvariants);
add('NFC = NFD findings', 0.1, markdownLF, checkFormsAgree);
add('LF = CRLF = CR findings', 0.1, markdownLF, checkLineEndsAgree);
add('code untouched by fixAll', 0.0295, markdownWithCode, checkCodeUntouched);
add('very long lines', 0.0005, longLine(200, 4000), checkDocumentInvariants);
add('hostile shapes (mark runs, link brackets, paths)', 0.02, hostile, checkDocumentInvariants);

// File selection over random symlinked trees: real files on disk, so few runs.
const treeRuns = Math.max(10, Math.round(total * 0.001));

async function run() {
  console.log(`vnhr fuzz: ${total} runs, seed ${seed} (replay: VNHR_FC_SEED=${seed} npm run fuzz)`);
  const t0 = Date.now();
  let done = 0;
  let failed = false;
  const report = (name: string, numRuns: number, t: number, r: { failed: boolean; numRuns: number; counterexamplePath: string | null; errorInstance: unknown }) => {
    done += r.numRuns;
    if (r.failed) {
      failed = true;
      console.log(`✖ ${name}: failed after ${r.numRuns} runs (seed ${seed}, path ${r.counterexamplePath})`);
      console.log(String((r.errorInstance as Error)?.message ?? r.errorInstance));
      return;
    }
    console.log(`✓ ${name}: ${numRuns} runs in ${((Date.now() - t) / 1000).toFixed(1)} s`);
  };
  for (const [name, share, prop] of plan) {
    const numRuns = Math.max(1, Math.round(total * share));
    const t = Date.now();
    report(name, numRuns, t, fc.check(prop, { numRuns, seed }));
    if (failed) break;
  }
  if (!failed) {
    const t = Date.now();
    report('file selection over symlinked trees', treeRuns, t, await fc.check(fc.asyncProperty(trees, checkFileSelection), { numRuns: treeRuns, seed }));
  }
  console.log(`${done} runs in ${((Date.now() - t0) / 1000).toFixed(0)} s${failed ? ' — FAILED' : ''}`);
  process.exitCode = failed ? 1 : 0;
}
void run();
