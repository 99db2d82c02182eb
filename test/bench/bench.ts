// `npm run bench`: prints a table of numbers (no pass/fail, no timed tests).
// Reports of 50 KB .. 10 MB are generated from the real corpus with a fixed
// seed; every number is measured in this one run, beside its baselines
// (markdown-it parse, one regex pass, markdownlint-cli2, `node -e 0`).
// Knobs: VNHR_BENCH_RUNS (default 10), VNHR_BENCH_QUICK=1 (no 10 MB, one run
// of each whole process, a folder of 40 reports), VNHR_BENCH_ML10=1
// (markdownlint-cli2 on 10 MB too), VNHR_BENCH_ONLY=process (only the
// whole-process table: vnhr check beside markdownlint-cli2), VNHR_BENCH_ONLY=full
// (only the full-check table), VNHR_BENCH_ONLY=edits (only typing: the edit table
// and the server's memory), VNHR_BENCH_WORKSPACE=N (the whole-workspace table
// with N reports; default 500, 100 when quick).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem, platform, arch } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import MarkdownIt from 'markdown-it';
import { allRules, check, checkSteps, getDefaultConfig, DocumentCache, LineIndex, type CheckStats, type Finding } from '../helpers/engine';
import { REPO_ROOT } from '../helpers/corpus';
import { LspClient } from '../helpers/lsp';
import { generateReport, loadMaterial } from './generate';
import { workspaceBench, workspaceBenchLines } from './workspace-bench';

const KB = 1024;
const MB = 1024 * 1024;
const RUNS = Math.max(1, Number(process.env.VNHR_BENCH_RUNS) || 10);
const QUICK = process.env.VNHR_BENCH_QUICK === '1';
const PROCESS_ONLY = process.env.VNHR_BENCH_ONLY === 'process';
const FULL_ONLY = process.env.VNHR_BENCH_ONLY === 'full';
const EDITS_ONLY = process.env.VNHR_BENCH_ONLY === 'edits';
const SEED = 2024;

// A forced collection between timed runs keeps one run's garbage out of the next.
setFlagsFromString('--expose_gc');
const gc = runInNewContext('gc') as () => void;

const config = getDefaultConfig();
// The engine's own parser settings, so the baseline parses the same Markdown.
const md = new MarkdownIt('commonmark', { html: true }).enable(['table', 'strikethrough']);

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const p90 = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(xs.length * 0.9) - 1)];
const ms = (x: number | undefined): string => (x === undefined || Number.isNaN(x) ? '—' : x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));
const mb = (bytes: number | undefined): string => (bytes === undefined ? '—' : (bytes / MB).toFixed(0));
const label = (bytes: number): string => (bytes >= MB ? `${bytes / MB} MB` : `${bytes / KB} KB`);

function table(head: string[], rows: (string | number)[][]): string {
  const cells = [head, ...rows.map((r) => r.map(String))];
  const w = head.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  // Numbers right-aligned, words left-aligned.
  const left = head.map((_, i) => i === 0 || cells.slice(1).some((r) => !/^[\d—.,×%/ -]*$/.test(r[i] ?? '')));
  const line = (r: string[]) => '| ' + r.map((c, i) => (left[i] ? c.padEnd(w[i]) : c.padStart(w[i]))).join(' | ') + ' |';
  return [line(head), '|' + w.map((n, i) => (left[i] ? '-'.repeat(n + 2) : '-'.repeat(n + 1) + ':')).join('|') + '|', ...rows.map((r) => line(r.map(String)))].join('\n');
}

function say(s: string): void {
  process.stdout.write(s + '\n');
}

/** One linear pass of a simple regex (numbers) over the text: the floor. */
function regexPass(text: string): number {
  const re = /\d+(?:[.,]\d+)*/g;
  let n = 0;
  while (re.exec(text)) n++;
  return n;
}

interface FullRow {
  bytes: number;
  blocks: number;
  findings: number;
  engine: number;
  parse: number;
  families: Record<string, number>;
  other: number;
  markdownIt: number;
  regex: number;
  engineCpu: number;
  markdownItCpu: number;
}

