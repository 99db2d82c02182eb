// An idle server (initialized, no document) loads no engine: server/out/engine.js (its code,
// data and tables) is required when a document is first checked (scripts/build.mjs, lazy-engine).
import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspClient } from '../helpers/lsp';

describe('server start-up: the engine is loaded by the first document, not before', function () {
  this.timeout(60000);
  let dir: string;
  let probe: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'vnhr-idle-'));
    probe = join(dir, 'probe.js');
    // At exit the server process writes the files it required.
    writeFileSync(probe, `process.on('exit', () => require('fs').writeFileSync(process.env.VNHR_PROBE_OUT, JSON.stringify(Object.keys(require.cache))));\n`);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  async function loadedBy(name: string, work: (c: LspClient) => Promise<void>): Promise<string[]> {
    const out = join(dir, `${name}.json`);
    const c = new LspClient({ NODE_OPTIONS: `--require ${JSON.stringify(probe)}`, VNHR_PROBE_OUT: out });
    try {
      await c.initialize('en');
      await work(c);
    } finally {
      await c.stop();
    }
    return (JSON.parse(readFileSync(out, 'utf8')) as string[]).map((f) => f.split(/[\\/]/).pop()!);
  }

  it('initialized and idle: no engine.js', async () => {
    const files = await loadedBy('idle', () => new Promise((r) => setTimeout(r, 300)));
    assert.ok(files.includes('server.js'), files.join(' '));
    assert.ok(!files.includes('engine.js'), files.join(' '));
  });
  it('a document opened: engine.js, and its diagnostics', async () => {
    const uri = pathToFileURL(join(dir, 'bao-cao.md')).href;
    const files = await loadedBy('open', async (c) => {
      const d = c.diagnostics(uri, (p) => p.diagnostics.length > 0);
      await c.open(uri, 'Năm 2024, ngành y tế đã hoàn thành  tốt các nhiệm vụ được giao.\n');
      assert.deepEqual((await d).diagnostics.map((x) => x.code), ['whitespace']);
    });
    assert.ok(files.includes('engine.js'), files.join(' '));
  });
});
