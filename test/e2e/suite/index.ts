// Entry point VS Code's extension host calls (extensionTestsPath): runs the
// mocha suite in this folder and, when VNHR_E2E_RESULTS names a file, writes
// the results there. code-server gives the test runner no other way back to
// the process that started it, so run.js waits for that file.
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

export interface TestResult {
  title: string;
  state: 'passed' | 'failed' | 'pending';
  durationMs?: number;
  error?: string;
}

export interface Results {
  passed: number;
  failed: number;
  pending: number;
  tests: TestResult[];
  /** vscode.version of the host, to show which editor ran the suite. */
  vscodeVersion: string;
}

function writeAtomically(file: string, data: string): void {
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, data);
  fs.renameSync(tmp, file);
}

export function run(): Promise<void> {
  const resultsFile = process.env.VNHR_E2E_RESULTS;
  // The hang guard of one test, not a speed limit: tests wait on events.
  const mocha = new Mocha({ ui: 'bdd', timeout: 60_000, color: false, reporter: 'spec' });
  if (process.env.VNHR_E2E_GREP) mocha.grep(process.env.VNHR_E2E_GREP);
  const files = fs
    .readdirSync(__dirname)
    .filter((f) => f.endsWith('.test.js'))
    .sort();
  for (const f of files) mocha.addFile(path.join(__dirname, f));
  if (resultsFile) writeAtomically(`${resultsFile}.started`, JSON.stringify({ files, pid: process.pid }));

  const tests: TestResult[] = [];
  return new Promise((resolve, reject) => {
    let runner: Mocha.Runner;
    try {
      runner = mocha.run((failures) => {
        const vscodeVersion = (require('vscode') as typeof import('vscode')).version;
        const results: Results = {
          passed: tests.filter((t) => t.state === 'passed').length,
          failed: tests.filter((t) => t.state === 'failed').length,
          pending: tests.filter((t) => t.state === 'pending').length,
          tests,
          vscodeVersion,
        };
        if (resultsFile) writeAtomically(resultsFile, JSON.stringify(results, null, 2));
        if (failures > 0) reject(new Error(`${failures} e2e test(s) failed`));
        else resolve();
      });
    } catch (e) {
      if (resultsFile) writeAtomically(resultsFile, JSON.stringify({ passed: 0, failed: 1, pending: 0, tests: [{ title: 'load the suite', state: 'failed', error: String((e as Error)?.stack ?? e) }], vscodeVersion: '' }));
      reject(e);
      return;
    }
    runner.on('pass', (t) => tests.push({ title: t.fullTitle(), state: 'passed', durationMs: t.duration }));
    runner.on('fail', (t, err: Error) => tests.push({ title: t.fullTitle(), state: 'failed', durationMs: t.duration, error: String(err?.stack ?? err) }));
    runner.on('pending', (t) => tests.push({ title: t.fullTitle(), state: 'pending' }));
  });
}
