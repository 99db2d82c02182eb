// `vnhr` command line: check files, print stylish / JSON / SARIF, --fix in place.
// Exit 0: nothing at or above the fail level; 1: findings at that level;
// 2: usage, config or I/O error (message on stderr; other files still checked).
import { readFileSync, statSync, writeFileSync, renameSync, unlinkSync, chmodSync, chownSync, existsSync, realpathSync, accessSync, constants as fsConstants } from 'node:fs';
import { dirname, join, relative, resolve, basename } from 'node:path';
import { availableParallelism } from 'node:os';
import { pathToFileURL } from 'node:url';
import { fastGlob, wordModule } from './lazy';
import { globMatch } from './glob';
import {
  check,
  fixAll,
  allRules,
  rulesById,
  getDefaultConfig,
  configSchema,
  docsUrl,
  isVietnameseText,
  localize,
  msg,
  type Msg,
  LineIndex,
  type Finding,
  type Locale,
  type ResolvedConfig,
  type Severity,
} from './engine';
import { findConfigFile, readConfigFile, formatConfigProblem, type LoadedConfig } from './configFiles';
import type { DocxMarkdown } from './word';
import { wordCommand, WORD_USAGE } from './word/cli-word';
import { VERSION } from './version';
import { localDocsBase, normalizeDocsBase } from './docsLink';
import { changedLines, checkRef, githubEscape, type ChangedLines } from './changed';
import { reportFilesIn, SKIPPED_FOLDERS, configGlobs, readText, decodeText, type ReadOk } from './files';
import { addCrossFileFindings, keepChanged } from './crossfile-cli';
import { crossGroupOf } from './crossfile';
import type { FindingsCache as Cache } from './cache';

const RANK: Record<Severity, number> = { error: 3, warning: 2, information: 1, hint: 0 };

interface Options {
  format: 'stylish' | 'json' | 'sarif' | 'github';
  /** --changed <ref>: only findings on lines changed since the ref. */
  changed?: string;
  fix: boolean;
  config?: string;
  locale: Locale;
  paths: string[];
  /** Exit 0 (not 2) when no file is checked. */
  allowEmpty: boolean;
  /** Name for the text read from stdin ("-"): config lookup, ignore, output. */
  stdinFilename?: string;
  /** Figures compared across the checked reports (default: on when several files are checked). */
  crossFile: boolean;
  /** --cache: reuse the findings of unchanged files from the last run. */
  cache: boolean;
  cacheLocation?: string;
  /** --jobs N: at most N threads check (this one and N-1 workers; 1: no worker). */
  jobs?: number;
}

const USAGE = `Usage: vnhr check [paths or globs...] [options]

Checks Vietnamese health-report drafts (Markdown). Default: **/*.md under the
current folder (Vietnamese files only; files named explicitly are always checked).

Options:
  --format stylish|json|sarif|github
                                output format (default: stylish; github: workflow annotations)
  --changed REF                 only findings on lines changed since the git ref REF
                                (and those whose related lines changed); untracked files count as new
  --no-cross-file               do not compare figures across the checked reports
                                (by default, with several files, the same indicator,
                                period, place and kind given different values in two
                                reports is reported in both; config "crossFile")
  --fix                         apply safe fixes in place
  --config FILE                 config file (default: nearest .vnhrrc.json upward)
  --locale vi|en                message language (default: vi)
  --allow-empty                 exit 0 when no file is checked (a glob that matches
                                nothing, a folder without Markdown, every file
                                ignored); without it that is exit 2
  --stdin-filename NAME         with "-": the name of the text read from stdin (for
                                the config lookup, ignore globs and the output)
  --cache                       keep each file's findings and reuse them while the
                                file, the config and vnhr are unchanged
  --cache-location DIR          the cache's folder (default: node_modules/.cache/vnhr
                                if the current folder has node_modules, else the
                                user's cache folder); deleting it is always safe
  --jobs N                      check many files in at most N threads: this one and
                                N-1 workers (default: the number of CPUs; 1: no workers)
  -                             read the text to check from stdin (no --fix)
  --                            the arguments after it are paths, even "-x.md"
  -h, --help                    this help
  -v, --version                 version

Word files: a .docx (named, or in a folder) is read and checked like Markdown;
findings are located by paragraph, heading and table cell.

Other commands:
${WORD_USAGE}  vnhr rules [--format json]    list the rules (id, default severity, fix kind, docs, description)
  vnhr schema                   print the JSON schema of .vnhrrc.json

Exit: 0 clean, 1 findings at or above the fail level (config "failOn", default warning), 2 usage/config/I-O error.
`;

