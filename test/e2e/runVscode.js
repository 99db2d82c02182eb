#!/usr/bin/env node
// npm run test:vscode — the same suite in desktop VS Code, with
// @vscode/test-electron (downloads VS Code into .vscode-test/: needs the
// internet and a display, e.g. `xvfb-run -a npm run test:vscode` on Linux).
// This is how extension authors run it on their own machine; CI here runs
// `npm run test:e2e` (code-server, offline) instead.
//
// Default: the source tree as extensionDevelopmentPath. --vsix: package the
// VSIX, install it with the downloaded VS Code's CLI into a fresh extensions
// dir and test that. Env: VSCODE_VERSION (default "stable"), VNHR_E2E_GREP.
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawnSync } = require('node:child_process');
const lib = require('./lib');

async function main() {
  const vsixMode = process.argv.includes('--vsix');
  lib.ensureDeps();
  const { runTests, downloadAndUnzipVSCode, resolveCliArgsFromVSCodeExecutablePath } = require('@vscode/test-electron');

  let vsix;
  if (vsixMode) {
    lib.sh('npm', ['run', '--silent', 'package'], { cwd: lib.root });
    vsix = path.join(lib.root, 'vn-health-report.vsix');
  } else {
    lib.sh('node', [path.join(lib.root, 'scripts', 'build.mjs')], { cwd: lib.root });
  }
  lib.buildSuite();

  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'vnhr-vscode-'));
  const userData = path.join(base, 'user-data');
  const extensions = path.join(base, 'extensions');
  const ws = lib.prepareWorkspace(path.join(base, 'ws'));
  const results = path.join(base, 'results.json');
  fs.mkdirSync(extensions, { recursive: true });
  lib.writeUserSettings(userData);
  fs.rmSync(lib.artifactsDir, { recursive: true, force: true });
  fs.mkdirSync(lib.artifactsDir, { recursive: true });

  const vscodeExecutablePath = await downloadAndUnzipVSCode(process.env.VSCODE_VERSION || 'stable');
  if (vsix) {
    const [cli, ...cliArgs] = resolveCliArgsFromVSCodeExecutablePath(vscodeExecutablePath);
    const r = spawnSync(cli, [...cliArgs, '--extensions-dir', extensions, '--user-data-dir', userData, '--install-extension', vsix], { stdio: 'inherit', shell: process.platform === 'win32' });
    if (r.status !== 0) throw new Error(`installing ${vsix} failed`);
  }

  let runError;
  try {
    await runTests({
      vscodeExecutablePath,
      // VS Code runs tests only with a development extension: the harness stands in when the VSIX is under test.
      extensionDevelopmentPath: vsix ? lib.harnessDir : lib.root,
      extensionTestsPath: lib.suiteIndex,
      launchArgs: [
        ws,
        '--user-data-dir', userData,
        '--extensions-dir', extensions,
        '--disable-workspace-trust',
        '--skip-welcome',
        '--skip-release-notes',
        '--disable-telemetry',
      ],
      extensionTestsEnv: {
        VNHR_E2E_RESULTS: results,
        VNHR_E2E_MODE: vsix ? 'vsix' : 'dev',
        VNHR_E2E_EXTENSIONS_DIR: extensions,
        VNHR_E2E_DEV_PATH: vsix ? '' : lib.root,
        VNHR_LOG_FILE: path.join(lib.artifactsDir, 'vnhr-server.log'),
        ...(process.env.VNHR_E2E_GREP ? { VNHR_E2E_GREP: process.env.VNHR_E2E_GREP } : {}),
      },
    });
  } catch (e) {
    runError = e;
  }
  const res = lib.readResults(results);
  if (res) fs.copyFileSync(results, path.join(lib.artifactsDir, 'results.json'));
  fs.rmSync(base, { recursive: true, force: true });
  const failed = lib.report(res, runError && !res ? [{ title: 'VS Code test run', state: 'failed', error: String(runError?.stack ?? runError) }] : []);
  return failed === 0 && !runError ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    process.stdout.write(`\n${e?.stack ?? e}\ne2e: 0 passed, 1 failed\n`);
    process.exit(1);
  },
);
