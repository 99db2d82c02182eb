// The npm package as a user gets it: `npm pack`, install the tarball into a
// temporary prefix (offline: the package has no runtime dependencies), run
// `vnhr check` in a folder outside the repository, start the installed
// `vnhr-language-server` and complete an LSP handshake, import the engine as a
// typed library. Uses the bundles `npm test` has just built.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync, existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { REPO_ROOT } from '../helpers/corpus';
import { LspClient } from '../helpers/lsp';
import { makeDocx } from '../helpers/docx';

const npm = (args: string[], cwd: string) => spawnSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', args, { cwd, encoding: 'utf8', env: { ...process.env, npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' } });
const SLIP = '# Báo cáo công tác y tế năm 2024\n\nNăm 2024, ngành y tế đã hoàn thành  tốt các nhiệm vụ được giao.\n';

describe('npm package (pack, install, run outside the repository)', function () {
  this.timeout(240000);
  let dir: string;
  let tgz: string;
  let files: string[];
  let prefix: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'vnhr-pkg-'));
    // The bundles and declarations are those `npm test` built; prepack would rebuild them minified.
    const r = npm(['pack', '--json', '--ignore-scripts', '--pack-destination', dir], REPO_ROOT);
    assert.equal(r.status, 0, r.stderr);
    const info = JSON.parse(r.stdout)[0] as { filename: string; size: number; unpackedSize: number; files: { path: string }[] };
    tgz = join(dir, info.filename);
    files = info.files.map((f) => f.path);
    console.log(`      ${info.filename}: ${(info.size / 1024).toFixed(0)} KB packed, ${(info.unpackedSize / 1024).toFixed(0)} KB unpacked, ${files.length} files`);
    prefix = join(dir, 'prefix');
    const i = npm(['install', '-g', '--offline', '--prefix', prefix, tgz], dir);
    assert.equal(i.status, 0, i.stderr);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('holds the bundles, declarations, rule pages and schema, and no sources or tests', () => {
    for (const f of ['package.json', 'bin/vnhr.js', 'bin/vnhr-language-server.js', 'bin/load-bundle.js', 'server/out/cli.js', 'server/out/cli.js.cache', 'server/out/word.js', 'server/out/fast-glob.js', 'server/out/engine-light.js', 'server/out/checkWorker.js', 'server/out/server.js', 'server/out/lib.js', 'server/out/tsc/lib.d.ts', 'schemas/vnhrrc.schema.json', 'docs/rules/whitespace.md', 'LICENSE', 'README.md'])
      assert.ok(files.includes(f), `${f} missing from the tarball`);
    const stray = files.filter((f) => /^(server\/src|test|client|scripts|examples|node_modules)\/|\.map$|\.tsbuildinfo$|^server\/out\/tsc\/.*\.js$/.test(f));
    assert.deepEqual(stray, []);
  });

  it('runs `vnhr check` from a folder outside the repository', () => {
    const work = join(dir, 'reports');
    mkdirSync(work);
    writeFileSync(join(work, 'bao-cao.md'), SLIP);
    const bin = join(prefix, 'bin', 'vnhr');
    const r = spawnSync(bin, ['check', '--format', 'json', 'bao-cao.md'], { cwd: work, encoding: 'utf8' });
    assert.equal(r.status, 1, r.stderr);
    assert.deepEqual(JSON.parse(r.stdout).files[0].diagnostics.map((d: { rule: string }) => d.rule), ['whitespace']);
    // The SARIF rule pages are files of the installation (no network needed).
    const sarif = JSON.parse(spawnSync(bin, ['check', '--format', 'sarif', 'bao-cao.md'], { cwd: work, encoding: 'utf8' }).stdout);
    const help = sarif.runs[0].tool.driver.rules.find((x: { id: string }) => x.id === 'whitespace').helpUri as string;
    assert.ok(help.startsWith('file:') && existsSync(fileURLToPath(help)) && fileURLToPath(help).startsWith(prefix), help);
  });

  it('checks a Word file and a glob with the chunks it loads on demand (server/out/word.js, fast-glob.js)', async () => {
    const work = join(dir, 'word');
    mkdirSync(work);
    writeFileSync(join(work, 'bao-cao.docx'), await makeDocx({ paragraphs: ['Năm 2024, ngành y tế đã hoàn thành  tốt các nhiệm vụ được giao.'] }));
    writeFileSync(join(work, 'bao-cao.md'), SLIP);
    const bin = join(prefix, 'bin', 'vnhr');
    const r = spawnSync(bin, ['check', '--format', 'json', '--no-cross-file', 'bao-cao.docx', '*.md'], { cwd: work, encoding: 'utf8' });
    assert.equal(r.status, 1, r.stderr);
    assert.deepEqual(JSON.parse(r.stdout).files.map((f: { diagnostics: { rule: string }[] }) => f.diagnostics.map((d) => d.rule)), [['whitespace'], ['whitespace']]);
  });

  it('starts the installed language server over stdio: handshake, diagnostics with a page that exists', async () => {
    const client = new LspClient({}, [join(prefix, 'bin', 'vnhr-language-server'), '--stdio']);
    try {
      const init = (await client.initialize('en')) as { serverInfo: { name: string; version: string }; capabilities: Record<string, unknown> };
      assert.equal(init.serverInfo.name, 'vnhr');
      assert.ok(init.capabilities.codeActionProvider && init.capabilities.hoverProvider);
      const uri = pathToFileURL(join(dir, 'x.md')).href;
      await client.open(uri, SLIP);
      const p = await client.diagnostics(uri, (d) => d.diagnostics.length > 0);
      const d = p.diagnostics.find((x) => x.code === 'whitespace')!;
      assert.match(d.message, /consecutive spaces/);
      assert.ok(existsSync(fileURLToPath(d.codeDescription!.href)), d.codeDescription!.href);
    } finally {
      await client.stop();
    }
    // Without a flag it speaks stdio too (what editors that start it bare expect).
    const bare = new LspClient({}, [join(prefix, 'bin', 'vnhr-language-server')]);
    try {
      assert.equal(((await bare.initialize()) as { serverInfo: { name: string } }).serverInfo.name, 'vnhr');
    } finally {
      await bare.stop();
    }
  });

  it('is a typed library: require, import and tsc against the installed package', () => {
    const proj = join(dir, 'app');
    mkdirSync(proj);
    writeFileSync(join(proj, 'package.json'), '{"name":"app","private":true,"type":"module"}');
    assert.equal(npm(['install', '--offline', tgz], proj).status, 0);
    const esm = spawnSync(process.execPath, ['--input-type=module', '-e', `import { check, LineIndex } from 'vn-health-report'; const t = ${JSON.stringify(SLIP)}; const f = check(t); console.log(f.map((x) => x.rule + '@' + new LineIndex(t).positionAt(x.start).line).join(','));`], { cwd: proj, encoding: 'utf8' });
    assert.equal(esm.stdout.trim(), 'whitespace@2', esm.stderr);
    const cjs = spawnSync(process.execPath, ['-e', `const { fixAll } = require('vn-health-report'); process.stdout.write(fixAll(${JSON.stringify(SLIP)}).text)`], { cwd: proj, encoding: 'utf8' });
    assert.equal(cjs.stdout, SLIP.replace('  ', ' '), cjs.stderr);
    // The declarations type-check a user's code (and reject a wrong use).
    writeFileSync(join(proj, 'use.ts'), "import { check, type Finding } from 'vn-health-report';\nconst f: Finding[] = check('# Báo cáo');\nconst n: number = f.length;\nexport { n };\n");
    writeFileSync(join(proj, 'bad.ts'), "import { check } from 'vn-health-report';\nconst s: string = check('x');\nexport { s };\n");
    const tsc = join(REPO_ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
    const opts = ['--noEmit', '--strict', '--module', 'node16', '--moduleResolution', 'node16', '--target', 'es2022', '--types', 'node', '--typeRoots', join(REPO_ROOT, 'node_modules', '@types')];
    const ok = spawnSync(process.execPath, [tsc, ...opts, 'use.ts'], { cwd: proj, encoding: 'utf8' });
    assert.equal(ok.status, 0, ok.stdout + ok.stderr);
    const bad = spawnSync(process.execPath, [tsc, ...opts, 'bad.ts'], { cwd: proj, encoding: 'utf8' });
    assert.notEqual(bad.status, 0);
    assert.match(bad.stdout, /Finding\[\]' is not assignable to type 'string'/);
  });

  it('keeps name, version and license of the extension', () => {
    const pkg = JSON.parse(spawnSync(process.execPath, ['-p', 'JSON.stringify(require("./package.json"))'], { cwd: join(prefix, 'lib', 'node_modules', 'vn-health-report'), encoding: 'utf8' }).stdout);
    const ours = JSON.parse(spawnSync(process.execPath, ['-p', 'JSON.stringify(require("./package.json"))'], { cwd: REPO_ROOT, encoding: 'utf8' }).stdout);
    assert.deepEqual([pkg.name, pkg.version, pkg.license], [ours.name, ours.version, ours.license]);
    const v = spawnSync(join(prefix, 'bin', 'vnhr'), ['--version'], { encoding: 'utf8' });
    assert.equal(v.stdout.trim(), ours.version);
  });
});
