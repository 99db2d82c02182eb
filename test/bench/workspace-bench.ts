// Whole-workspace diagnostics over LSP (the built server over stdio): a
// folder of N generated reports of B bytes, none opened. Prints the time from
// `initialized` to the end of the first scan's progress (every report checked
// and published), the server's memory after it, how long the server takes to
// answer a request while scanning, and the time from a file event
// (didChangeWatchedFiles) to the re-published diagnostics of the edited file.
// Numbers only, nothing fails. Called by bench.ts; alone:
//   node test/out/test/bench/workspace-bench.js [N] [bytes]
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspClient } from '../helpers/lsp';
import { generateReport, loadMaterial, type Material } from './generate';

export interface WorkspaceBenchResult {
  files: number;
  bytes: number;
  /** initialized -> progress end of the first scan. */
  firstScanMs: number;
  published: number;
  diagnostics: number;
  checks: number;
  rss?: number;
  hwm?: number;
  heapUsed?: number;
  /** Round trip of a request sent every ~10 ms during the first scan. */
  requestMs: number[];
  /** File changed on disk + didChangeWatchedFiles -> its diagnostics published. */
  republishMs: number[];
  /** initialized -> the first comparison across reports done and its reports re-published (complete diagnostics). */
  completeMs: number;
  /** Diagnostics published once complete, and how many of them are cross-file findings. */
  completeDiagnostics: number;
  crossFindings: number;
  /** The first comparison's own duration (publishing included), in the server. */
  firstCompareMs: number;
  /** File changed on disk -> the comparison after it done (its re-publishing included), or settled without one when no figure compared across files changed. */
  recompareMs: number[];
  /** Reports re-published by the comparison after each edit (only those whose cross-file findings changed). */
  republishedPerEdit: number[];
  /** A second scan with nothing changed (settings change): content hashes skip every file. */
  rescanMs: number;
  rescanChecks: number;
}