export async function main(argv: string[], io: { out: (s: string) => void; err: (s: string) => void; cwd: string } = defaultIo()): Promise<number> {
  const [cmd, ...rest] = argv;
  if (!cmd) {
    // No command: usage on stderr (stdout stays empty for a pipe), exit 2.
    io.err(USAGE);
    return 2;
  }
  if (cmd === '-h' || cmd === '--help' || cmd === 'help') {
    io.out(USAGE);
    return 0;
  }
  if (cmd === '-v' || cmd === '--version') {
    io.out(VERSION + '\n');
    return 0;
  }
  if (cmd === 'schema') {
    io.out(JSON.stringify(configSchema(), null, 2) + '\n');
    return 0;
  }
  if (cmd === 'rules') {
    const [flag, value, ...extra] = rest;
    const format = flag === '--format' ? value : flag?.startsWith('--format=') ? flag.slice('--format='.length) : flag === undefined ? 'text' : undefined;
    if ((format !== 'text' && format !== 'json') || (flag === '--format' ? extra.length : value !== undefined)) {
      io.err(`vnhr: rules takes --format text|json\n\n${USAGE}`);
      return 2;
    }
    if (format === 'json') io.out(JSON.stringify(ruleList(), null, 2) + '\n');
    else for (const r of ruleList()) io.out(`${r.id.padEnd(28)} ${r.defaultSeverity.padEnd(12)} ${r.fixable.padEnd(11)} ${r.description.vi}\n`);
    return 0;
  }
  if (cmd === 'import' || cmd === 'export') return wordCommand(cmd, rest, io, USAGE);
  if (cmd !== 'check') {
    io.err(`vnhr: unknown command "${cmd}"\n\n${USAGE}`);
    return 2;
  }
  let opts: Options;
  try {
    opts = parseArgs(rest);
  } catch (e) {
    io.err(`vnhr: ${(e as Error).message}\n\n${USAGE}`);
    return 2;
  }
  return runCheckCommand(opts, io);
}

/** Every rule's metadata, for `vnhr rules` (and tools that build on it). */
export function ruleList() {
  return allRules.map((r) => ({
    id: r.meta.id,
    family: r.meta.family,
    /** 'off' for rules enabled only by config. */
    defaultSeverity: r.meta.enabledByDefault ? r.meta.severity : 'off',
    /** The level the rule reports at when enabled. */
    severity: r.meta.severity,
    fixable: r.meta.fixable,
    docs: docsUrl(r.meta.id, normalizeDocsBase(process.env.VNHR_DOCS_BASE) ?? localDocsBase()),
    description: { vi: r.meta.description.vi, en: r.meta.description.en },
  }));
}

function defaultIo() {
  // `vnhr rules | head`: the reader closed the pipe. Stop quietly, as Unix tools
  // do, instead of an unhandled 'error' event and a stack trace.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      throw e;
    });
  }
  return { out: (s: string) => void process.stdout.write(s), err: (s: string) => void process.stderr.write(s), cwd: process.cwd() };
}

function parseArgs(args: string[]): Options {
  const o: Options = { format: 'stylish', fix: false, locale: 'vi', paths: [], allowEmpty: false, crossFile: true, cache: false };
  let onlyPaths = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (onlyPaths) {
      o.paths.push(a);
      continue;
    }
    if (a === '--') {
      onlyPaths = true;
      continue;
    }
    const [flag, inline] = a.startsWith('--') && a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    const value = () => {
      const v = inline ?? args[++i];
      if (v === undefined || v === '') throw new Error(`${flag} needs a value`);
      return v;
    };
    switch (flag) {
      case '--format': {
        const v = value();
        if (v !== 'stylish' && v !== 'json' && v !== 'sarif' && v !== 'github') throw new Error(`unknown format "${v}" (stylish, json, sarif, github)`);
        o.format = v;
        break;
      }
      case '--fix':
        o.fix = true;
        break;
      case '--changed':
        o.changed = value();
        break;
      case '--config':
        o.config = value();
        break;
      case '--allow-empty':
        o.allowEmpty = true;
        break;
      case '--no-cross-file':
        o.crossFile = false;
        break;
      case '--cross-file':
        o.crossFile = true;
        break;
      case '--stdin-filename':
        o.stdinFilename = value();
        break;
      case '--cache':
        o.cache = true;
        break;
      case '--cache-location':
        o.cacheLocation = value();
        break;
      case '--jobs': {
        const v = value();
        if (!/^[1-9]\d{0,3}$/.test(v)) throw new Error(`--jobs takes a whole number from 1 (got "${v}")`);
        o.jobs = Number(v);
        break;
      }
      case '--locale': {
        const v = value();
        if (v !== 'vi' && v !== 'en') throw new Error(`unknown locale "${v}" (vi, en)`);
        o.locale = v;
        break;
      }
      default:
        if (a.startsWith('-') && a !== '-') throw new Error(`unknown option ${a}`);
        o.paths.push(a);
    }
  }
  if (o.paths.includes('-')) {
    if (o.paths.length > 1) throw new Error('"-" (stdin) cannot be combined with other paths');
    if (o.fix) throw new Error('--fix cannot write to stdin; run it on the file');
  } else if (o.stdinFilename !== undefined) throw new Error('--stdin-filename needs "-" (read from stdin)');
  if (o.cacheLocation !== undefined && !o.cache) throw new Error('--cache-location needs --cache');
  return o;
}

