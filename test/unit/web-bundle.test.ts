// The web extension's bundles (package.json "browser"): nothing of node in them,
// and the server bundle runs where there is no `process`, `require` nor
// `Buffer` (a node vm context given only what a web worker has), with config
// files found by URI among those the client sent. (test/e2e/webWorker.js runs
// the same bundle in chromium's worker; `npm run test:web` in the workbench.)
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import * as vm from 'node:vm';
import { REPO_ROOT } from '../helpers/corpus';
import { sentConfigFiles } from '../../server/src/serverBrowserConfig';

const SERVER = join(REPO_ROOT, 'server', 'out', 'server.browser.js');
/** The engine both servers share (scripts/build.mjs): the worker loads it beside its own script. */
const ENGINE = join(REPO_ROOT, 'server', 'out', 'engine.js');
const CLIENT = join(REPO_ROOT, 'client', 'out', 'extension.browser.js');

/** Module names a bundle still requires or imports at run time. */
function requiredModules(code: string): string[] {
  const out = new Set<string>();
  for (const m of code.matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)|\bimport\(\s*["']([^"']+)["']\s*\)|\bfrom\s*["'](node:[^"']+)["']/g)) out.add(m[1] ?? m[2] ?? m[3]);
  return [...out];
}

const NODE = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));

interface Message {
  id?: number;
  method?: string;
  params?: { uri?: string; message?: string; diagnostics?: { code: string }[] };
  result?: { serverInfo?: { name: string } };
}

/** node keeps running while a MessagePort listens: the servers' channels (their setImmediate) are closed after the tests. */
const channels: InstanceType<typeof MessageChannel>[] = [];
class ClosableChannel extends MessageChannel {
  constructor() {
    super();
    channels.push(this);
  }
}

/** The server bundle in a context with a worker's globals only; messages in through `send`, out in `sent`. */
function startWorker() {
  const sent: Message[] = [];
  const target = new EventTarget();
  const context: Record<string, unknown> = {
    console,
    setTimeout,
    clearTimeout,
    setInterval,
    clearInterval,
    queueMicrotask,
    structuredClone,
    TextEncoder,
    TextDecoder,
    URL,
    MessageChannel: ClosableChannel,
    addEventListener: target.addEventListener.bind(target),
    removeEventListener: target.removeEventListener.bind(target),
    // A copy, as postMessage makes (and plain objects of this realm for deepEqual).
    postMessage: (m: Message) => sent.push(JSON.parse(JSON.stringify(m)) as Message),
    location: { href: 'https://extension.example/vnhr/server/out/server.browser.js' },
  };
  const loaded: string[] = [];
  // A worker's importScripts: the bundle asks for the engine beside it, by URL.
  context.importScripts = (url: string) => {
    loaded.push(url);
    assert.equal(url, 'https://extension.example/vnhr/server/out/engine.js');
    vm.runInContext(readFileSync(ENGINE, 'utf8'), context, { filename: ENGINE });
  };
  vm.createContext(context);
  context.self = vm.runInContext('this', context);
  vm.runInContext(readFileSync(SERVER, 'utf8'), context, { filename: SERVER });
  assert.deepEqual(loaded, ['https://extension.example/vnhr/server/out/engine.js']);
  // BrowserMessageReader listens with `onmessage` on the global (errors through addEventListener).
  const send = (data: object) => (context.onmessage as (e: { data: object }) => void)({ data: { jsonrpc: '2.0', ...data } });
  const until = async <T>(what: string, f: () => T | undefined): Promise<T> => {
    // A hang guard, not a speed limit: the answer is awaited message by message.
    for (let i = 0; i < 600; i++) {
      const v = f();
      if (v !== undefined) return v;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`no ${what}; got ${JSON.stringify(sent.map((m) => m.method ?? m.id))}`);
  };
  const diagnosticsOf = (uri: string, after = 0) =>
    until(`diagnostics of ${uri}`, () => sent.slice(after).filter((m) => m.method === 'textDocument/publishDiagnostics' && m.params?.uri === uri).pop()?.params?.diagnostics);
  return { sent, send, until, diagnosticsOf, context };
}

const REPORT = 'Ngành y tế đã hoàn thành  tốt 7/6 nhiệm vụ được giao trong năm 2024.\n';

