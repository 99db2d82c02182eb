// The real-text corpus: env VNHR_CORPUS, else ../shared/corpus beside the repo.
// Where it is missing (a user's clone), real-text tests are skipped with a
// notice; under CI (CI=true) a missing corpus is a failure, so a broken path
// cannot turn the real-text tests off unnoticed.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

// Compiled to test/out/test/helpers/: four levels up is the repository.
export const REPO_ROOT = resolve(__dirname, '..', '..', '..', '..');

export function corpusDir(): string | undefined {
  const dir = process.env.VNHR_CORPUS ? resolve(process.env.VNHR_CORPUS) : resolve(REPO_ROOT, '..', 'shared', 'corpus');
  return existsSync(dir) ? dir : undefined;
}

export interface CorpusDoc {
  /** e.g. "seeds/hue-2024.txt" */
  name: string;
  text: string;
}

/** CI must run the real-text tests: a missing corpus fails there. */
export function corpusRequired(): boolean {
  return process.env.CI === 'true' || process.env.CI === '1';
}

const MISSING = 'corpus not found (set VNHR_CORPUS or put it at ../shared/corpus)';

let cache: CorpusDoc[] | undefined;
let warned = false;

/** All corpus documents (seeds and real), or [] with a printed notice when absent. */
export function corpusDocs(): CorpusDoc[] {
  if (cache) return cache;
  const dir = corpusDir();
  if (!dir) {
    if (corpusRequired()) throw new Error(`${MISSING}, and CI is set: the real-text tests must run`);
    if (!warned) {
      warned = true;
      console.log(`  [notice] ${MISSING}: real-text tests are skipped`);
    }
    return (cache = []);
  }
  const out: CorpusDoc[] = [];
  for (const sub of ['seeds', 'real']) {
    const d = join(dir, sub);
    if (!existsSync(d)) continue;
    for (const f of readdirSync(d).sort()) if (f.endsWith('.txt') || f.endsWith('.md')) out.push({ name: `${sub}/${f}`, text: readFileSync(join(d, f), 'utf8') });
  }
  return (cache = out);
}

/** Use in a describe(): skips the suite (with a notice) when the corpus is absent; fails it under CI. */
export function describeCorpus(title: string, fn: (docs: CorpusDoc[]) => void): void {
  let docs: CorpusDoc[];
  try {
    docs = corpusDocs();
  } catch (e) {
    const err = e as Error;
    describe(title, () => it('has the corpus', () => Promise.reject(err)));
    return;
  }
  if (!docs.length) {
    describe.skip(`${title} (corpus not found)`, () => undefined);
    return;
  }
  describe(title, () => fn(docs));
}