function fullCheck(text: string, bytes: number): FullRow {
  const warm = bytes >= 5 * MB ? 1 : 2;
  for (let i = 0; i < warm; i++) {
    check(text, config);
    md.parse(text, {});
  }
  const engine: number[] = [];
  const parse: number[] = [];
  const fam: Record<string, number[]> = {};
  const other: number[] = [];
  const mdit: number[] = [];
  const rx: number[] = [];
  const engineCpu: number[] = [];
  const mditCpu: number[] = [];
  const cpuMs = (c: NodeJS.CpuUsage) => (c.user + c.system) / 1000;
  let findings: Finding[] = [];
  let blocks = 0;
  for (let i = 0; i < RUNS; i++) {
    gc();
    const stats = { msByFamily: {} } as CheckStats;
    let c = process.cpuUsage();
    let t = performance.now();
    findings = check(text, config, { stats });
    const total = performance.now() - t;
    engineCpu.push(cpuMs(process.cpuUsage(c)));
    engine.push(total);
    parse.push(stats.msParse);
    blocks = stats.blocks;
    let sum = stats.msParse;
    for (const [f, v] of Object.entries(stats.msByFamily)) {
      (fam[f] ??= []).push(v);
      sum += v;
    }
    other.push(total - sum);
    gc();
    c = process.cpuUsage();
    t = performance.now();
    md.parse(text, {});
    mdit.push(performance.now() - t);
    mditCpu.push(cpuMs(process.cpuUsage(c)));
    t = performance.now();
    regexPass(text);
    rx.push(performance.now() - t);
  }
  const families: Record<string, number> = {};
  for (const [f, v] of Object.entries(fam)) families[f] = median(v);
  return { bytes, blocks, findings: findings.length, engine: median(engine), parse: median(parse), families, other: median(other), markdownIt: median(mdit), regex: median(rx), engineCpu: median(engineCpu), markdownItCpu: median(mditCpu) };
}

/** Where a writer would type: a paragraph line near the middle of the report. */
function editPoint(text: string): number {
  const re = /\n\n(?=[A-ZĐÀ-Ỹa-zđà-ỹ])/gu;
  re.lastIndex = text.length >> 1;
  const m = re.exec(text);
  if (!m) return text.length >> 1;
  const lineStart = m.index + 2;
  const space = text.indexOf(' ', lineStart + 12);
  return space > 0 ? space + 1 : lineStart;
}

const TYPED = 'nhiều hơn '.split('');

interface EditResult {
  times: number[];
  reused: number;
  blocks: number;
  /** Median ms per rule family and for the parse step, on the edits. */
  split: Record<string, number>;
}

/**
 * The server's path for a new version: checkSteps over a DocumentCache kept
 * across versions, driven to the end, then offsets -> LSP ranges via LineIndex.
 */
function engineEdits(text: string, n: number): EditResult {
  const cache = new DocumentCache();
  const run = (t: string, stats?: CheckStats) => {
    const it = checkSteps(t, allRules, config, { cache, isCancelled: () => false, stats });
    let r = it.next();
    while (!r.done) r = it.next();
    const li = new LineIndex(t);
    return r.value.map((f) => ({ range: li.rangeAt(f.start, f.end), code: f.rule, message: f.message.vi }));
  };
  run(text);
  run(text);
  const at = editPoint(text);
  let cur = text;
  const times: number[] = [];
  let reused = 0;
  let blocks = 0;
  const split: Record<string, number[]> = {};
  for (let k = 0; k < n + 2; k++) {
    cur = cur.slice(0, at + k) + TYPED[k % TYPED.length] + cur.slice(at + k);
    gc();
    const stats = { msByFamily: {} } as CheckStats;
    const t = performance.now();
    run(cur, stats);
    const dt = performance.now() - t;
    if (k >= 2) {
      times.push(dt); // the first two edits warm the edit path itself
      (split.parse ??= []).push(stats.msParse);
      (split.engine ??= []).push((stats.msLoop ?? 0) + (stats.msMeta ?? 0) + (stats.msFinish ?? 0));
      for (const [f, v] of Object.entries(stats.msByFamily)) (split[f] ??= []).push(v);
    }
    reused = stats.reusedBlocks;
    blocks = stats.blocks;
  }
  return { times, reused, blocks, split: Object.fromEntries(Object.entries(split).map(([k, v]) => [k, median(v)])) };
}

