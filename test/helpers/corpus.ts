// The real-text corpus: env VNHR_CORPUS, else ../shared/corpus beside the repo.
// Where it is missing (a user's clone), real-text tests are skipped with a notice.
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

let cache: CorpusDoc[] | undefined;
let warned = false;

/** All corpus documents (seeds and real), or [] with a printed notice when absent. */
export function corpusDocs(): CorpusDoc[] {
  if (cache) return cache;
  const dir = corpusDir();
  if (!dir) {
    if (!warned) {
      warned = true;
      console.log('  [notice] corpus not found (set VNHR_CORPUS or put it at ../shared/corpus): real-text tests are skipped');
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

/** Use in a describe(): skips the suite (with a notice) when the corpus is absent. */
export function describeCorpus(title: string, fn: (docs: CorpusDoc[]) => void): void {
  const docs = corpusDocs();
  if (!docs.length) {
    describe.skip(`${title} (corpus not found)`, () => undefined);
    return;
  }
  describe(title, () => fn(docs));
}