interface FileResult {
  path: string;
  /** Absolute path (config lookup for cross-file groups, the cache's key). */
  file: string;
  /** Read from stdin: never cached. */
  stdin?: boolean;
  text: string;
  findings: Finding[];
  config: ResolvedConfig;
  /** A Word file: the Markdown it was read as, with the map back to paragraphs and cells. */
  word?: DocxMarkdown;
}

async function runCheckCommand(opts: Options, io: { out: (s: string) => void; err: (s: string) => void; cwd: string }): Promise<number> {
  let ioError = false;
  // Config: explicit, or nearest upward per file (cached per folder).
  let explicit: LoadedConfig | undefined;
  const reportProblems = (c: LoadedConfig) => {
    for (const p of c.problems) io.err(formatConfigProblem(c, p) + '\n');
    if (c.problems.some((p) => p.severity === 'error')) ioError = true;
  };
  if (opts.config) {
    const p = resolve(io.cwd, opts.config);
    if (!existsSync(p)) {
      io.err(`vnhr: config file not found: ${opts.config}\n`);
      return 2;
    }
    explicit = readConfigFile(p);
    reportProblems(explicit);
  }
  const configByFile = new Map<string, LoadedConfig | undefined>();
  const seenConfigs = new Set<string>();
  const configFor = (file: string): { config: ResolvedConfig; base: string } => {
    if (explicit) return { config: explicit.config, base: dirname(explicit.path) };
    const found = findConfigFile(dirname(file));
    if (!found) return { config: getDefaultConfig(), base: io.cwd };
    let c = configByFile.get(found);
    if (!c) {
      c = readConfigFile(found);
      configByFile.set(found, c);
    }
    if (!seenConfigs.has(found)) {
      seenConfigs.add(found);
      reportProblems(c);
    }
    return { config: c.config, base: dirname(found) };
  };

  // Compiled ignore / include globs per config (linear matcher); a bad pattern is a config error, reported once.
  const reportedGlobs = new WeakSet<ResolvedConfig>();
  const globsOf = (config: ResolvedConfig, where: string) => {
    const first = !reportedGlobs.has(config);
    reportedGlobs.add(config);
    return configGlobs(config, (key, p, e) => {
      if (!first) return;
      io.err(`vnhr: ${escapeControls(where)}: "${key}" pattern ${JSON.stringify(p)}: ${e.message}; the pattern is not used\n`);
      ioError = true;
    });
  };
  const configName = (file: string) => (explicit ? explicit.path : (findConfigFile(dirname(file)) ?? 'config'));

  const results: FileResult[] = [];
  // The config of a file, and what its ignore / include globs say (the same for Markdown and Word files).
  const selection = (file: string, forcedByName: boolean) => {
    const { config, base } = configFor(file);
    const rel = relative(base, file).replace(/\\/g, '/');
    const globs = globsOf(config, configName(file));
    const skip = globs.ignore.length > 0 && globMatch(rel, globs.ignore);
    return { config, skip, forced: forcedByName || (globs.include.length > 0 && globMatch(rel, globs.include)) };
  };

  const check1 = (file: string, shown: string, forcedByName: boolean, read: ReadOk | { error: string }): void => {
    const { config, skip, forced } = selection(file, forcedByName);
    if (skip) return;
    if ('error' in read) {
      io.err(`vnhr: ${escapeControls(shown)}: ${read.error}\n`);
      ioError = true;
      return;
    }
    if (!forced && !isVietnameseText(read.text)) return;
    let text = read.text;
    if (opts.fix) {
      const fixed = fixAll(text, config);
      if (fixed.text !== text) {
        const w = writeAtomic(file, read, fixed.text);
        if (w) {
          io.err(`vnhr: ${escapeControls(shown)}: ${w}\n`);
          ioError = true;
        } else text = fixed.text;
      }
    }
    results.push({ path: shown, file, stdin: opts.paths[0] === '-' || undefined, text, findings: [], config });
  };

  // A Word file: read through the .docx model, checked as the Markdown it reads as, never fixed in place.
  const checkWord = (file: string, shown: string, forcedByName: boolean): void => {
    const { config, skip, forced } = selection(file, forcedByName);
    if (skip) return;
    const word = readWord(file);
    if ('error' in word) {
      io.err(`vnhr: ${escapeControls(shown)}: ${word.error}\n`);
      ioError = true;
      return;
    }
    if (!forced && !isVietnameseText(word.markdown)) return;
    if (opts.fix) io.err(`vnhr: ${escapeControls(shown)}: Word files are not fixed in place (import it as Markdown to fix it)\n`);
    results.push({ path: shown, file, text: word.markdown, findings: [], config, word });
  };

  let empty: string | undefined;
  if (opts.paths[0] === '-') {
    // Stdin: named by --stdin-filename (relative to the current folder) for the config and ignore globs.
    const name = opts.stdinFilename ?? '<stdin>';
    const file = resolve(io.cwd, opts.stdinFilename ?? 'stdin.md');
    check1(file, name, true, decodeText(await readStdin(), 0));
    if (!results.length && !ioError) empty = `${name} is excluded by "ignore"`;
  } else {
    // Files: explicit ones whatever their extension; folders and globs -> *.md.
    const targets: { file: string; explicit: boolean; shown: string }[] = [];
    const patterns = opts.paths.length ? opts.paths : ['.'];
    for (const p of patterns) {
      const abs = resolve(io.cwd, p);
      let st;
      try {
        st = statSync(abs);
      } catch {
        st = undefined;
      }
      if (st?.isFile()) targets.push({ file: abs, explicit: true, shown: p });
      else if (st?.isDirectory()) {
        const found = await reportFilesIn(abs, { docx: true });
        if (!found.length) {
          io.err(`vnhr: ${escapeControls(p)}: no reports (*.md, *.docx) in this folder\n`);
          if (!opts.allowEmpty) ioError = true;
        }
        for (const f of found.sort()) targets.push({ file: f, explicit: false, shown: relative(io.cwd, f) || basename(f) });
      } else if (fastGlob().isDynamicPattern(p)) {
        // Like folders: never into symlinked folders (two self-links made the walk endless).
        const found = await fastGlob()(p.replace(/\\/g, '/'), { cwd: io.cwd, absolute: true, ignore: SKIPPED_FOLDERS, followSymbolicLinks: false });
        if (!found.length) {
          io.err(`vnhr: no files match ${escapeControls(p)}\n`);
          if (!opts.allowEmpty) ioError = true;
        }
        for (const f of found.sort()) targets.push({ file: f, explicit: false, shown: relative(io.cwd, f) });
      } else {
        io.err(`vnhr: ${escapeControls(p)}: no such file or directory\n`);
        ioError = true;
      }
    }
    // Each real file once, however many links or arguments lead to it.
    const seen = new Set<string>();
    for (const t of targets) {
      let real = t.file;
      try {
        real = realpathSync(t.file);
      } catch {
        /* dangling: reported by the read */
      }
      if (seen.has(real)) continue;
      seen.add(real);
      if (/\.docx$/i.test(t.file)) checkWord(t.file, t.shown, t.explicit);
      else check1(t.file, t.shown, t.explicit, readText(t.file));
    }
    if (!results.length && !ioError && targets.length) empty = 'no file was checked (every file is ignored or not a Vietnamese report)';
  }
  const run = await findingsOf(results, opts, io.cwd);
  if (run.cacheError) io.err(`vnhr: --cache: ${run.cacheError}\n`);
  // For tests and tuning: how the findings were obtained.
  if (process.env.VNHR_STATS === '1') io.err(`vnhr: stats ${JSON.stringify({ files: results.length, cacheHits: run.hits, threads: run.threads })}\n`);
  if (empty && !opts.allowEmpty) {
    io.err(`vnhr: ${escapeControls(empty)}; nothing to check (use --allow-empty to accept this)\n`);
    ioError = true;
  }

  // Figures compared across the checked reports (each report's config: crossFile.enabled, groups).
  if (opts.crossFile && results.length > 1) {
    addCrossFileFindings(results, (r) => {
      const { config, base } = configFor((r as FileResult).file);
      return crossGroupOf(relative(base, (r as FileResult).file), config, base);
    });
  }

  if (opts.changed) {
    const bad = checkRef(opts.changed, io.cwd);
    if (bad) {
      io.err(`vnhr: --changed: ${bad}\n`);
      return 2;
    }
    const changedByPath = new Map<string, ChangedLines>();
    for (const r of results) {
      const changed = changedLines(r.file, opts.changed);
      changedByPath.set(r.path, changed);
      if (typeof changed === 'object' && 'error' in changed) {
        io.err(`vnhr: ${r.path}: --changed: ${changed.error}\n`);
        ioError = true;
      }
    }
    // A finding is kept when it or a related range (in this or another checked file) is on a changed line.
    keepChanged(results, (p) => changedByPath.get(p));
  }

  if (opts.format === 'github') io.out(toGithub(results, opts.locale));
  else if (opts.format === 'json') io.out(JSON.stringify(toJson(results, opts.locale)) + '\n');
  else if (opts.format === 'sarif') io.out(JSON.stringify(toSarif(results, opts.locale, io.cwd), null, 2) + '\n');
  else io.out(toStylish(results, opts.locale));

  if (ioError) return 2;
  const failing = results.some((r) => r.config.failOn !== 'never' && r.findings.some((f) => RANK[f.severity] >= RANK[r.config.failOn as Severity]));
  return failing ? 1 : 0;
}