function procStatus(pid: number): { rss?: number; hwm?: number } {
  try {
    const s = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (k: string) => {
      const m = new RegExp(`^${k}:\\s+(\\d+) kB`, 'm').exec(s);
      return m ? Number(m[1]) * 1024 : undefined;
    };
    return { rss: kb('VmRSS'), hwm: kb('VmHWM') };
  } catch {
    return {};
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
// A slip the rules flag wherever it is appended (two spaces).
const SLIP = (k: number) => `\n\nNăm 2024, trung tâm y tế lần ${k} đã hoàn thành  tốt các nhiệm vụ được giao.\n`;

export async function workspaceBench(material: Material, n = 500, bytes = 50 * 1024, edits = 5): Promise<WorkspaceBenchResult> {
  const dir = mkdtempSync(join(tmpdir(), 'vnhr-wsbench-'));
  const paths: string[] = [];
  for (let i = 0; i < n; i++) {
    const p = join(dir, `don-vi-${String(i).padStart(3, '0')}`, 'bao-cao.md');
    mkdirSync(join(p, '..'), { recursive: true });
    writeFileSync(p, generateReport(material, bytes, 3000 + i));
    paths.push(p);
  }
  const probe = join(__dirname, 'memprobe.js');
  const c = new LspClient({ NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --require ${JSON.stringify(probe)}`.trim() });
  const pid = c.proc.pid!;
  type Status = { checks: number; busy: boolean; scans: number; cross: { updates: number; comparisons: number; republished: number; lastCompareMs: number; crossFindings: number } };
  const status = () => c.conn.sendRequest('vnhr/workspaceStatus') as Promise<Status>;
  /** Until the change after `before` settled: compared (or nothing compared across files changed), nothing queued. */
  const compared = async (before: number): Promise<Status> => {
    for (;;) {
      const st = await status();
      if (st.cross.updates > before && !st.busy) return st;
      await sleep(10);
    }
  };
  try {
    const t0 = performance.now();
    await c.initialize('vi', {}, { workspaceFolders: [{ uri: pathToFileURL(dir).toString(), name: 'bench' }], window: { workDoneProgress: true } });
    const requestMs: number[] = [];
    while (!c.progress.some((p) => p.value.kind === 'end')) {
      const t = performance.now();
      await status();
      requestMs.push(performance.now() - t);
      await sleep(10);
    }
    const firstScanMs = performance.now() - t0;
    const s = await status();
    const out: WorkspaceBenchResult = {
      files: n,
      bytes,
      firstScanMs,
      published: c.latest.size,
      diagnostics: [...c.latest.values()].reduce((k, p) => k + p.diagnostics.length, 0),
      checks: s.checks,
      requestMs,
      republishMs: [],
      rescanMs: NaN,
      rescanChecks: 0,
      completeMs: NaN,
      completeDiagnostics: 0,
      crossFindings: 0,
      firstCompareMs: NaN,
      recompareMs: [],
      republishedPerEdit: [],
    };
    const first = await compared(0);
    out.completeMs = performance.now() - t0;
    out.completeDiagnostics = [...c.latest.values()].reduce((k, p) => k + p.diagnostics.length, 0);
    out.crossFindings = first.cross.crossFindings;
    out.firstCompareMs = first.cross.lastCompareMs;
    await sleep(200);
    Object.assign(out, procStatus(pid));
    const before = c.stderr.length;
    process.kill(pid, 'SIGUSR2');
    for (let w = 0; w < 500 && !c.stderr.slice(before).includes('VNHR_MEM'); w++) await sleep(20);
    const m = /VNHR_MEM (\{.*\})/.exec(c.stderr.slice(before));
    if (m) out.heapUsed = (JSON.parse(m[1]) as { heapUsed: number }).heapUsed;

    for (let k = 0; k < edits; k++) {
      const p = paths[Math.floor(((k + 0.5) * n) / edits)];
      const uri = pathToFileURL(p).toString();
      // Every other edit also changes a percentage (a figure that may be compared across reports); the others touch no figure.
      const text = readFileSync(p, 'utf8') + SLIP(k);
      writeFileSync(p, k % 2 ? text.replace(/(\d{2}),(\d)%/, (_, a: string, b: string) => `${Number(a) + 1},${b}%`) : text);
      // The previous change has settled: the next publish of this file is the edit's.
      const wait = c.diagnostics(uri, () => true, 60000);
      const st0 = await status();
      const t = performance.now();
      await c.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri, type: 2 }] });
      await wait;
      out.republishMs.push(performance.now() - t);
      const st1 = await compared(st0.cross.updates);
      out.recompareMs.push(performance.now() - t);
      out.republishedPerEdit.push(st1.cross.republished - st0.cross.republished);
    }

    // Nothing changed on disk: a settings change rescans, and the hashes skip every file.
    const checks0 = (await status()).checks;
    const scans0 = (await status()).scans;
    const t = performance.now();
    await c.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
    for (;;) {
      const st = await status();
      if (st.scans > scans0 && !st.busy) {
        out.rescanChecks = st.checks - checks0;
        break;
      }
      await sleep(10);
    }
    out.rescanMs = performance.now() - t;
    return out;
  } finally {
    await c.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s.length % 2 ? s[(s.length - 1) >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2) : NaN;
};

/** Markdown lines for the bench report. */
export function workspaceBenchLines(r: WorkspaceBenchResult): string[] {
  const mb = (x?: number) => (x === undefined ? '—' : (x / 2 ** 20).toFixed(0));
  return [
    `## Whole workspace: ${r.files} unopened reports of ${r.bytes / 1024} KB (built server over stdio)`,
    '',
    '| first scan: initialized -> all published, s | reports published | diagnostics | checks | RSS after MB | peak RSS MB | heap used MB | request during scan: median / max ms | re-publish after a disk edit: median / max ms | rescan, nothing changed: ms (checks) |',
    '|---|---|---|---|---|---|---|---|---|---|',
    `| ${(r.firstScanMs / 1000).toFixed(1)} | ${r.published} | ${r.diagnostics} | ${r.checks} | ${mb(r.rss)} | ${mb(r.hwm)} | ${mb(r.heapUsed)} | ${median(r.requestMs).toFixed(1)} / ${Math.max(0, ...r.requestMs).toFixed(0)} | ${median(r.republishMs).toFixed(0)} / ${Math.max(0, ...r.republishMs).toFixed(0)} | ${r.rescanMs.toFixed(0)} (${r.rescanChecks}) |`,
    '',
    'Figures compared across the reports (after the scan, and after each disk edit):',
    '',
    '| complete (cross-file findings published), s | diagnostics then | of them cross-file | first comparison in the server, ms | edit -> compared and re-published: median / max ms | reports re-published per edit: median / max |',
    '|---|---|---|---|---|---|',
    `| ${(r.completeMs / 1000).toFixed(1)} | ${r.completeDiagnostics} | ${r.crossFindings} | ${r.firstCompareMs.toFixed(0)} | ${median(r.recompareMs).toFixed(0)} / ${Math.max(0, ...r.recompareMs).toFixed(0)} | ${median(r.republishedPerEdit)} / ${Math.max(0, ...r.republishedPerEdit)} |`,
    '',
  ];
}

if (require.main === module) {
  const n = Number(process.argv[2]) || 500;
  const bytes = Number(process.argv[3]) || 50 * 1024;
  workspaceBench(loadMaterial(), n, bytes)
    .then((r) => process.stdout.write(workspaceBenchLines(r).join('\n') + '\n'))
    .catch((e) => {
      process.stderr.write(`workspace bench failed: ${(e as Error).stack ?? String(e)}\n`);
      process.exitCode = 1;
    });
}
