// `vnhr check` as a process: output formats, exit codes, --fix, config errors.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, readFileSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv from 'ajv-draft-04';
import { REPO_ROOT } from '../helpers/corpus';

const BIN = join(REPO_ROOT, 'bin', 'vnhr.js');
const vnhr = (args: string[], cwd: string) => {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
};

const SLIP = '# Báo cáo công tác y tế năm 2024\n\nNăm 2024, ngành y tế đã hoàn thành  tốt các nhiệm vụ được giao.\n';
const CLEAN = '# Báo cáo công tác y tế năm 2024\n\nNăm 2024, ngành y tế đã hoàn thành tốt các nhiệm vụ được giao.\n';

describe('vnhr CLI', function () {
  this.timeout(60000);
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'vnhr-cli-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('prints the JSON contract with zero-based UTF-16 positions and exits 1 on warnings', () => {
    writeFileSync(join(dir, 'a.md'), SLIP);
    const r = vnhr(['check', '--format', 'json', 'a.md'], dir);
    assert.equal(r.code, 1, r.err);
    const j = JSON.parse(r.out);
    assert.equal(j.version, 1);
    assert.equal(j.files.length, 1);
    assert.equal(j.files[0].path, 'a.md');
    const d = j.files[0].diagnostics.find((x: { rule: string }) => x.rule === 'whitespace');
    assert.deepEqual(d.range, { start: { line: 2, character: 34 }, end: { line: 2, character: 36 } });
    assert.equal(d.severity, 'warning');
    assert.match(d.message, /khoảng trắng/);
    assert.deepEqual(d.fixes[0].edits, [{ range: d.range, newText: ' ' }]);
    assert.ok(Array.isArray(d.related));
  });

  it('lists every rule\'s metadata with `rules --format json`, and its version from package.json', () => {
    const r = vnhr(['rules', '--format', 'json'], dir);
    assert.equal(r.code, 0, r.err);
    const list = JSON.parse(r.out) as { id: string; defaultSeverity: string; severity: string; fixable: string; docs: string; description: { vi: string; en: string } }[];
    const ids = list.map((x) => x.id);
    assert.ok(ids.includes('whitespace') && ids.includes('abbreviation-undefined'));
    assert.equal(new Set(ids).size, ids.length);
    const ws = list.find((x) => x.id === 'whitespace')!;
    assert.deepEqual([ws.defaultSeverity, ws.fixable, ws.docs.endsWith('/docs/rules/whitespace.md')], ['warning', 'safe', true]);
    assert.equal(list.find((x) => x.id === 'abbreviation-undefined')!.defaultSeverity, 'off');
    for (const x of list) {
      assert.ok(['safe', 'suggestion', 'none'].includes(x.fixable), x.id);
      assert.ok(x.description.vi && x.description.en, x.id);
    }
    assert.equal(vnhr(['rules', '--format', 'xml'], dir).code, 2);
    const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string };
    assert.equal(vnhr(['--version'], dir).out.trim(), pkg.version);
  });

  it('exits 0 on a clean file, and prints messages in English with --locale en', () => {
    writeFileSync(join(dir, 'a.md'), CLEAN);
    assert.equal(vnhr(['check', 'a.md'], dir).code, 0);
    writeFileSync(join(dir, 'b.md'), SLIP);
    const r = vnhr(['check', '--locale', 'en', 'b.md'], dir);
    assert.match(r.out, /consecutive spaces/);
  });

  it('writes valid SARIF 2.1.0', () => {
    writeFileSync(join(dir, 'a.md'), SLIP);
    const r = vnhr(['check', '--format', 'sarif', 'a.md'], dir);
    const sarif = JSON.parse(r.out) as { runs: { results: { ruleId: string; locations: { physicalLocation: { region: { startLine: number; startColumn: number } } }[] }[] }[] };
    const schema = JSON.parse(readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'));
    // The official schema has a pattern that is invalid under the u flag.
    const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false, logger: false });
    const valid = ajv.validate(schema, sarif);
    assert.ok(valid, JSON.stringify(ajv.errors?.slice(0, 5)));
    const res = sarif.runs[0].results.find((x: { ruleId: string }) => x.ruleId === "whitespace")!;
    assert.deepEqual(res.locations[0].physicalLocation.region.startLine, 3);
    assert.deepEqual(res.locations[0].physicalLocation.region.startColumn, 35);
  });

  it('--fix rewrites the file, keeps CRLF and BOM, and the result checks clean', () => {
    const p = join(dir, 'a.md');
    writeFileSync(p, '\uFEFF' + SLIP.replace(/\n/g, '\r\n'));
    const r = vnhr(['check', '--fix', 'a.md'], dir);
    assert.equal(r.code, 0, r.out + r.err);
    const after = readFileSync(p, 'utf8');
    assert.ok(after.startsWith('\uFEFF'));
    assert.equal(after, '\uFEFF' + CLEAN.replace(/\n/g, '\r\n'));
  });

  it('exits 2 on a missing file and on a bad option, with a message on stderr', () => {
    writeFileSync(join(dir, 'a.md'), CLEAN);
    const r = vnhr(['check', 'a.md', 'missing.md'], dir);
    assert.equal(r.code, 2);
    assert.match(r.err, /missing\.md/);
    const u = vnhr(['check', '--format', 'xml'], dir);
    assert.equal(u.code, 2);
    assert.match(u.err, /unknown format/);
  });

  it('reports a broken config with its location, uses the defaults, and exits 2', () => {
    writeFileSync(join(dir, '.vnhrrc.json'), '{\n  "rules": {\n    "whitespace": "off",\n  }\n  oops\n}\n');
    writeFileSync(join(dir, 'a.md'), SLIP);
    const r = vnhr(['check', '--format', 'json', 'a.md'], dir);
    assert.equal(r.code, 2);
    assert.match(r.err, /\.vnhrrc\.json:5:3: error: Invalid JSON/);
    // Defaults used: the whitespace rule is still on.
    assert.ok(JSON.parse(r.out).files[0].diagnostics.some((d: { rule: string }) => d.rule === 'whitespace'));
  });

  it('applies a valid config found upward, and warns about unknown rule ids without failing', () => {
    writeFileSync(join(dir, '.vnhrrc.json'), '// comments are allowed\n{ "rules": { "whitespace": "off", "no-such-rule": "error" } }\n');
    mkdirSync(join(dir, 'sub'));
    writeFileSync(join(dir, 'sub', 'a.md'), SLIP);
    const r = vnhr(['check', 'sub/a.md'], dir);
    assert.equal(r.code, 0, r.out + r.err);
    assert.match(r.err, /Unknown rule id "no-such-rule"/);
  });

  it('checks only Vietnamese Markdown when given a folder', () => {
    writeFileSync(join(dir, 'README.md'), '# Tool\n\nThis  README is in English.\n');
    writeFileSync(join(dir, 'bao-cao.md'), SLIP);
    writeFileSync(join(dir, 'notes.txt'), SLIP);
    const j = JSON.parse(vnhr(['check', '--format', 'json', '.'], dir).out);
    assert.deepEqual(j.files.map((f: { path: string }) => f.path), ['bao-cao.md']);
  });
});
