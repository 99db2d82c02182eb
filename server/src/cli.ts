// `vnhr` command line: check files, print stylish / JSON / SARIF, --fix in place.
// Exit 0: nothing at or above the fail level; 1: findings at that level;
// 2: usage, config or I/O error (message on stderr; other files still checked).
import { readFileSync, statSync, writeFileSync, renameSync, unlinkSync, chmodSync, chownSync, existsSync, realpathSync, accessSync, constants as fsConstants } from 'node:fs';
import { dirname, join, relative, resolve, basename } from 'node:path';
import { pathToFileURL } from 'node:url';
import fg from 'fast-glob';
import { compileGlob, globMatch, type Glob } from './glob';
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
  LineIndex,
  type Finding,
  type Locale,
  type ResolvedConfig,
  type Severity,
} from './engine';
import { findConfigFile, readConfigFile, formatConfigProblem, type LoadedConfig } from './configFiles';

const VERSION = '0.1.0';
const RANK: Record<Severity, number> = { error: 3, warning: 2, information: 1, hint: 0 };

interface Options {
  format: 'stylish' | 'json' | 'sarif';
  fix: boolean;
  config?: string;
  locale: Locale;
  paths: string[];
  /** Exit 0 (not 2) when no file is checked. */
  allowEmpty: boolean;
  /** Name for the text read from stdin ("-"): config lookup, ignore, output. */
  stdinFilename?: string;
}

