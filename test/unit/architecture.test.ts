// The code map's import rules (ARCHITECTURE.md), checked on the sources: no
// import cycle anywhere in server/src (type-only imports included: a cycle of
// types is still two modules that cannot be read apart), and the client imports
// of the server only server/src/protocol.ts (the messages), never the engine. (eslint.config.mjs checks the engine's
// own boundary: no vscode, LSP, fs or front-end imports.)
import { strict as assert } from 'node:assert';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { REPO_ROOT } from '../helpers/corpus';

const IMPORT = /\b(?:import|export)\s[^;'"]*?from\s*'([^']+)'|\bimport\s*'([^']+)'/g;

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? tsFiles(p) : f.endsWith('.ts') ? [p] : [];
  });
}

/** Relative imports of a file, resolved to files. */
function importsOf(file: string): string[] {
  const out: string[] = [];
  const text = readFileSync(file, 'utf8');
  for (const m of text.matchAll(IMPORT)) {
    const spec = m[1] ?? m[2];
    if (!spec.startsWith('.')) continue;
    const base = resolve(dirname(file), spec);
    const hit = [base + '.ts', join(base, 'index.ts'), base].find((p) => existsSync(p) && statSync(p).isFile());
    if (hit) out.push(hit);
  }
  return out;
}

/** Strongly connected components of more than one file (Tarjan). */
function cycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  const files = [...graph.keys()];
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const on = new Set<string>();
  const out: string[][] = [];
  let n = 0;
  const visit = (v: string) => {
    index.set(v, n);
    low.set(v, n++);
    stack.push(v);
    on.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (on.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const c: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        on.delete(w);
        c.push(w);
      } while (w !== v);
      if (c.length > 1) out.push(c.sort());
    }
  };
  for (const f of files) if (!index.has(f)) visit(f);
  return out;
}

describe('architecture: imports follow the code map', () => {
  it('finds the imports it checks (the pattern still matches the sources)', () => {
    const engineIndex = join(REPO_ROOT, 'server', 'src', 'engine', 'index.ts');
    assert.ok(importsOf(engineIndex).some((f) => f.endsWith(join('engine', 'engine.ts'))));
    assert.ok(importsOf(join(REPO_ROOT, 'server', 'src', 'server.ts')).length >= 5);
  });

  it('has no import cycle in server/src', () => {
    const files = tsFiles(join(REPO_ROOT, 'server', 'src'));
    const found = cycles(new Map(files.map((f) => [f, importsOf(f)])));
    assert.deepEqual(found.map((c) => c.map((f) => relative(REPO_ROOT, f))), []);
  });

  it('finds a cycle when there is one (the checker works)', () => {
    const g = new Map([
      ['config', ['types', 'rule']],
      ['rule', ['types', 'config']],
      ['types', []],
      ['index', ['rule', 'a']],
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a']],
    ]);
    assert.deepEqual(cycles(g).sort(), [['a', 'b', 'c'], ['config', 'rule']]);
  });

  it('the client imports of the server only its protocol module, which imports nothing', () => {
    const protocol = join(REPO_ROOT, 'server', 'src', 'protocol.ts');
    const client = [...tsFiles(join(REPO_ROOT, 'client', 'src')), ...tsFiles(join(REPO_ROOT, 'client', 'webview'))];
    const used = client.flatMap((f) => importsOf(f).filter((i) => i.includes(join('server', 'src'))).map((i) => `${relative(REPO_ROOT, f)} -> ${relative(REPO_ROOT, i)}`));
    assert.ok(used.some((u) => u.endsWith(join('server', 'src', 'protocol.ts'))), 'the client imports the protocol (the check sees its imports)');
    assert.deepEqual(used.filter((u) => !u.endsWith(join('server', 'src', 'protocol.ts'))), []);
    // Any import, a package's included: the client's bundle would carry it.
    assert.deepEqual([...readFileSync(protocol, 'utf8').matchAll(IMPORT)].map((m) => m[1] ?? m[2]), []);
  });

  it('no custom message name (vnhr/…) is spelled outside the protocol module', () => {
    const files = [...tsFiles(join(REPO_ROOT, 'server', 'src')), ...tsFiles(join(REPO_ROOT, 'client', 'src'))].filter((f) => !f.endsWith(join('server', 'src', 'protocol.ts')));
    const bad = files.filter((f) => /['"]vnhr\/[A-Za-z]/.test(readFileSync(f, 'utf8'))).map((f) => relative(REPO_ROOT, f));
    assert.deepEqual(bad, []);
  });

  it('the server and the CLI reach the engine only through its API (engine/index.ts)', () => {
    const src = join(REPO_ROOT, 'server', 'src');
    const engine = join(src, 'engine');
    // word/ converts Word files with the engine's msg() alone (the client bundles it, not the engine).
    const fronts = tsFiles(src).filter((f) => !f.startsWith(engine + '/') && !f.startsWith(join(src, 'word') + '/'));
    assert.ok(fronts.some((f) => f.endsWith(join('features', 'hover.ts'))), 'the front-end files are found');
    const bad = fronts.flatMap((f) => importsOf(f).filter((i) => i.startsWith(engine + '/') && i !== join(engine, 'index.ts')).map((i) => `${relative(REPO_ROOT, f)} -> ${relative(REPO_ROOT, i)}`));
    assert.deepEqual(bad, []);
  });
});