/**
 * Heap kept after typing one character in each of `n` paragraphs across the
 * report (through one DocumentCache): old versions of the text must not stay
 * alive through the blocks re-parsed from them.
 */
function heapGrowthAfterEdits(text: string, n: number): number {
  const cache = new DocumentCache();
  const run = (t: string) => {
    const it = checkSteps(t, allRules, config, { cache });
    let r = it.next();
    while (!r.done) r = it.next();
  };
  run(text);
  gc();
  const h0 = process.memoryUsage().heapUsed;
  let cur = text;
  for (let k = 1; k <= n; k++) {
    const at = cur.indexOf(' ', Math.floor((cur.length * k) / (n + 1)));
    cur = cur.slice(0, at) + 'a' + cur.slice(at);
    run(cur);
  }
  gc();
  return process.memoryUsage().heapUsed - h0;
}

function procStatus(pid: number): { rss?: number; hwm?: number } {
  try {
    const s = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (k: string) => {
      const m = new RegExp(`^${k}:\\s+(\\d+) kB`, 'm').exec(s);
      return m ? Number(m[1]) * KB : undefined;
    };
    return { rss: kb('VmRSS'), hwm: kb('VmHWM') };
  } catch {
    return {};
  }
}

interface ServerResult {
  openMs: number;
  rss?: number;
  hwm?: number;
  heapUsed?: number;
  heapTotal?: number;
  idleRss?: number;
  edits: Record<string, number[]>;
  /** The server process's CPU ms (user + system, from /proc) per edit: what other load on the machine does not inflate. */
  editCpu: Record<string, number>;
  diagnostics: number;
}

/** CPU ms (user + system) a process has used, from /proc/<pid>/stat (clock ticks of 10 ms). */
function procCpuMs(pid: number): number | undefined {
  try {
    const s = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = s.slice(s.lastIndexOf(')') + 2).split(' ');
    return (Number(f[11]) + Number(f[12])) * 10;
  } catch {
    return undefined;
  }
}

