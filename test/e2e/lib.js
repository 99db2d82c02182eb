// Shared by run.js (code-server, offline) and runVscode.js (@vscode/test-electron):
// paths, the e2e install, the build of the suite and the test workspace.
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const e2eDir = __dirname;
const root = path.resolve(e2eDir, '..', '..');
const artifactsDir = path.join(e2eDir, 'artifacts');
const suiteIndex = path.join(e2eDir, 'out', 'suite', 'index.js');
const harnessDir = path.join(e2eDir, 'harness');
const codeServerBin = path.join(e2eDir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
const EXTENSION_ID = 'vn-health-report.vn-health-report';

const started = Date.now();
function log(msg) {
  process.stdout.write(`[e2e ${((Date.now() - started) / 1000).toFixed(1).padStart(5)} s] ${msg}\n`);
}

/** Run a command; throw with its name when it fails. */
function sh(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { stdio: ['ignore', 'inherit', 'inherit'], ...opts });
  if (r.error) throw r.error;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited with ${r.status ?? r.signal}`);
  return r;
}

/** Like sh, with the output in `logFile`; printed only when the command fails. */
function shLogged(cmd, args, logFile, opts = {}) {
  const r = spawnSync(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, ...opts });
  fs.writeFileSync(logFile, `$ ${cmd} ${args.join(' ')}\n${r.stdout ?? ''}${r.stderr ?? ''}`);
  if (r.error) throw r.error;
  if (r.status !== 0) {
    process.stdout.write(fs.readFileSync(logFile, 'utf8'));
    throw new Error(`${cmd} ${args.join(' ')} exited with ${r.status ?? r.signal}`);
  }
  return r;
}

function which(cmd) {
  for (const dir of (process.env.PATH || '').split(path.delimiter)) {
    const p = path.join(dir, cmd);
    try {
      fs.accessSync(p, fs.constants.X_OK);
      return p;
    } catch {
      /* next */
    }
  }
  return undefined;
}

function depsInstalled() {
  const need = [
    codeServerBin,
    // code-server's postinstall installs VS Code's own modules; the rg binary is its last step.
    path.join(e2eDir, 'node_modules', 'code-server', 'lib', 'vscode', 'node_modules', '@vscode', 'ripgrep', 'bin', 'rg'),
    path.join(e2eDir, 'node_modules', 'playwright-core', 'package.json'),
    path.join(e2eDir, 'node_modules', 'mocha', 'package.json'),
    path.join(e2eDir, 'node_modules', '@vscode', 'test-electron', 'package.json'),
  ];
  return need.every((p) => fs.existsSync(p));
}

/**
 * Install test/e2e's own node_modules (code-server, playwright-core, mocha,
 * @vscode/test-electron) when missing. Offline-safe: @vscode/ripgrep's
 * postinstall downloads rg unless its cache already holds the archive, so the
 * system rg (Debian's ripgrep) is put there first.
 */
function ensureDeps() {
  if (depsInstalled()) return false;
  const rg = which('rg');
  if (!rg) throw new Error('ripgrep is needed to install code-server offline: apt-get install -y ripgrep (also chromium and libkrb5-dev)');
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'vnhr-e2e-install-'));
  try {
    const cache = path.join(tmp, 'vscode-ripgrep-cache-1.15.11');
    fs.mkdirSync(cache);
    sh('tar', ['czf', path.join(cache, 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz'), '-C', path.dirname(fs.realpathSync(rg)), path.basename(fs.realpathSync(rg))]);
    const lock = fs.existsSync(path.join(e2eDir, 'package-lock.json'));
    log(`installing test/e2e dependencies (npm ${lock ? 'ci' : 'install'}; code-server builds its native modules: a few minutes)`);
    sh('npm', [lock ? 'ci' : 'install', '--no-audit', '--no-fund'], {
      cwd: e2eDir,
      env: {
        ...process.env,
        TMPDIR: tmp,
        // node-pty's postinstall runs `npx node-gyp`; npx must not ask.
        npm_config_yes: 'true',
        npm_config_unsafe_perm: 'true',
      },
    });
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  if (!depsInstalled()) throw new Error('test/e2e install finished but code-server is incomplete (see the npm output above)');
  return true;
}

/** Compile the suite (TypeScript, against the root's typescript and @types). */
function buildSuite() {
  fs.rmSync(path.join(e2eDir, 'out'), { recursive: true, force: true });
  sh(process.execPath, [path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', e2eDir]);
}

function copyDir(from, to) {
  fs.cpSync(from, to, { recursive: true });
}

/**
 * A fresh workspace for one run: the repo's examples/ plus the fixtures in
 * test/e2e/workspace/ (the tests edit and save files, so never the originals).
 */
function prepareWorkspace(dir) {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  copyDir(path.join(root, 'examples'), path.join(dir, 'examples'));
  for (const f of fs.readdirSync(path.join(e2eDir, 'workspace'))) copyDir(path.join(e2eDir, 'workspace', f), path.join(dir, f));
  return dir;
}

/** User settings of the editor under test: quiet, offline, Vietnamese messages. */
/** `extra`: settings of one run (run.js --web: the extension kind). */
function writeUserSettings(userDataDir, extra = {}) {
  const settings = {
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'workbench.enableExperiments': false,
    'security.workspace.trust.enabled': false,
    'telemetry.telemetryLevel': 'off',
    'update.mode': 'none',
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'extensions.ignoreRecommendations': true,
    'git.enabled': false,
    'files.autoSave': 'off',
    'window.restoreWindows': 'none',
    'chat.commandCenter.enabled': false,
    // Noto Mono (Debian's fonts-noto-mono) places Vietnamese marks right; the
    // fallback monospace font misplaces them in screenshots.
    'editor.fontFamily': "'Noto Mono', 'DejaVu Sans Mono', monospace",
    // The Problems panel and hovers must speak Vietnamese whatever the UI locale.
    'vnHealthReport.locale': 'vi',
    ...extra,
  };
  fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  fs.writeFileSync(path.join(userDataDir, 'User', 'settings.json'), JSON.stringify(settings, null, 2));
}

function readResults(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

/** Print each test and the closing line CI reads; return the failure count. */
function report(results, extra = []) {
  const all = [...(results?.tests ?? []), ...extra];
  for (const t of all) {
    const mark = t.state === 'passed' ? 'ok  ' : t.state === 'pending' ? 'skip' : 'FAIL';
    process.stdout.write(`  ${mark} ${t.title}${t.durationMs !== undefined ? ` (${t.durationMs} ms)` : ''}\n`);
  }
  for (const t of all.filter((x) => x.state === 'failed')) process.stdout.write(`\n--- FAILED: ${t.title}\n${t.error ?? ''}\n`);
  const passed = all.filter((t) => t.state === 'passed').length;
  const failed = all.filter((t) => t.state === 'failed').length;
  const skipped = all.filter((t) => t.state === 'pending').length;
  process.stdout.write(`\ne2e: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}\n`);
  return failed;
}

/** Poll `fn` until it returns something truthy (the UI and worker checks wait on the workbench this way). */
async function until(what, fn, timeoutMs = 30_000, everyMs = 150) {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

module.exports = {
  until,
  e2eDir,
  root,
  artifactsDir,
  suiteIndex,
  harnessDir,
  codeServerBin,
  EXTENSION_ID,
  log,
  sh,
  shLogged,
  which,
  ensureDeps,
  buildSuite,
  prepareWorkspace,
  writeUserSettings,
  readResults,
  report,
};