/** Below this much text to check, starting worker threads costs more than it saves (VNHR_POOL_MIN_BYTES: for tests). */
const POOL_MIN_BYTES = Number(process.env.VNHR_POOL_MIN_BYTES ?? 512 * 1024);

/**
 * Fill in every result's findings, in input order: from the cache when the
 * file and config are unchanged, else checked here or, for many files, in a
 * bounded pool of worker threads (the same findings either way).
 */
async function findingsOf(results: FileResult[], opts: Options, cwd: string): Promise<{ cacheError?: string; hits: number; threads: number }> {
  // Loaded only when used: a plain run does not pay for node:crypto or node:worker_threads at start-up.
  let cache: Cache | undefined;
  let hash: ((text: string, config: ResolvedConfig) => string) | undefined;
  if (opts.cache) {
    const { FindingsCache, defaultCacheDir } = await import('./cache.js');
    cache = new FindingsCache(resolve(cwd, opts.cacheLocation ?? defaultCacheDir(cwd)));
    hash = FindingsCache.hash;
  }
  const todo: { r: FileResult; hash?: string }[] = [];
  for (const r of results) {
    const h = hash && !r.stdin ? hash(r.text, r.config) : undefined;
    const hit = h !== undefined ? cache!.get(r.file, h) : undefined;
    if (hit) r.findings = hit;
    else todo.push({ r, hash: h });
  }
  const bytes = todo.reduce((n, t) => n + t.r.text.length, 0);
  const size = Math.min(opts.jobs ?? availableParallelism(), todo.length);
  const workerFile = join(__dirname, 'checkWorker.js');
  const threads = size > 1 && bytes >= POOL_MIN_BYTES && existsSync(workerFile) ? size : 0;
  if (threads) {
    // This thread is one of the `threads`: it checks queued files between the workers' answers.
    const { CheckPool } = await import('./pool.js');
    const pool = new CheckPool(threads - 1, workerFile);
    try {
      const all = Promise.all(todo.map((t) => pool.check(t.r.text, t.r.config)));
      all.catch(() => undefined); // awaited below; not "unhandled" while this thread is busy
      await pool.runQueuedHere();
      const found = await all;
      todo.forEach((t, i) => (t.r.findings = found[i]));
    } finally {
      await pool.close();
    }
  } else for (const t of todo) t.r.findings = check(t.r.text, t.r.config);
  if (!cache) return { hits: 0, threads };
  for (const t of todo) if (t.hash !== undefined) cache.set(t.r.file, t.hash, t.r.findings);
  return { cacheError: cache.save(), hits: cache.hits, threads };
}

