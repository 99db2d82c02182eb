// The browser server bundle (server/out/server.browser.js) in a real web
// worker of Debian's chromium, spoken to over postMessage exactly as
// vscode-languageclient/browser does: initialize (with the config files the
// web client sends), didOpen → publishDiagnostics, a quick fix, hover, a config
// file that turns a rule off, and a config change sent later. No editor: this
// checks the worker bundle alone; web.js checks it inside the workbench.
'use strict';
const fs = require('node:fs');
const http = require('node:http');
const path = require('node:path');

const root = path.resolve(__dirname, '..', '..');
const BUNDLE = path.join(root, 'server', 'out', 'server.browser.js');
// The engine both servers share: the worker loads it beside its own script (importScripts).
const ENGINE = path.join(root, 'server', 'out', 'engine.js');

/** A local origin serving the bundle and an empty page (a worker needs a same-origin URL). */
function serve() {
  const server = http.createServer((req, res) => {
    if (req.url === '/server.browser.js' || req.url === '/engine.js') {
      res.writeHead(200, { 'content-type': 'text/javascript' });
      res.end(fs.readFileSync(req.url === '/engine.js' ? ENGINE : BUNDLE));
    } else {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<!doctype html><meta charset="utf-8"><title>vnhr worker</title>');
    }
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/** In the page: a worker, a JSON-RPC helper, and a log of what the server sent. */
function pageSetup() {
  const w = new Worker('/server.browser.js');
  const state = { w, nextId: 1, pending: new Map(), notifications: [], errors: [] };
  w.onerror = (e) => state.errors.push(String(e.message || e));
  w.onmessage = (e) => {
    const m = e.data;
    if (m.id !== undefined && m.method === undefined) {
      const p = state.pending.get(m.id);
      state.pending.delete(m.id);
      if (p) (m.error ? p.reject(new Error(JSON.stringify(m.error))) : p.resolve(m.result));
    } else if (m.id !== undefined) {
      // A request from the server (workspace/configuration, client/registerCapability…): a plain answer.
      const result = m.method === 'workspace/configuration' ? m.params.items.map(() => ({ locale: 'vi' })) : null;
      w.postMessage({ jsonrpc: '2.0', id: m.id, result });
    } else state.notifications.push(m);
  };
  window.vnhr = {
    request: (method, params) =>
      new Promise((resolve, reject) => {
        const id = state.nextId++;
        state.pending.set(id, { resolve, reject });
        w.postMessage({ jsonrpc: '2.0', id, method, params });
      }),
    notify: (method, params) => w.postMessage({ jsonrpc: '2.0', method, params }),
    diagnostics: (uri) => {
      const all = state.notifications.filter((n) => n.method === 'textDocument/publishDiagnostics' && n.params.uri === uri);
      return all.length ? all[all.length - 1].params.diagnostics : undefined;
    },
    count: (uri) => state.notifications.filter((n) => n.method === 'textDocument/publishDiagnostics' && n.params.uri === uri).length,
    logs: () => state.notifications.filter((n) => n.method === 'window/logMessage').map((n) => n.params.message),
    errors: () => state.errors,
  };
}

const { until } = require('./lib');

function positionOf(text, needle, extra = 0) {
  const o = text.indexOf(needle);
  if (o < 0) throw new Error(`"${needle}" not in the sample`);
  const before = text.slice(0, o + extra).split('\n');
  return { line: before.length - 1, character: before[before.length - 1].length };
}

/** Run the checks with an open playwright browser; returns [{ title, state, error? }]. */
async function runWorkerChecks(browser) {
  const results = [];
  const server = await serve();
  const origin = `http://127.0.0.1:${server.address().port}`;
  const page = await browser.newPage();
  const pageErrors = [];
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  let broken;
  const step = async (title, fn) => {
    const full = `web worker: ${title}`;
    if (broken) return results.push({ title: full, state: 'failed', error: `not reached: "${broken}" failed` });
    const t0 = Date.now();
    try {
      await fn();
      results.push({ title: full, state: 'passed', durationMs: Date.now() - t0 });
    } catch (e) {
      broken = title;
      results.push({ title: full, state: 'failed', error: String(e?.stack ?? e) });
    }
  };
  const text = fs.readFileSync(path.join(root, 'examples', 'bao-cao-tong-ket-2024.md'), 'utf8');
  // A repository on github.dev: documents and config files are vscode-vfs URIs.
  const base = 'vscode-vfs://github/don-vi/bao-cao';
  const report = `${base}/2024/bao-cao.md`;
  const quiet = `${base}/nhap/bao-cao.md`;
  const quietConfig = `${base}/nhap/.vnhrrc.json`;
  try {
    await page.goto(origin + '/');
    await page.evaluate(pageSetup);
    await step('completes the LSP handshake in a worker (no node: `process` is undefined there)', async () => {
      const r = await page.evaluate(() =>
        window.vnhr.request('initialize', {
          processId: null,
          rootUri: 'vscode-vfs://github/don-vi/bao-cao',
          locale: 'vi',
          capabilities: { workspace: { configuration: true }, textDocument: { codeAction: { resolveSupport: { properties: ['edit'] } } } },
          initializationOptions: { docsBaseUrl: 'https://example.invalid/rules/', files: [{ uri: 'vscode-vfs://github/don-vi/bao-cao/nhap/.vnhrrc.json', text: '{ "rules": { "whitespace": "off" } }' }] },
        }),
      );
      if (r?.serverInfo?.name !== 'vnhr' || !r.capabilities?.hoverProvider || !r.capabilities?.codeActionProvider) throw new Error(`initialize answered ${JSON.stringify(r)}`);
      await page.evaluate(() => window.vnhr.notify('initialized', {}));
      const started = await until('the start log line', () => page.evaluate(() => window.vnhr.logs().find((l) => l.includes('vnhr server started'))));
      if (!started.includes('(browser,')) throw new Error(`the worker ran another entry: ${started}`);
      const hasProcess = await page.evaluate(() => new Promise((resolve) => {
        const w = new Worker(URL.createObjectURL(new Blob(['postMessage(typeof process)'], { type: 'text/javascript' })));
        w.onmessage = (e) => resolve(e.data);
      }));
      if (hasProcess !== 'undefined') throw new Error(`a worker here has process (${hasProcess}): not a browser worker`);
    });
    await step('didOpen → publishDiagnostics with the rules of the node server', async () => {
      await page.evaluate(([uri, text]) => window.vnhr.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } }), [report, text]);
      const diags = await until('diagnostics of the report', () => page.evaluate((uri) => window.vnhr.diagnostics(uri), report));
      const codes = new Set(diags.map((d) => d.code));
      for (const id of ['whitespace', 'task-count-exceeds', 'indicator-conflict', 'date-format']) if (!codes.has(id)) throw new Error(`no ${id} among ${[...codes].join(', ')}`);
      const ws = diags.find((d) => d.code === 'whitespace');
      if (!/khoảng trắng/.test(ws.message) || ws.codeDescription?.href !== 'https://example.invalid/rules/whitespace.md') throw new Error(JSON.stringify(ws));
    });
    await step('a quick fix edits the double space', async () => {
      const at = positionOf(text, 'thành  tốt', 'thành'.length);
      const diags = await page.evaluate((uri) => window.vnhr.diagnostics(uri), report);
      const ws = diags.find((d) => d.code === 'whitespace' && d.range.start.line === at.line);
      const actions = await page.evaluate(([uri, range, d]) => window.vnhr.request('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics: [d] } }), [report, ws.range, ws]);
      const fix = actions.find((a) => a.kind === 'quickfix' && /khoảng trắng/.test(a.title));
      if (!fix) throw new Error(`actions: ${actions.map((a) => a.title).join(' | ')}`);
      const resolved = fix.edit ? fix : await page.evaluate((a) => window.vnhr.request('codeAction/resolve', a), fix);
      const edits = resolved.edit.changes?.[report] ?? resolved.edit.documentChanges?.[0]?.edits;
      if (!edits?.length || edits[0].newText !== ' ') throw new Error(JSON.stringify(resolved.edit));
    });
    await step('hover on a figure names its indicator', async () => {
      const h = await page.evaluate(([uri, position]) => window.vnhr.request('textDocument/hover', { textDocument: { uri }, position }), [report, positionOf(text, '12,5 bác sĩ/vạn dân', 1)]);
      if (!h || !/bác sĩ/i.test(h.contents.value)) throw new Error(JSON.stringify(h));
    });
    await step('a .vnhrrc.json the client sent applies to the reports under its folder', async () => {
      await page.evaluate(([uri, text]) => window.vnhr.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } }), [quiet, text]);
      const diags = await until('diagnostics of the report under nhap/', () => page.evaluate((uri) => window.vnhr.diagnostics(uri), quiet));
      if (diags.some((d) => d.code === 'whitespace')) throw new Error('whitespace is off in nhap/.vnhrrc.json');
      if (!diags.some((d) => d.code === 'task-count-exceeds')) throw new Error('other rules stay on');
    });
    await step('vnhr/configFiles (a config changed) re-checks open reports with the new config', async () => {
      const before = await page.evaluate((uri) => window.vnhr.count(uri), quiet);
      await page.evaluate((files) => window.vnhr.notify('vnhr/configFiles', { files }), [{ uri: quietConfig, text: '{ "rules": { "task-count-exceeds": "off" } }' }]);
      const diags = await until('new diagnostics under nhap/', () => page.evaluate(([uri, n]) => window.vnhr.count(uri) > n && window.vnhr.diagnostics(uri), [quiet, before]));
      if (!diags.some((d) => d.code === 'whitespace') || diags.some((d) => d.code === 'task-count-exceeds')) throw new Error(diags.map((d) => d.code).join(', '));
    });
    await step('no error in the worker or the page', async () => {
      const errors = [...(await page.evaluate(() => window.vnhr.errors())), ...pageErrors];
      if (errors.length) throw new Error(errors.join('\n'));
    });
  } finally {
    await page.close().catch(() => {});
    server.close();
  }
  return results;
}

module.exports = { runWorkerChecks };

// Alone: node test/e2e/webWorker.js
if (require.main === module) {
  (async () => {
    const { chromium } = require('playwright-core');
    const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu'] });
    try {
      const results = await runWorkerChecks(browser);
      for (const r of results) process.stdout.write(`${r.state === 'passed' ? '✔' : '✖'} ${r.title}${r.error ? `\n    ${r.error}` : ''}\n`);
      process.exitCode = results.every((r) => r.state === 'passed') ? 0 : 1;
    } finally {
      await browser.close();
    }
  })();
}
