#!/usr/bin/env node
// npm run test:e2e — the packaged extension in a real VS Code, offline.
//
// 1. installs test/e2e's own dependencies when missing (code-server = VS Code
//    1.100.3's workbench and extension host; playwright-core; mocha);
// 2. packages the VSIX (`npm run package`) and installs it into a fresh
//    extensions dir with `code-server --install-extension`;
// 3. starts code-server on 127.0.0.1:<free port> with its own HOME, XDG dirs,
//    TMPDIR and user data;
// 4. opens the workbench in Debian's chromium (playwright-core) with the suite
//    as extensionTestsPath in the URL's payload; the suite runs inside the
//    extension host and writes its results to a file, which this waits for;
// 5. checks the UI once (squiggle, hover, Problems panel in Vietnamese,
//    Ctrl+. then Enter) in a second window without the test payload;
// 6. prints every test and `e2e: N passed, N failed`; exits 1 on any failure
//    or time-out. test/e2e/artifacts/ keeps screenshots, the server log, the
//    code-server and extension-host logs and the results.
//
// --web (npm run test:web): the web extension instead. The user settings set
// "remote.extensionKind" to ["web"] for this extension, so the workbench runs
// its `browser` entry in the web-worker extension host; phase 1 (a node suite)
// is skipped; the server bundle is first checked alone in a chromium worker
// (webWorker.js), then ui.js and webUi.js run in the workbench.
//
// Options: --dev (the source tree as extensionDevelopmentPath instead of the
// VSIX), --no-ui, --grep <pattern>, --keep (keep the run's temp folder).
// Env: VNHR_E2E_TIMEOUT_MS (whole API suite, default 600000), CHROMIUM (path).
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const net = require('node:net');
const http = require('node:http');
const path = require('node:path');
const { spawn } = require('node:child_process');
const lib = require('./lib');
const { log } = lib;

const argv = process.argv.slice(2);
const opt = {
  dev: argv.includes('--dev'),
  web: argv.includes('--web'),
  ui: !argv.includes('--no-ui'),
  keep: argv.includes('--keep'),
  grep: argv.includes('--grep') ? argv[argv.indexOf('--grep') + 1] : undefined,
  timeoutMs: Number(process.env.VNHR_E2E_TIMEOUT_MS) || 600_000,
};

const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  // Without these, chromium keeps dialling out and this closed network refuses it.
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