/** Read a .docx; a damaged, encrypted or foreign file is a clear error for that file only. */
function readWord(file: string): DocxMarkdown | { error: string } {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    return { error: `cannot read file (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})` };
  }
  try {
    return wordModule().docxForCheck(bytes);
  } catch (e) {
    return { error: `cannot read Word file: ${(e as Error).message}` };
  }
}

async function readStdin(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

/** Control characters (terminal escapes) in a name printed to a terminal, as \xNN / \uNNNN. */
export function escapeControls(s: string): string {
  return s.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (c) => {
    const n = c.charCodeAt(0);
    return n < 0x100 ? '\\x' + n.toString(16).padStart(2, '0') : '\\u' + n.toString(16).padStart(4, '0');
  });
}

/**
 * Write the fixed text. Refuses a file the user may not write (no write
 * permission, or a read-only file even for root) and a file that changed on
 * disk since it was read. Normally through a temporary file in the same
 * folder renamed over the original (a crash never leaves a truncated file),
 * with the original's mode and owner; in place when the file has several hard
 * links (a rename would split them) or its owner cannot be kept. Keeps the BOM.
 */
export function writeAtomic(file: string, read: ReadOk, text: string): string | undefined {
  try {
    // Through a symlink, replace the target: renaming over the link itself
    // would turn it into a copy and leave the real file unfixed.
    file = realpathSync(file);
  } catch {
    /* gone: reported by the re-read below */
  }
  try {
    const now = readFileSync(file);
    if (!now.equals(read.raw)) return 'file changed on disk while checking; not fixed';
  } catch (e) {
    return `cannot re-read file before writing (${(e as Error).message}); not fixed`;
  }
  let st;
  try {
    st = statSync(file);
    accessSync(file, fsConstants.W_OK);
  } catch {
    return 'file is not writable (permission denied); not fixed';
  }
  // Root passes access(): a file with no write bit at all is read-only on purpose.
  if ((st.mode & 0o222) === 0) return 'file is read-only; not fixed (make it writable to fix it)';
  const data = (read.bom ? '\uFEFF' : '') + text;
  const inPlace = () => {
    try {
      // Same inode: the links, owner and mode stay.
      writeFileSync(file, data, 'utf8');
      return undefined;
    } catch (e) {
      return `cannot write fixes (${(e as Error).message})`;
    }
  };
  if (st.nlink > 1) return inPlace();
  const tmp = join(dirname(file), `.${basename(file)}.vnhr-${process.pid}-${Date.now()}.tmp`);
  try {
    writeFileSync(tmp, data, { encoding: 'utf8', flag: 'wx' });
    chmodSync(tmp, st.mode & 0o7777);
    const uid = process.getuid?.();
    if (uid !== undefined && (st.uid !== uid || st.gid !== process.getgid?.())) {
      try {
        chownSync(tmp, st.uid, st.gid);
      } catch {
        // Cannot give the new file the original owner: write in place instead.
        unlinkSync(tmp);
        return inPlace();
      }
    }
    renameSync(tmp, file);
    return undefined;
  } catch (e) {
    try {
      unlinkSync(tmp);
    } catch {
      /* nothing to clean */
    }
    return `cannot write fixes (${(e as Error).message}); file left unchanged`;
  }
}

