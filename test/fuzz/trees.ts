// Random folder trees with symlinks (self-loops, links to parents, to files,
// dangling) for the CLI's file selection (issue 15 item 3): `vnhr check` on a
// folder and on globs must end, report each real file once, stay inside the
// tree and report every plain report file in it.
import fc from 'fast-check';
import { lstatSync, mkdirSync, mkdtempSync, readdirSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { main } from '../../server/src/cli';

const DIRS = ['d', 'd/a', 'd/a/b', 'd/c', 'd/.an', 'd/node_modules'];
const REPORT = '# Báo cáo công tác y tế năm 2024\n\nNăm 2024, ngành y tế đã hoàn thành  tốt các nhiệm vụ được giao.\n';

export interface TreeSpec {
  files: { dir: number; name: string }[];
  links: { dir: number; name: string; target: string }[];
}

const name = fc.constantFrom('bao-cao.md', 'x.md', 'ghi-chu.txt', 'y.MD', '.an.md', 'tong hop.md');
const linkName = fc.constantFrom('loop', 'len', 'lk.md', 'tep.md', 'thu-muc', 'hong.md', 'x.md');
// Relative targets: itself, parents, siblings, files, nothing (dangling).
const target = fc.constantFrom('.', '..', '../..', '../../..', 'a', '../c', 'bao-cao.md', '../bao-cao.md', 'b/x.md', 'khong-co.md', 'lk.md', 'loop');

export const trees: fc.Arbitrary<TreeSpec> = fc.record({
  files: fc.array(fc.record({ dir: fc.nat(DIRS.length - 1), name }), { minLength: 1, maxLength: 8 }),
  links: fc.array(fc.record({ dir: fc.nat(DIRS.length - 1), name: linkName, target }), { maxLength: 6 }),
});

/** Plain .md files (not links, no dot folder or file, not under node_modules): what a walk that never follows links finds. */
function plainReports(root: string, dir: string, out: Set<string>) {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.name.startsWith('.') || e.name === 'node_modules') continue;
    const p = join(dir, e.name);
    if (e.isDirectory()) plainReports(root, p, out);
    else if (e.isFile() && e.name.endsWith('.md')) out.add(p);
  }
}

function build(spec: TreeSpec): string {
  const root = mkdtempSync(join(tmpdir(), 'vnhr-fuzz-tree-'));
  for (const d of DIRS) mkdirSync(join(root, d), { recursive: true });
  for (const f of spec.files) writeFileSync(join(root, DIRS[f.dir], f.name), REPORT);
  for (const l of spec.links) {
    const at = join(root, DIRS[l.dir], l.name);
    try {
      lstatSync(at);
      continue; // a file or link of that name is there already
    } catch {
      /* free */
    }
    symlinkSync(l.target, at);
  }
  return root;
}

/** Throws on a violation; the message names the tree. */
export async function checkFileSelection(spec: TreeSpec): Promise<void> {
  const root = build(spec);
  try {
    const realRoot = realpathSync(root);
    const plain = new Set<string>();
    plainReports(root, join(root, 'd'), plain);
    for (const arg of ['d', 'd/**/*.md', '**/*.md', 'd/*/*.md']) {
      let out = '';
      let err = '';
      const code = await main(['check', '--format', 'json', '--allow-empty', arg], { out: (s) => (out += s), err: (s) => (err += s), cwd: root });
      const fail = (why: string) => {
        throw new Error(`${why}\nargument: ${arg}\ntree: ${JSON.stringify(spec)}\nexit ${code}\n${err}\n${out.slice(0, 2000)}`);
      };
      if (code !== 0 && code !== 1 && code !== 2) fail('exit code not 0, 1 or 2');
      const files = (JSON.parse(out) as { files: { path: string }[] }).files.map((f) => join(root, f.path));
      const reals = new Set<string>();
      for (const f of files) {
        let real: string;
        try {
          real = realpathSync(f);
        } catch {
          fail(`reported a file that does not resolve: ${f}`);
          return;
        }
        if (reals.has(real)) fail(`the same real file twice: ${real}`);
        reals.add(real);
        if (!real.startsWith(realRoot + sep)) fail(`outside the tree: ${real}`);
        if (!/\.md$/i.test(real) && !/\.md$/i.test(f)) fail(`not a Markdown file: ${f}`);
      }
      // Every plain report the argument names is checked (a folder: all of them).
      const wanted = [...plain].filter((p) => {
        const rel = relative(root, p).split(sep).join('/');
        if (arg === 'd' || arg === 'd/**/*.md' || arg === '**/*.md') return true;
        return /^d\/[^/]+\/[^/]+\.md$/.test(rel);
      });
      for (const p of wanted) if (!reals.has(realpathSync(p))) fail(`a plain report was not checked: ${relative(root, p)}`);
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
