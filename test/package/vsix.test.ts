// The VSIX as the Marketplace gets it: packaged with the production build,
// it holds the extension's bundles, rule pages, templates and schema, but not
// the CLI, bin/ or the library bundle (only the npm package runs those), nor
// docs the extension never opens; and it stays small.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from '../helpers/corpus';

describe('VSIX contents', function () {
  this.timeout(300000);
  let dir: string;
  let vsix: string;
  let names: string[];
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'vnhr-vsix-'));
    vsix = join(dir, 'vn-health-report.vsix');
    const build = spawnSync(process.execPath, [join(REPO_ROOT, 'scripts', 'build.mjs'), '--production'], { cwd: REPO_ROOT, encoding: 'utf8' });
    assert.equal(build.status, 0, build.stderr);
    const vsce = spawnSync(process.execPath, [join(REPO_ROOT, 'node_modules', '@vscode', 'vsce', 'vsce'), 'package', '--no-dependencies', '--out', vsix], { cwd: REPO_ROOT, encoding: 'utf8' });
    assert.equal(vsce.status, 0, vsce.stdout + vsce.stderr);
    names = listZip(readFileSync(vsix));
  });
  after(() => {
    // Back to the development build (source maps) for the tests that follow.
    spawnSync(process.execPath, [join(REPO_ROOT, 'scripts', 'build.mjs')], { cwd: REPO_ROOT });
    rmSync(dir, { recursive: true, force: true });
  });

  it('holds what the extension runs and opens', () => {
    for (const f of ['extension/package.json', 'extension/client/out/extension.js', 'extension/client/out/word.js', 'extension/client/out/webview/indicatorPanel.js', 'extension/client/out/webview/indicatorPanel.css', 'extension/server/out/server.js', 'extension/server/out/fast-glob.js', 'extension/server/out/engine-light.js', 'extension/client/out/extension.browser.js', 'extension/server/out/server.browser.js', 'extension/server/out/engine.js', 'extension/docs/rules/whitespace.md', 'extension/schemas/vnhrrc.schema.json', 'extension/templates/bao-cao-tong-ket-nam.md', 'extension/l10n/bundle.l10n.vi.json', 'extension/images/icon.png'])
      assert.ok(names.includes(f), `${f} missing`);
  });

  it('leaves out the CLI, bin/, the library, maps, sources, tests and pages it never opens', () => {
    const stray = names.filter((f) => /^extension\/(bin\/|server\/out\/(cli|lib|checkWorker|word)\.js|server\/out\/.*\.cache$|server\/src\/|client\/src\/|client\/webview\/|client\/out\/webview-tsc\/|test\/|docs\/images\/|docs\/[^/]+\.md$|node_modules\/)|\.map$|\.ts$/.test(f));
    assert.deepEqual(stray, []);
  });

  it('names both entries, and both bundles are in it', () => {
    const manifest = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { main: string; browser: string };
    for (const entry of [manifest.main, manifest.browser]) assert.ok(names.includes(`extension/${entry.replace(/^\.\//, '')}`), entry);
  });

  // Both servers (node, web worker) share one engine bundle (server/out/engine.js).
  it('is at most 1 MB', () => {
    const size = statSync(vsix).size;
    console.log(`      VSIX: ${(size / 1024).toFixed(0)} KB, ${names.length} files`);
    assert.ok(size <= 1024 * 1024, `${size} bytes`);
  });
});

/** Entry names of a zip, from its central directory (no decompression). */
function listZip(buf: Buffer): string[] {
  let eocd = buf.length - 22;
  while (eocd >= 0 && buf.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const nameLen = buf.readUInt16LE(p + 28);
    const extra = buf.readUInt16LE(p + 30);
    const comment = buf.readUInt16LE(p + 32);
    out.push(buf.toString('utf8', p + 46, p + 46 + nameLen));
    p += 46 + nameLen + extra + comment;
  }
  return out;
}