function toJson(results: FileResult[], locale: Locale) {
  const other = otherFiles(results);
  return {
    version: 1,
    files: results.map((r) => {
      const li = new LineIndex(r.text);
      return {
        path: r.path,
        ...(r.word ? { kind: 'docx' } : {}),
        diagnostics: r.findings.map((f) => ({
          rule: f.rule,
          severity: f.severity,
          message: localize(f.message, locale),
          // For a Word file the range is in the Markdown it was read as; `word` says where it is in Word.
          range: li.rangeAt(f.start, f.end),
          ...(r.word ? { word: wordModule().locate(r.word, f.start, f.end) } : {}),
          related: (f.related ?? []).map((x) => {
            // Another report's figure (cross-file): its path and its range in that file.
            const o = x.file !== undefined ? other(x.file) : undefined;
            if (!o) return { message: localize(x.message, locale), range: li.rangeAt(x.start, x.end) };
            return { message: localize(x.message, locale), file: x.file, range: o.li.rangeAt(x.start, x.end), ...(o.r.word ? { word: wordModule().locate(o.r.word, x.start, x.end) } : {}) };
          }),
          fixes: (f.fixes ?? []).map((x) => ({ title: localize(x.title, locale), safe: x.safe, edits: x.edits.map((e) => ({ range: li.rangeAt(e.start, e.end), newText: e.newText })) })),
        })),
      };
    }),
  };
}

const SARIF_LEVEL: Record<Severity, string> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