function httpOk(url) {
  return new Promise((resolve) => {
    const req = http.get(url, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    req.on('error', () => resolve(false));
    req.setTimeout(2000, () => req.destroy());
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Poll until fn() is truthy (a readiness wait with a hang guard, not a test). */
async function until(what, fn, timeoutMs, isDead) {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v) return v;
    const dead = isDead?.();
    if (dead) throw new Error(`${what}: ${dead}`);
    if (Date.now() > end) throw new Error(`timed out after ${Math.round(timeoutMs / 1000)} s waiting for ${what}`);
    await sleep(200);
  }
}

/** The environment of code-server and everything it starts: nothing of ours leaks in. */
function isolatedEnv(dirs, extra) {
  const env = {};
  for (const [k, v] of Object.entries(process.env)) {
    // A parent VS Code's variables would make code-server talk to it instead.
    if (k.startsWith('VSCODE_') || k === 'ELECTRON_RUN_AS_NODE') continue;
    env[k] = v;
  }
  return {
    ...env,
    HOME: dirs.home,
    XDG_CONFIG_HOME: path.join(dirs.home, '.config'),
    XDG_DATA_HOME: path.join(dirs.home, '.local', 'share'),
    XDG_CACHE_HOME: path.join(dirs.home, '.cache'),
    XDG_STATE_HOME: path.join(dirs.home, '.local', 'state'),
    XDG_RUNTIME_DIR: dirs.tmp,
    TMPDIR: dirs.tmp,
    ...extra,
  };
}

function remoteUri(port, p) {
  return `vscode-remote://127.0.0.1:${port}${p}`;
}

function workbenchUrl(port, folder, payload) {
  let url = `http://127.0.0.1:${port}/?folder=${encodeURIComponent(folder)}`;
  if (payload) url += `&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  return url;
}

async function main() {
  const t0 = Date.now();
  const installed = lib.ensureDeps();
  if (installed) log(`test/e2e dependencies installed in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  const chromiumPath = process.env.CHROMIUM || '/usr/bin/chromium';
  if (!fs.existsSync(chromiumPath)) throw new Error(`no chromium at ${chromiumPath}: apt-get install -y chromium`);

  fs.rmSync(lib.artifactsDir, { recursive: true, force: true });
  fs.mkdirSync(lib.artifactsDir, { recursive: true });

  // The extension: the VSIX users get, or the source tree with --dev.
  let vsix;
  if (opt.dev) {
    log('building the extension from the source tree (--dev)');
    lib.sh('node', [path.join(lib.root, 'scripts', 'build.mjs')], { cwd: lib.root });
  } else {
    log('packaging the VSIX (npm run package; output in artifacts/package.log)');
    lib.shLogged('npm', ['run', 'package'], path.join(lib.artifactsDir, 'package.log'), { cwd: lib.root });
    vsix = path.join(lib.root, 'vn-health-report.vsix');
    if (!fs.existsSync(vsix)) throw new Error(`npm run package did not produce ${vsix}`);
  }
  log('compiling the suite');
  lib.buildSuite();

  // A short temp root: the extension host's IPC sockets live under TMPDIR and
  // a Unix socket path must stay under 108 bytes.
  const base = fs.mkdtempSync(path.join(fs.existsSync('/tmp') ? '/tmp' : os.tmpdir(), 'vnhr-e2e-'));
  const dirs = {
    base,
    home: path.join(base, 'home'),
    tmp: path.join(base, 'tmp'),
    userData: path.join(base, 'user-data'),
    extensions: path.join(base, 'extensions'),
    ws: path.join(base, 'ws'),
    wsUi: path.join(base, 'ws-ui'),
    results: path.join(base, 'results.json'),
  };
  for (const d of [dirs.home, dirs.tmp, dirs.userData, dirs.extensions]) fs.mkdirSync(d, { recursive: true });
  lib.prepareWorkspace(dirs.ws);
  lib.prepareWorkspace(dirs.wsUi);
  lib.writeUserSettings(
    dirs.userData,
    opt.web
      ? {
          'remote.extensionKind': { [lib.EXTENSION_ID]: ['web'] },
          // The template check: no year question.
          'vnHealthReport.report.year': 2025,
        }
      : {},
  );

  const serverLog = path.join(lib.artifactsDir, 'code-server.log');
  const vnhrLog = path.join(lib.artifactsDir, 'vnhr-server.log');
  const env = isolatedEnv(dirs, {
    VNHR_E2E_RESULTS: dirs.results,
    VNHR_E2E_MODE: opt.dev ? 'dev' : 'vsix',
    VNHR_E2E_EXTENSIONS_DIR: dirs.extensions,
    VNHR_E2E_DEV_PATH: opt.dev ? lib.root : '',
    VNHR_LOG_FILE: vnhrLog,
    ...(opt.grep ? { VNHR_E2E_GREP: opt.grep } : {}),
  });
  const csArgs = ['--user-data-dir', dirs.userData, '--extensions-dir', dirs.extensions];

  if (vsix) {
    log('installing the VSIX with code-server --install-extension');
    lib.sh(process.execPath, [lib.codeServerBin, ...csArgs, '--install-extension', vsix], { env });
    const got = fs.readdirSync(dirs.extensions).filter((d) => d.startsWith(lib.EXTENSION_ID));
    if (!got.length) throw new Error(`the VSIX did not install into ${dirs.extensions}`);
  }

  log('starting code-server');
  const port = await freePort();
  const logStream = fs.createWriteStream(serverLog);
  const server = spawn(
    process.execPath,
    [
      lib.codeServerBin,
      ...csArgs,
      '--auth', 'none',
      '--bind-addr', `127.0.0.1:${port}`,
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
      '--ignore-last-opened',
      '--log', 'debug',
    ],
    { env, stdio: ['ignore', 'pipe', 'pipe'], detached: true },
  );
  let serverExit;
  server.stdout.pipe(logStream, { end: false });
  server.stderr.pipe(logStream, { end: false });
  server.on('exit', (code, signal) => (serverExit = `code-server exited (${code ?? signal}); see ${serverLog}`));

  let browser;
  const uiResults = [];
  let results;
  try {
    await until('code-server to listen', () => httpOk(`http://127.0.0.1:${port}/healthz`), 60_000, () => serverExit);
    log(`code-server ready on 127.0.0.1:${port}`);

    const { chromium } = require('playwright-core');
    browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: CHROMIUM_FLAGS });
    const consoleLog = fs.createWriteStream(path.join(lib.artifactsDir, 'browser-console.log'));

    if (opt.web) {
      log('checking the browser server bundle in a chromium web worker');
      uiResults.push(...(await require('./webWorker').runWorkerChecks(browser)));
    }

    // Phase 1: the API suite inside the (node) extension host; the web extension host cannot load it.
    if (!opt.web) {
      const apiPage = await browser.newPage({ viewport: { width: 1400, height: 900 } });
      apiPage.on('console', (m) => consoleLog.write(`[api ${m.type()}] ${m.text()}\n`));
      apiPage.on('pageerror', (e) => consoleLog.write(`[api pageerror] ${e.stack ?? e}\n`));
      const payload = [
        ['extensionDevelopmentPath', remoteUri(port, opt.dev ? lib.root : lib.harnessDir)],
        ['extensionTestsPath', remoteUri(port, lib.suiteIndex)],
      ];
      await apiPage.goto(workbenchUrl(port, dirs.ws, payload));
      log(`running the suite in the extension host (${opt.dev ? 'source tree' : 'installed VSIX'})`);
      const started = Date.now();
      results = await until(
        'the suite results (is the extension host running the tests? see artifacts/)',
        () => lib.readResults(dirs.results),
        opt.timeoutMs,
        () => serverExit,
      ).catch(async (e) => {
        await apiPage.screenshot({ path: path.join(lib.artifactsDir, 'api-timeout.png') }).catch(() => {});
        throw e;
      });
      log(`suite finished in ${((Date.now() - started) / 1000).toFixed(1)} s in VS Code ${results.vscodeVersion}`);
      await apiPage.screenshot({ path: path.join(lib.artifactsDir, 'api-suite.png') }).catch(() => {});
      await apiPage.close();
    }

    // Phase 2: what the writer sees, in a plain window of the same editor.
    if (opt.ui) {
      const { runUiChecks } = require('./ui');
      const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
      page.on('console', (m) => consoleLog.write(`[ui ${m.type()}] ${m.text()}\n`));
      page.on('pageerror', (e) => consoleLog.write(`[ui pageerror] ${e.stack ?? e}\n`));
      log('checking the UI in chromium');
      // With --dev the extension is not installed: load it from the source tree here too.
      await page.goto(workbenchUrl(port, dirs.wsUi, opt.dev ? [['extensionDevelopmentPath', remoteUri(port, lib.root)]] : undefined));
      uiResults.push(...(await runUiChecks(page, { ws: dirs.wsUi, artifactsDir: lib.artifactsDir, web: opt.web })));
      if (opt.web) {
        log('checking the web extension in the workbench');
        uiResults.push(...(await require('./webUi').runWebChecks(page, { artifactsDir: lib.artifactsDir })));
      }
      await page.close();
    }
  } catch (e) {
    uiResults.push({ title: 'e2e run', state: 'failed', error: String(e?.stack ?? e) });
  } finally {
    await browser?.close().catch(() => {});
    try {
      process.kill(-server.pid, 'SIGTERM');
    } catch {
      /* already gone */
    }
    await new Promise((r) => (server.exitCode !== null || server.signalCode !== null ? r() : server.once('exit', r)));
    logStream.end();
    // The logs of code-server and of the extension host, output channels included.
    const logs = path.join(dirs.userData, 'logs');
    if (fs.existsSync(logs)) fs.cpSync(logs, path.join(lib.artifactsDir, 'logs'), { recursive: true });
    if (fs.existsSync(dirs.results)) fs.copyFileSync(dirs.results, path.join(lib.artifactsDir, 'results.json'));
    if (opt.keep) log(`kept ${base}`);
    else fs.rmSync(base, { recursive: true, force: true });
  }

  const all = [...(results?.tests ?? []), ...uiResults];
  if (all.some((t) => t.state === 'failed')) {
    // Where to look: screenshots, the server's log, the extension's output channel, the editor's logs.
    const files = [];
    const walk = (d) => {
      for (const e of fs.readdirSync(d, { withFileTypes: true })) {
        const p = path.join(d, e.name);
        if (e.isDirectory()) walk(p);
        else if (/\.png$|vnhr-server\.log$|Vietnamese Health Report\.log$|code-server\.log$|browser-console\.log$|remoteexthost\.log$/.test(e.name)) files.push(path.relative(lib.root, p));
      }
    };
    walk(lib.artifactsDir);
    process.stdout.write(`artifacts:\n${files.map((f) => `  ${f}`).join('\n')}\n\n`);
  }
  const failed = lib.report(results, uiResults);
  const passed = (results?.tests ?? []).concat(uiResults).filter((t) => t.state === 'passed').length;
  log(`total ${((Date.now() - t0) / 1000).toFixed(1)} s; artifacts in ${path.relative(process.cwd(), lib.artifactsDir) || lib.artifactsDir}`);
  return failed === 0 && passed > 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    process.stdout.write(`\n${e?.stack ?? e}\ne2e: 0 passed, 1 failed\n`);
    process.exit(1);
  },
);