/** The built server over stdio: open the 1 MB report, read its memory, type into it; then the 200 KB one. */
async function serverBench(files: { bytes: number; path: string; text: string }[], edits: number): Promise<ServerResult> {
  const probe = join(__dirname, 'memprobe.js');
  const c = new LspClient({ NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --require ${JSON.stringify(probe)}`.trim() });
  // Debounce 0: measure the check, not the typing pause the server waits for.
  c.conn.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => ({ debounceMs: 0 })));
  const pid = c.proc.pid!;
  const out: ServerResult = { openMs: NaN, edits: {}, editCpu: {}, diagnostics: 0 };
  try {
    await c.initialize('vi');
    out.idleRss = procStatus(pid).rss;
    for (const [i, f] of files.entries()) {
      const uri = pathToFileURL(f.path).toString();
      let version = 1;
      let t = performance.now();
      const first = c.diagnostics(uri, (p) => p.version === 1, 300000);
      await c.open(uri, f.text, version);
      const p = await first;
      const openMs = performance.now() - t;
      if (i === 0) {
        out.openMs = openMs;
        out.diagnostics = p.diagnostics.length;
        await new Promise((r) => setTimeout(r, 200));
        const st = procStatus(pid);
        out.rss = st.rss;
        out.hwm = st.hwm;
        const before = c.stderr.length;
        process.kill(pid, 'SIGUSR2');
        for (let w = 0; w < 100 && !c.stderr.slice(before).includes('VNHR_MEM'); w++) await new Promise((r) => setTimeout(r, 20));
        const m = /VNHR_MEM (\{.*\})/.exec(c.stderr.slice(before));
        if (m) {
          const j = JSON.parse(m[1]) as { heapUsed: number; heapTotal: number };
          out.heapUsed = j.heapUsed;
          out.heapTotal = j.heapTotal;
        }
      }
      let text = f.text;
      const at = editPoint(text);
      const times: number[] = [];
      let cpu0: number | undefined;
      for (let k = 0; k < edits + 2; k++) {
        if (k === 2) cpu0 = procCpuMs(pid);
        const li = new LineIndex(text);
        const pos = li.positionAt(at + k);
        const ch = TYPED[k % TYPED.length];
        text = text.slice(0, at + k) + ch + text.slice(at + k);
        version++;
        const v = version;
        const wait = c.diagnostics(uri, (d) => d.version === v, 120000);
        t = performance.now();
        await c.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: v }, contentChanges: [{ range: { start: pos, end: pos }, text: ch }] });
        await wait;
        if (k >= 2) times.push(performance.now() - t);
      }
      out.edits[label(f.bytes)] = times;
      const cpu1 = procCpuMs(pid);
      if (cpu0 !== undefined && cpu1 !== undefined) out.editCpu[label(f.bytes)] = (cpu1 - cpu0) / edits;
      await c.conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
    }
  } finally {
    await c.stop();
  }
  return out;
}

/**
 * The same edits with a client that pulls (initializationOptions.pullDiagnostics; textDocument/diagnostic
 * with the last result id): the time from didChange to the answer, and how many answers were
 * `unchanged` (no diagnostics sent).
 */
async function pullBench(files: { bytes: number; path: string; text: string }[], edits: number): Promise<Record<string, { times: number[]; unchanged: number }>> {
  const c = new LspClient();
  c.conn.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => ({ debounceMs: 0 })));
  c.conn.onRequest('workspace/diagnostic/refresh', () => null);
  const out: Record<string, { times: number[]; unchanged: number }> = {};
  try {
    await c.initialize('vi', { diagnostic: { dynamicRegistration: false } }, { workspace: { diagnostics: { refreshSupport: true } }, initializationOptions: { pullDiagnostics: true } });
    for (const f of files) {
      const uri = pathToFileURL(f.path).toString();
      const pullReport = (previousResultId?: string) => c.conn.sendRequest('textDocument/diagnostic', { textDocument: { uri }, previousResultId }) as Promise<{ kind: string; resultId?: string }>;
      let version = 1;
      await c.open(uri, f.text, version);
      let id = (await pullReport()).resultId;
      let text = f.text;
      const at = editPoint(text);
      const times: number[] = [];
      let unchanged = 0;
      for (let k = 0; k < edits + 2; k++) {
        const pos = new LineIndex(text).positionAt(at + k);
        const ch = TYPED[k % TYPED.length];
        text = text.slice(0, at + k) + ch + text.slice(at + k);
        const v = ++version;
        const t = performance.now();
        await c.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: v }, contentChanges: [{ range: { start: pos, end: pos }, text: ch }] });
        const r = await pullReport(id);
        if (k >= 2) {
          times.push(performance.now() - t);
          if (r.kind === 'unchanged') unchanged++;
        }
        id = r.resultId;
      }
      out[label(f.bytes)] = { times, unchanged };
      await c.conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
    }
  } finally {
    await c.stop();
  }
  return out;
}

interface ProcResult {
  sec: number;
  /** User + system CPU seconds of the process and its threads (from /usr/bin/time): what other load on the machine does not inflate. */
  cpu?: number;
  peak?: number;
  code: number | null;
  stdout?: string;
}

const TIME = '/usr/bin/time';
/** Wall time of a whole process (measured here), peak RSS from /usr/bin/time -v when present. */
function runProcess(args: string[], cwd: string, capture = false): ProcResult {
  const hasTime = existsSync(TIME);
  const tOut = join(cwd, '.time.txt');
  const cmd = hasTime ? TIME : process.execPath;
  const argv = hasTime ? ['-f', '%U %S %M', '-o', tOut, process.execPath, ...args] : args;
  const t = performance.now();
  const r = spawnSync(cmd, argv, { cwd, stdio: ['ignore', capture ? 'pipe' : 'ignore', capture ? 'pipe' : 'ignore'], encoding: 'utf8', maxBuffer: 1 << 30 });
  const sec = (performance.now() - t) / 1000;
  let peak: number | undefined;
  let cpu: number | undefined;
  if (hasTime && existsSync(tOut)) {
    const [u, sy, kb] = (readFileSync(tOut, 'utf8').trim().split('\n').pop() ?? '').split(' ').map(Number);
    if (kb) peak = kb * KB;
    if (!Number.isNaN(u + sy)) cpu = u + sy;
  }
  return { sec, cpu, peak, code: r.status, stdout: capture ? `${r.stdout ?? ''}${r.stderr ?? ''}` : undefined };
}

function medianProc(args: string[], cwd: string, n: number): ProcResult {
  const rs = Array.from({ length: n }, () => runProcess(args, cwd));
  const sec = median(rs.map((r) => r.sec));
  const peaks = rs.map((r) => r.peak).filter((x): x is number => x !== undefined);
  const cpus = rs.map((r) => r.cpu).filter((x): x is number => x !== undefined);
  return { sec, cpu: cpus.length ? median(cpus) : undefined, peak: peaks.length ? Math.max(...peaks) : undefined, code: rs[0].code };
}

async function main(): Promise<void> {
  const started = Date.now();
  const cpu = cpus();
  say(`# vnhr benchmark (${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC)`);
  say('');
  say(`machine: ${cpu[0]?.model ?? 'unknown cpu'}, ${cpu.length} cores, ${(totalmem() / 2 ** 30).toFixed(1)} GB RAM, node ${process.version}, ${platform()} ${arch()}; load average at start ${loadavg()[0].toFixed(2)}`);
  const families = [...new Set(allRules.map((r) => r.meta.family))];
  say(`rules: ${allRules.length} (${families.map((f) => `${f} ${allRules.filter((r) => r.meta.family === f).length}`).join(', ')}): ${allRules.map((r) => r.meta.id).join(', ')}`);
  const material = loadMaterial();
  if (material.source.startsWith('built-in')) say('[notice] corpus not found (set VNHR_CORPUS or put it at ../shared/corpus): reports are generated from built-in sentences');
  say(`text: ${material.source}; seed ${SEED}; ${RUNS} timed runs per size`);
  say('');

  const sizes = QUICK ? [50 * KB, 200 * KB, MB] : [50 * KB, 200 * KB, MB, 10 * MB];
  const dir = mkdtempSync(join(tmpdir(), 'vnhr-bench-'));
  const docs = sizes.map((bytes) => {
    const text = generateReport(material, bytes, SEED);
    const path = join(dir, `report-${label(bytes).replace(' ', '')}.md`);
    writeFileSync(path, text);
    return { bytes, text, path };
  });

  try {
    // 1. Full check, by size.
    const rows: FullRow[] = [];
    for (const d of PROCESS_ONLY || EDITS_ONLY ? [] : docs) {
      process.stderr.write(`full check ${label(d.bytes)}...\n`);
      rows.push(fullCheck(d.text, d.bytes));
    }
    const fams = [...new Set([...families, ...rows.flatMap((r) => Object.keys(r.families))])];
    say(`## Full check (engine, fresh cache; median of ${RUNS} warm runs) vs markdown-it parse of the same file`);
    say('');
    say(
      table(
        ['size', 'blocks', 'findings', 'engine ms', 'MB/s', 'parse ms', ...fams.map((f) => `${f} ms`), 'rest ms', 'markdown-it ms', 'engine/markdown-it', 'CPU ms engine / markdown-it', 'regex floor ms'],
        rows.map((r) => [
          label(r.bytes),
          r.blocks,
          r.findings,
          ms(r.engine),
          (r.bytes / MB / (r.engine / 1000)).toFixed(1),
          ms(r.parse),
          ...fams.map((f) => ms(r.families[f] ?? 0)),
          ms(r.other),
          ms(r.markdownIt),
          (r.engine / r.markdownIt).toFixed(2) + '×',
          `${ms(r.engineCpu)} / ${ms(r.markdownItCpu)}`,
          ms(r.regex),
        ]),
      ),
    );
    say('');
    say('Times are wall-clock medians; CPU = this process\'s user+system time (median), which other load on the machine does not inflate.');
    say('parse = split into top-level blocks + markdown-it (block phase) per block + prose view; <family> = that family\'s rules (block and document checks); rest = mapping, inline-disable filter, sort.');
    say('In the edit table, engine = the pipeline outside the rules (cached findings moved, document meta, inline-disable filter, sort).');
    say('');
    if (FULL_ONLY) {
      say(`VNHR_BENCH_ONLY=full: nothing else measured; load average at end ${loadavg()[0].toFixed(2)}`);
      return;
    }

    // 2. One-character edits in the middle, through the server's code path.
    const editDocs = docs.filter((d) => d.bytes === 200 * KB || d.bytes === MB);
    const editRows: (string | number)[][] = [];
    for (const d of PROCESS_ONLY ? [] : editDocs) {
      process.stderr.write(`edits ${label(d.bytes)}...\n`);
      const e = engineEdits(d.text, RUNS);
      const split = Object.entries(e.split).map(([k, v]) => `${k} ${ms(v)}`).join(', ');
      editRows.push([label(d.bytes), 'engine: checkSteps + DocumentCache + LineIndex (in process)', ms(median(e.times)), ms(p90(e.times)), `${e.reused}/${e.blocks}`, split]);
    }

    // 3. The built server: memory with the 1 MB report open, and edits over LSP.
    let server: ServerResult | undefined;
    let serverError = '';
    if (PROCESS_ONLY) serverError = 'VNHR_BENCH_ONLY=process';
    else if (existsSync(join(REPO_ROOT, 'server', 'out', 'server.js'))) {
      process.stderr.write('server...\n');
      try {
        const order = [...editDocs].sort((a, b) => b.bytes - a.bytes); // 1 MB first: memory is read with it open
        server = await serverBench(order, RUNS);
      } catch (e) {
        serverError = (e as Error).message.split('\n')[0];
      }
    } else serverError = 'server/out/server.js not built';
    if (server) {
      for (const d of editDocs) {
        const t = server.edits[label(d.bytes)];
        if (t?.length) editRows.push([label(d.bytes), 'LSP: didChange -> publishDiagnostics (server over stdio, debounce 0)', ms(median(t)), ms(p90(t)), '', '']);
      }
      try {
        const pulled = await pullBench(editDocs, RUNS);
        for (const [size, r] of Object.entries(pulled)) editRows.push([size, `LSP pull: didChange -> textDocument/diagnostic (${r.unchanged}/${r.times.length} unchanged)`, ms(median(r.times)), ms(p90(r.times)), '', '']);
      } catch (e) {
        say(`[notice] pull diagnostics not measured: ${(e as Error).message.split('\n')[0]}`);
      }
    }
    editRows.sort((a, b) => String(a[0]).localeCompare(String(b[0])));
    const growth = (PROCESS_ONLY ? [] : editDocs).map((d) => `${label(d.bytes)} ${mb(heapGrowthAfterEdits(d.text, 60))} MB`).join(', ');
    say(`## Fresh diagnostics after a one-character edit in the middle (typing; median and p90 of ${RUNS})`);
    say('');
    say(table(['report', 'path', 'median ms', 'p90 ms', 'blocks reused', 'median ms by step'], editRows));
    say('');
    say(`Heap kept after one character typed in each of 60 paragraphs (engine, in process): ${growth}.`);
    if (server) say(`Server CPU per edit over LSP (user + system, /proc; 10 ms ticks): ${Object.entries(server.editCpu).map(([k, v]) => `${k} ${ms(v)} ms`).join(', ')}.`);
    say('');
    say('## Server memory with the 1 MB report open (built server/out/server.js over stdio)');
    say('');
    if (server) {
      say(
        table(
          ['RSS idle MB', 'RSS MB', 'peak RSS (VmHWM) MB', 'heap used MB', 'heap total MB', 'didOpen -> diagnostics ms', 'diagnostics'],
          [[mb(server.idleRss), mb(server.rss), mb(server.hwm), mb(server.heapUsed), mb(server.heapTotal), ms(server.openMs), server.diagnostics]],
        ),
      );
    } else say(`[notice] server not measured: ${serverError}`);
    say('');

    if (EDITS_ONLY) {
      for (const r of editRows) say(`- edit ${r[0]} via ${String(r[1]).split(':')[0]}: ${r[2]} ms (target ${r[0] === '1 MB' ? 20 : 10} ms)`);
      if (server) say(`- server RSS with 1 MB open ≤ 100 MB: ${mb(server.rss)} MB (peak ${mb(server.hwm)} MB); idle ${mb(server.idleRss)} MB`);
      say(`load average at end ${loadavg()[0].toFixed(2)}; bench took ${((Date.now() - started) / 1000).toFixed(0)} s`);
      return;
    }

    // 3b. Whole-workspace diagnostics: 500 unopened reports of 50 KB (100 with VNHR_BENCH_QUICK).
    if (!PROCESS_ONLY && existsSync(join(REPO_ROOT, 'server', 'out', 'server.js'))) {
      process.stderr.write('workspace...\n');
      try {
        const reports = Number(process.env.VNHR_BENCH_WORKSPACE) || (QUICK ? 100 : 500);
        for (const line of workspaceBenchLines(await workspaceBench(material, reports, 50 * KB))) say(line);
      } catch (e) {
        say(`[notice] workspace not measured: ${(e as Error).message.split('\n')[0]}`);
        say('');
      }
    }

    // 4. Whole processes: vnhr check beside markdownlint-cli2 and `node -e 0`,
    // on the same files in this run: one 60 KB report, the 1 MB one, a folder
    // of 200 reports of 50 KB, 10 MB.
    const vnhr = join(REPO_ROOT, 'bin', 'vnhr.js');
    const mlBin = join(REPO_ROOT, 'node_modules', 'markdownlint-cli2', 'markdownlint-cli2-bin.mjs');
    const hasMl = existsSync(mlBin);
    const procRows: (string | number)[][] = [];
    const ratios: string[] = [];
    const secs = (r: ProcResult) => r.sec.toFixed(2);
    const cpuS = (r: ProcResult) => (r.cpu === undefined ? '—' : r.cpu.toFixed(2));
    const row = (command: string, file: string, r: ProcResult) => procRows.push([command, file, secs(r), cpuS(r), mb(r.peak), String(r.code)]);
    const vs = (what: string, v: ProcResult, m: ProcResult) =>
      ratios.push(`- markdownlint-cli2 / vnhr check, ${what}: ${(m.sec / v.sec).toFixed(1)}× wall${v.cpu && m.cpu ? `, ${(m.cpu / v.cpu).toFixed(1)}× CPU` : ''} (target ≥ 10×)`);
    const oneMb = docs.find((d) => d.bytes === MB)!;
    const n = QUICK ? 1 : 3;
    process.stderr.write('whole processes...\n');
    const n0 = medianProc(['-e', '0'], dir, 5);
    row('node -e 0', '—', n0);
    const r60 = join(dir, 'report-60KB.md');
    writeFileSync(r60, generateReport(material, 60 * KB, SEED));
    const v60 = medianProc([vnhr, 'check', r60], dir, 5);
    row('vnhr check', '60 KB', v60);
    if (hasMl) {
      const m60 = medianProc([mlBin, r60], dir, n);
      row('markdownlint-cli2', '60 KB', m60);
      vs('one 60 KB report', v60, m60);
    }
    const v1 = medianProc([vnhr, 'check', oneMb.path], dir, n);
    row('vnhr check', '1 MB', v1);
    if (hasMl) {
      const probe = runProcess([mlBin, oneMb.path], dir, true);
      const summary = /Summary: (\d+) error/.exec(probe.stdout ?? '')?.[1];
      const m1 = medianProc([mlBin, oneMb.path], dir, n);
      row(`markdownlint-cli2 (${summary ?? '?'} findings)`, '1 MB', m1);
      vs('one 1 MB report', v1, m1);
    }
    // The folder: 200 reports of 50 KB (40 with VNHR_BENCH_QUICK), each its own seed.
    const folderN = QUICK ? 40 : 200;
    const folder = join(dir, 'folder');
    mkdirSync(folder);
    for (let i = 0; i < folderN; i++) writeFileSync(join(folder, `r${String(i).padStart(3, '0')}.md`), generateReport(material, 50 * KB, SEED + 1 + i));
    const fLabel = `${folderN}×50 KB`;
    const vf = medianProc([vnhr, 'check', 'folder'], dir, n);
    row('vnhr check', fLabel, vf);
    const vf1 = medianProc([vnhr, 'check', '--jobs', '1', 'folder'], dir, 1);
    row('vnhr check --jobs 1', fLabel, vf1);
    const cacheDir = join(dir, 'cache');
    runProcess([vnhr, 'check', '--cache', '--cache-location', cacheDir, 'folder'], dir);
    const vfc = medianProc([vnhr, 'check', '--cache', '--cache-location', cacheDir, 'folder'], dir, n);
    row('vnhr check --cache (re-run, unchanged)', fLabel, vfc);
    if (hasMl) {
      const mf = medianProc([mlBin, 'folder/**/*.md'], dir, n);
      row('markdownlint-cli2', fLabel, mf);
      vs(`a folder of ${fLabel}`, vf, mf);
      vs(`a folder of ${fLabel}, --cache re-run`, vfc, mf);
    } else ratios.push('[notice] markdownlint-cli2 not installed (npm ci): no baseline');
    const ten = docs.find((d) => d.bytes === 10 * MB);
    if (ten) {
      const v10 = runProcess([vnhr, 'check', ten.path], dir);
      row('vnhr check', '10 MB', v10);
      if (process.env.VNHR_BENCH_ML10 === '1' && hasMl) row('markdownlint-cli2', '10 MB', runProcess([mlBin, ten.path], dir));
    }
    say(`## Whole process (median of ${n} runs, \`node -e 0\` and 60 KB of 5; --jobs 1: 1 run; 10 MB: 1 run)`);
    say('');
    say(table(['command', 'file', 'wall s', 'CPU s (user+sys)', 'peak RSS MB', 'exit'], procRows));
    say('');
    say(`Measured in this run, same files, same machine (load average now ${loadavg()[0].toFixed(2)}; other processes on the machine slow the wall times, not the CPU times):`);
    for (const r of ratios) say(r);
    say('');
    const oneRow = rows.find((r) => r.bytes === MB);
    say('## Against the targets of issue 16 (informative; nothing here fails)');
    for (const r of ratios) say(r);
    if (oneRow) say(`- engine full check 1 MB ≤ 2× markdown-it: ${(oneRow.engine / oneRow.markdownIt).toFixed(2)}× (${ms(oneRow.engine)} ms vs ${ms(oneRow.markdownIt)} ms)`);
    for (const r of editRows) say(`- edit ${r[0]} via ${String(r[1]).split(':')[0]}: ${r[2]} ms (target ${r[0] === '1 MB' ? 20 : 10} ms)`);
    if (server) say(`- server RSS with 1 MB open ≤ 100 MB: ${mb(server.rss)} MB (peak ${mb(server.hwm)} MB)`);
    const tenRow = procRows.find((r) => r[0] === 'vnhr check' && r[1] === '10 MB');
    if (tenRow) say(`- vnhr check 10 MB ≤ 3 s, peak RSS ≤ 300 MB: ${tenRow[2]} s wall (${tenRow[3]} s CPU), ${tenRow[4]} MB`);
    const sixty = procRows.find((r) => r[0] === 'vnhr check' && r[1] === '60 KB');
    if (sixty) say(`- vnhr check one 60 KB report ≤ 0.15 s: ${sixty[2]} s wall (${sixty[3]} s CPU)`);
    if (server) say(`- server RSS idle ≤ 50 MB: ${mb(server.idleRss)} MB`);
    say('');
    say(`load average at end ${loadavg()[0].toFixed(2)}; bench took ${((Date.now() - started) / 1000).toFixed(0)} s`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  process.stderr.write(`bench failed: ${(e as Error).stack ?? String(e)}\n`);
  process.exitCode = 1;
});