/** The checked file a related range names (cross-file findings), with its LineIndex made once. */
function otherFiles(results: FileResult[]): (path: string) => { r: FileResult; li: LineIndex } | undefined {
  const byPath = new Map(results.map((r) => [r.path, r]));
  const made = new Map<string, { r: FileResult; li: LineIndex }>();
  return (path) => {
    let o = made.get(path);
    if (!o) {
      const r = byPath.get(path);
      if (!r) return undefined;
      made.set(path, (o = { r, li: new LineIndex(r.text) }));
    }
    return o;
  };
}

function toSarif(results: FileResult[], locale: Locale, cwd: string) {
  const other = otherFiles(results);
  // Rule pages: the ones installed with vnhr (a file: URL that exists offline), or a public address from VNHR_DOCS_BASE.
  const docsBase = normalizeDocsBase(process.env.VNHR_DOCS_BASE) ?? localDocsBase();
  const region = (li: LineIndex, s: number, e: number) => {
    const r = li.rangeAt(s, e);
    return { startLine: r.start.line + 1, startColumn: r.start.character + 1, endLine: r.end.line + 1, endColumn: r.end.character + 1, charOffset: s, charLength: e - s };
  };
  const ruleIndex = new Map(allRules.map((r, i) => [r.meta.id, i]));
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'vnhr',
            fullName: 'vn-health-report',
            version: VERSION,
            informationUri: 'https://github.com/vn-health-report/vn-health-report',
            rules: allRules.map((r) => ({
              id: r.meta.id,
              shortDescription: { text: localize(r.meta.description, locale) },
              helpUri: docsUrl(r.meta.id, docsBase),
              defaultConfiguration: { level: r.meta.enabledByDefault ? SARIF_LEVEL[r.meta.severity] : 'none', enabled: r.meta.enabledByDefault },
            })),
          },
        },
        columnKind: 'utf16CodeUnits',
        originalUriBaseIds: { SRCROOT: { uri: pathToFileURL(cwd + '/').href } },
        results: results.flatMap((r) => {
          const li = new LineIndex(r.text);
          const artifactLocation = { uri: r.path.replace(/\\/g, '/'), uriBaseId: 'SRCROOT' };
          return r.findings.map((f) => ({
            ruleId: f.rule,
            ruleIndex: ruleIndex.get(f.rule) ?? -1,
            level: SARIF_LEVEL[f.severity],
            message: { text: localize(f.message, locale) },
            locations: [r.word ? wordLocation(r.word, artifactLocation, f.start, f.end, locale) : { physicalLocation: { artifactLocation, region: region(li, f.start, f.end) } }],
            ...(f.related?.length
              ? {
                  relatedLocations: f.related.map((x, i) => {
                    // Cross-file: the other report's artifact and region.
                    const o = x.file !== undefined ? other(x.file) : undefined;
                    const [rr, rli, art] = o ? [o.r, o.li, { uri: o.r.path.replace(/\\/g, '/'), uriBaseId: 'SRCROOT' }] : [r, li, artifactLocation];
                    return {
                      id: i,
                      message: { text: localize(x.message, locale) },
                      ...(rr.word ? wordLocation(rr.word, art, x.start, x.end, locale) : { physicalLocation: { artifactLocation: art, region: region(rli, x.start, x.end) } }),
                    };
                  }),
                }
              : {}),
            ...(f.fixes?.length && !r.word
              ? {
                  fixes: f.fixes.map((x) => ({
                    description: { text: localize(x.title, locale) },
                    artifactChanges: [{ artifactLocation, replacements: x.edits.map((e) => ({ deletedRegion: region(li, e.start, e.end), insertedContent: { text: e.newText } })) }],
                  })),
                }
              : {}),
          }));
        }),
      },
    ],
  };
}

/** A SARIF location in a Word file: the file, a logical location (paragraph or cell) and the quoted words. */
function wordLocation(word: DocxMarkdown, artifactLocation: { uri: string; uriBaseId: string }, start: number, end: number, locale: Locale) {
  const l = wordModule().locate(word, start, end);
  return {
    // No region: offsets of the Markdown reading mean nothing in Word; the logical location and the quote do.
    physicalLocation: { artifactLocation },
    logicalLocations: [{ name: wordModule().describeLocation(l, locale), kind: l.table ? 'tableCell' : l.footnote !== undefined ? 'footnote' : 'paragraph' }],
    properties: { word: l },
  };
}