describe('web extension bundles', function () {
  this.timeout(60000);
  after(() => {
    for (const c of channels) c.port1.close();
  });

  it('the browser bundles require no node built-in (the client only "vscode")', () => {
    const server = requiredModules(readFileSync(SERVER, 'utf8') + readFileSync(ENGINE, 'utf8'));
    assert.deepEqual(server.filter((m) => NODE.has(m) || m.startsWith('node:')), []);
    const client = requiredModules(readFileSync(CLIENT, 'utf8'));
    assert.deepEqual([...new Set(client)].filter((m) => m !== 'vscode'), []);
  });

  it('the scan finds a node import when there is one (the check works)', () => {
    assert.deepEqual(requiredModules('const a = require("fs"); import("node:path"); var b = require( "vscode" );'), ['fs', 'node:path', 'vscode']);
  });

  it('the server bundle answers initialize and checks a report with no process, require or Buffer', async () => {
    const w = startWorker();
    assert.equal(typeof w.context.process, 'undefined');
    w.send({ id: 1, method: 'initialize', params: { processId: null, rootUri: 'vscode-vfs://github/so-y-te/bao-cao', capabilities: {}, locale: 'vi' } });
    const init = await w.until('initialize result', () => w.sent.find((m) => m.id === 1));
    assert.equal(init.result?.serverInfo?.name, 'vnhr');
    w.send({ method: 'initialized', params: {} });
    const log = await w.until('the start line', () => w.sent.find((m) => m.method === 'window/logMessage' && /server started/.test(m.params?.message ?? '')));
    assert.match(log.params!.message!, /\(browser,/);
    w.send({ method: 'textDocument/didOpen', params: { textDocument: { uri: 'vscode-vfs://github/so-y-te/bao-cao/2024/q1.md', languageId: 'markdown', version: 1, text: REPORT } } });
    const codes = (await w.diagnosticsOf('vscode-vfs://github/so-y-te/bao-cao/2024/q1.md')).map((d) => d.code).sort();
    assert.deepEqual(codes, ['task-count-exceeds', 'whitespace']);
  });

  it('config files sent at initialize and later apply by folder, ignore globs included', async () => {
    const root = 'vscode-vfs://github/so-y-te/bao-cao';
    const w = startWorker();
    const files = [
      { uri: `${root}/.vnhrrc.json`, text: '{ "ignore": ["nhap/**"], "rules": { "whitespace": "off" } }' },
      { uri: `${root}/huyen/.vnhrrc.json`, text: '{}' },
    ];
    w.send({ id: 1, method: 'initialize', params: { processId: null, rootUri: root, capabilities: {}, initializationOptions: { files } } });
    await w.until('initialize result', () => w.sent.find((m) => m.id === 1));
    w.send({ method: 'initialized', params: {} });
    const open = (path: string) => w.send({ method: 'textDocument/didOpen', params: { textDocument: { uri: `${root}/${path}`, languageId: 'markdown', version: 1, text: REPORT } } });
    open('2024/q1.md');
    open('nhap/q1.md');
    open('huyen/q1.md');
    assert.deepEqual((await w.diagnosticsOf(`${root}/2024/q1.md`)).map((d) => d.code), ['task-count-exceeds'], 'the root config turns whitespace off');
    assert.deepEqual(await w.diagnosticsOf(`${root}/nhap/q1.md`), [], 'nhap/** is ignored');
    assert.deepEqual((await w.diagnosticsOf(`${root}/huyen/q1.md`)).map((d) => d.code).sort(), ['task-count-exceeds', 'whitespace'], 'the nearer config (defaults) wins');
    // The client sends the files again when one changes: the root config no longer ignores nhap/.
    const mark = w.sent.length;
    w.send({ method: 'vnhr/configFiles', params: { files: [{ uri: `${root}/.vnhrrc.json`, text: '{}' }] } });
    assert.deepEqual((await w.diagnosticsOf(`${root}/nhap/q1.md`, mark)).map((d) => d.code).sort(), ['task-count-exceeds', 'whitespace']);
  });

  it('a config file is found by URI upward from the document, and globs see the path from its folder', () => {
    const c = sentConfigFiles();
    c.replace([
      { uri: 'vscode-vfs://github/a/b/.vnhrrc', text: '{}' },
      { uri: 'vscode-vfs://github/a/b/.vnhrrc.json', text: '{}' },
      { uri: 'vscode-vfs://github/a/b/x/y/.vnhrrc.json', text: '{}' },
      { uri: 'file:///.vnhrrc.json', text: '{}' },
    ]);
    assert.equal(c.nearest('vscode-vfs://github/a/b/x/r.md'), 'vscode-vfs://github/a/b/.vnhrrc.json', '.vnhrrc.json before .vnhrrc in one folder');
    assert.equal(c.nearest('vscode-vfs://github/a/b/x/y/z/r.md'), 'vscode-vfs://github/a/b/x/y/.vnhrrc.json');
    assert.equal(c.nearest('vscode-vfs://github/a/r.md'), undefined, 'not below a config');
    assert.equal(c.nearest('vscode-vfs://gitlab/a/b/r.md'), undefined, 'another authority is another file system');
    assert.equal(c.nearest('file:///home/r.md'), 'file:///.vnhrrc.json', 'up to the root');
    assert.equal(c.nearest('untitled:Untitled-1'), undefined);
    assert.equal(c.relative('vscode-vfs://github/a/b/nh%C3%A1p/b%C3%A1o%20c%C3%A1o.md', 'vscode-vfs://github/a/b/.vnhrrc.json'), 'nháp/báo cáo.md');
    assert.equal(c.relative('vscode-vfs://github/a/c/r.md', 'vscode-vfs://github/a/b/.vnhrrc.json'), undefined);
    assert.equal(c.read('vscode-vfs://github/a/none/.vnhrrc.json').problems.length, 0, 'a file not sent reads as defaults');
  });
});