const USAGE = `Usage: vnhr check [paths or globs...] [options]

Checks Vietnamese health-report drafts (Markdown). Default: **/*.md under the
current folder (Vietnamese files only; files named explicitly are always checked).

Options:
  --format stylish|json|sarif   output format (default: stylish)
  --fix                         apply safe fixes in place
  --config FILE                 config file (default: nearest .vnhrrc.json upward)
  --locale vi|en                message language (default: vi)
  --allow-empty                 exit 0 when no file is checked (a glob that matches
                                nothing, a folder without Markdown, every file
                                ignored); without it that is exit 2
  --stdin-filename NAME         with "-": the name of the text read from stdin (for
                                the config lookup, ignore globs and the output)
  -                             read the text to check from stdin (no --fix)
  --                            the arguments after it are paths, even "-x.md"
  -h, --help                    this help
  -v, --version                 version

Other commands:
  vnhr rules                    list the rules
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
    for (const r of allRules) io.out(`${r.meta.id.padEnd(28)} ${(r.meta.enabledByDefault ? r.meta.severity : 'off').padEnd(12)} ${r.meta.description.vi}\n`);
    return 0;
  }
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
  const o: Options = { format: 'stylish', fix: false, locale: 'vi', paths: [], allowEmpty: false };
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
        if (v !== 'stylish' && v !== 'json' && v !== 'sarif') throw new Error(`unknown format "${v}" (stylish, json, sarif)`);
        o.format = v;
        break;
      }
      case '--fix':
        o.fix = true;
        break;
      case '--config':
        o.config = value();
        break;
      case '--allow-empty':
        o.allowEmpty = true;
        break;
      case '--stdin-filename':
        o.stdinFilename = value();
        break;
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
  return o;
}

interface FileResult {
  path: string;
  text: string;
  findings: Finding[];
  config: ResolvedConfig;
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

  // Compiled ignore / include globs per config; a bad pattern is a config error, reported once.
  const globsByConfig = new WeakMap<ResolvedConfig, { ignore: Glob[]; include: Glob[] }>();
  const globsOf = (config: ResolvedConfig, where: string) => {
    let g = globsByConfig.get(config);
    if (!g) {
      const compile = (key: 'ignore' | 'include') =>
        config[key].flatMap((p) => {
          try {
            return [compileGlob(p)];
          } catch (e) {
            io.err(`vnhr: ${escapeControls(where)}: "${key}" pattern ${JSON.stringify(p)}: ${(e as Error).message}; the pattern is not used\n`);
            ioError = true;
            return [];
          }
        });
      g = { ignore: compile('ignore'), include: compile('include') };
      globsByConfig.set(config, g);
    }
    return g;
  };
  const configName = (file: string) => (explicit ? explicit.path : (findConfigFile(dirname(file)) ?? 'config'));

  const results: FileResult[] = [];
  const check1 = (file: string, shown: string, forcedByName: boolean, read: ReadOk | { error: string }): void => {
    const { config, base } = configFor(file);
    const rel = relative(base, file).replace(/\\/g, '/');
    const globs = globsOf(config, configName(file));
    if (globs.ignore.length && globMatch(rel, globs.ignore)) return;
    if ('error' in read) {
      io.err(`vnhr: ${escapeControls(shown)}: ${read.error}\n`);
      ioError = true;
      return;
    }
    const forced = forcedByName || (globs.include.length > 0 && globMatch(rel, globs.include));
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
    results.push({ path: shown, text, findings: check(text, config), config });
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
        const found = await fg('**/*.md', { cwd: abs, absolute: true, dot: false, ignore: ['**/node_modules/**', '**/.git/**'], followSymbolicLinks: false });
        if (!found.length) {
          io.err(`vnhr: ${escapeControls(p)}: no Markdown files (*.md) in this folder\n`);
          if (!opts.allowEmpty) ioError = true;
        }
        for (const f of found.sort()) targets.push({ file: f, explicit: false, shown: relative(io.cwd, f) || basename(f) });
      } else if (fg.isDynamicPattern(p)) {
        // Like folders: never into symlinked folders (two self-links made the walk endless).
        const found = await fg(p.replace(/\\/g, '/'), { cwd: io.cwd, absolute: true, ignore: ['**/node_modules/**', '**/.git/**'], followSymbolicLinks: false });
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
      check1(t.file, t.shown, t.explicit, readText(t.file));
    }
    if (!results.length && !ioError && targets.length) empty = 'no file was checked (every file is ignored or not a Vietnamese report)';
  }
  if (empty && !opts.allowEmpty) {
    io.err(`vnhr: ${escapeControls(empty)}; nothing to check (use --allow-empty to accept this)\n`);
    ioError = true;
  }

  if (opts.format === 'json') io.out(JSON.stringify(toJson(results, opts.locale)) + '\n');
  else if (opts.format === 'sarif') io.out(JSON.stringify(toSarif(results, opts.locale, io.cwd), null, 2) + '\n');
  else io.out(toStylish(results, opts.locale));

  if (ioError) return 2;
  const failing = results.some((r) => r.config.failOn !== 'never' && r.findings.some((f) => RANK[f.severity] >= RANK[r.config.failOn as Severity]));
  return failing ? 1 : 0;
}

interface ReadOk {
  text: string;
  bom: boolean;
  raw: Buffer;
  mtimeMs: number;
}

/** Read a file as UTF-8 text; binary or non-UTF-8 content is an error, not a crash. */
function readText(file: string): ReadOk | { error: string } {
  let raw: Buffer;
  let mtimeMs: number;
  try {
    mtimeMs = statSync(file).mtimeMs;
    raw = readFileSync(file);
  } catch (e) {
    return { error: `cannot read file (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})` };
  }
  return decodeText(raw, mtimeMs);
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

function decodeText(raw: Buffer, mtimeMs: number): ReadOk | { error: string } {
  // UTF-16 (Notepad's "Unicode") is text, but full of NUL bytes: name it rather than call it binary.
  if ((raw[0] === 0xff && raw[1] === 0xfe) || (raw[0] === 0xfe && raw[1] === 0xff)) return { error: 'UTF-16 encoded; save the file as UTF-8 to check it' };
  if (raw.includes(0)) return { error: 'binary file (contains NUL bytes); not checked' };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(raw);
  } catch {
    return { error: 'not valid UTF-8; convert the file to UTF-8 (e.g. from TCVN3/VNI legacy encodings) to check it' };
  }
  const bom = text.startsWith('\uFEFF');
  return { text: bom ? text.slice(1) : text, bom, raw, mtimeMs };
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
  return {
    version: 1,
    files: results.map((r) => {
      const li = new LineIndex(r.text);
      return {
        path: r.path,
        diagnostics: r.findings.map((f) => ({
          rule: f.rule,
          severity: f.severity,
          message: localize(f.message, locale),
          range: li.rangeAt(f.start, f.end),
          related: (f.related ?? []).map((x) => ({ message: localize(x.message, locale), range: li.rangeAt(x.start, x.end) })),
          fixes: (f.fixes ?? []).map((x) => ({ title: localize(x.title, locale), safe: x.safe, edits: x.edits.map((e) => ({ range: li.rangeAt(e.start, e.end), newText: e.newText })) })),
        })),
      };
    }),
  };
}

const SARIF_LEVEL: Record<Severity, string> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

function toSarif(results: FileResult[], locale: Locale, cwd: string) {
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
              helpUri: docsUrl(r.meta.id),
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
            locations: [{ physicalLocation: { artifactLocation, region: region(li, f.start, f.end) } }],
            ...(f.related?.length
              ? { relatedLocations: f.related.map((x, i) => ({ id: i, message: { text: localize(x.message, locale) }, physicalLocation: { artifactLocation, region: region(li, x.start, x.end) } })) }
              : {}),
            ...(f.fixes?.length
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

function toStylish(results: FileResult[], locale: Locale): string {
  const color = process.stdout.isTTY && !process.env.NO_COLOR;
  const c = (code: string, s: string) => (color ? `\u001b[${code}m${s}\u001b[0m` : s);
  const sevColor: Record<Severity, string> = { error: '31', warning: '33', information: '36', hint: '90' };
  const sevName: Record<Severity, { vi: string; en: string }> = {
    error: { vi: 'lỗi', en: 'error' },
    warning: { vi: 'cảnh báo', en: 'warning' },
    information: { vi: 'thông tin', en: 'info' },
    hint: { vi: 'gợi ý', en: 'hint' },
  };
  let out = '';
  const counts: Record<Severity, number> = { error: 0, warning: 0, information: 0, hint: 0 };
  for (const r of results) {
    if (!r.findings.length) continue;
    const li = new LineIndex(r.text);
    out += c('4', escapeControls(r.path)) + '\n';
    for (const f of r.findings) {
      counts[f.severity]++;
      const p = li.positionAt(f.start);
      const fixable = f.fixes?.some((x) => x.safe) ? ' ✓' : '';
      out += `  ${String(p.line + 1).padStart(4)}:${String(p.character + 1).padEnd(4)} ${c(sevColor[f.severity], localize(sevName[f.severity], locale).padEnd(9))} ${localize(f.message, locale)}${fixable}  ${c('90', f.rule)}\n`;
    }
    out += '\n';
  }
  const total = counts.error + counts.warning + counts.information + counts.hint;
  if (total === 0) {
    out += locale === 'vi' ? `Không có vấn đề nào (${results.length} tệp).\n` : `No problems (${results.length} file(s)).\n`;
  } else {
    out +=
      locale === 'vi'
        ? `✖ ${total} vấn đề (${counts.error} lỗi, ${counts.warning} cảnh báo, ${counts.information + counts.hint} thông tin) trong ${results.length} tệp. ✓ = sửa được bằng --fix\n`
        : `✖ ${total} problem(s) (${counts.error} error(s), ${counts.warning} warning(s), ${counts.information + counts.hint} info) in ${results.length} file(s). ✓ = fixable with --fix\n`;
  }
  return out;
}

export { rulesById };