const GITHUB_LEVEL: Record<Severity, string> = { error: 'error', warning: 'warning', information: 'notice', hint: 'notice' };

/** GitHub Actions workflow commands: one annotation per finding on the pull request's files. */
function toGithub(results: FileResult[], locale: Locale): string {
  let out = '';
  for (const r of results) {
    const li = new LineIndex(r.text);
    for (const f of r.findings) {
      const file = githubEscape(r.path.replace(/\\/g, '/'), true);
      const msg = githubEscape(`${localize(f.message, locale)}${r.word ? ` (${wordModule().describeLocation(wordModule().locate(r.word, f.start, f.end), locale)})` : ''}`);
      if (r.word) {
        out += `::${GITHUB_LEVEL[f.severity]} file=${file},title=${githubEscape(f.rule, true)}::${msg}\n`;
        continue;
      }
      const a = li.positionAt(f.start);
      const b = li.positionAt(f.end);
      out += `::${GITHUB_LEVEL[f.severity]} file=${file},line=${a.line + 1},col=${a.character + 1},endLine=${b.line + 1},endColumn=${b.character + 1},title=${githubEscape(f.rule, true)}::${msg}\n`;
    }
  }
  return out;
}

function toStylish(results: FileResult[], locale: Locale): string {
  const color = process.stdout.isTTY && !process.env.NO_COLOR;
  const c = (code: string, s: string) => (color ? `\u001b[${code}m${s}\u001b[0m` : s);
  const sevColor: Record<Severity, string> = { error: '31', warning: '33', information: '36', hint: '90' };
  const sevName: Record<Severity, Msg> = {
    error: msg('lỗi', 'error'),
    warning: msg('cảnh báo', 'warning'),
    information: msg('thông tin', 'info'),
    hint: msg('gợi ý', 'hint'),
  };
  let out = '';
  // The other report's figure of a cross-file finding, as file:line:column (a terminal link).
  const other = otherFiles(results);
  const crossLines = (f: Finding) => {
    let s = '';
    for (const x of f.related ?? []) {
      const o = x.file !== undefined ? other(x.file) : undefined;
      if (!o) continue;
      const at = o.r.word ? wordModule().describeLocation(wordModule().locate(o.r.word, x.start, x.end), locale) : (({ line, character }) => `${line + 1}:${character + 1}`)(o.li.positionAt(x.start));
      s += `        ${c('90', '↳')} ${escapeControls(o.r.path)}:${at}  ${localize(x.message, locale)}\n`;
    }
    return s;
  };
  const counts: Record<Severity, number> = { error: 0, warning: 0, information: 0, hint: 0 };
  for (const r of results) {
    if (!r.findings.length) continue;
    const li = new LineIndex(r.text);
    out += c('4', escapeControls(r.path)) + '\n';
    for (const f of r.findings) {
      counts[f.severity]++;
      if (r.word) {
        // Word has no stable lines: the paragraph or cell, its heading, and the words around.
        const l = wordModule().locate(r.word, f.start, f.end);
        out += `  ${wordModule().describeLocation(l, locale)}: ${c(sevColor[f.severity], localize(sevName[f.severity], locale))} ${localize(f.message, locale)}  ${c('90', f.rule)}\n      «${l.quote}»\n` + crossLines(f);
        continue;
      }
      const p = li.positionAt(f.start);
      const fixable = f.fixes?.some((x) => x.safe) ? ' ✓' : '';
      out += `  ${String(p.line + 1).padStart(4)}:${String(p.character + 1).padEnd(4)} ${c(sevColor[f.severity], localize(sevName[f.severity], locale).padEnd(9))} ${localize(f.message, locale)}${fixable}  ${c('90', f.rule)}\n`;
      out += crossLines(f);
    }
    out += '\n';
  }
  const total = counts.error + counts.warning + counts.information + counts.hint;
  if (total === 0) {
    out += localize(msg(`Không có vấn đề nào (${results.length} tệp).\n`, `No problems (${results.length} file(s)).\n`), locale);
  } else {
    const info = counts.information + counts.hint;
    out += localize(
      msg(
        `✖ ${total} vấn đề (${counts.error} lỗi, ${counts.warning} cảnh báo, ${info} thông tin) trong ${results.length} tệp. ✓ = sửa được bằng --fix\n`,
        `✖ ${total} problem(s) (${counts.error} error(s), ${counts.warning} warning(s), ${info} info) in ${results.length} file(s). ✓ = fixable with --fix\n`,
      ),
      locale,
    );
  }
  return out;
}

export { rulesById };
