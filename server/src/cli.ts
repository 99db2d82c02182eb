// `vnhr` command line: check files, print stylish / JSON / SARIF, --fix in place.
// Exit 0: nothing at or above the fail level; 1: findings at that level;
// 2: usage, config or I/O error (message on stderr; other files still checked).
import { readFileSync, statSync, writeFileSync, renameSync, unlinkSync, chmodSync, existsSync, realpathSync } from 'node:fs';
import { dirname, join, relative, resolve, basename } from 'node:path';
import { pathToFileURL } from 'node:url';
import fg from 'fast-glob';
import picomatch from 'picomatch';
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
import { docxForCheck, locate, describeLocation, type DocxMarkdown } from './word';
import { wordCommand, WORD_USAGE } from './word/cli-word';
import { VERSION } from './version';
import { localDocsBase, normalizeDocsBase } from './docsLink';

const RANK: Record<Severity, number> = { error: 3, warning: 2, information: 1, hint: 0 };

interface Options {
  format: 'stylish' | 'json' | 'sarif';
  fix: boolean;
  config?: string;
  locale: Locale;
  paths: string[];
}

const USAGE = `Usage: vnhr check [paths or globs...] [options]

Checks Vietnamese health-report drafts (Markdown). Default: **/*.md under the
current folder (Vietnamese files only; files named explicitly are always checked).

Options:
  --format stylish|json|sarif   output format (default: stylish)
  --fix                         apply safe fixes in place
  --config FILE                 config file (default: nearest .vnhrrc.json upward)
  --locale vi|en                message language (default: vi)
  -h, --help                    this help
  -v, --version                 version

Word files: a .docx (named, or in a folder) is read and checked like Markdown;
findings are located by paragraph, heading and table cell.

Other commands:
${WORD_USAGE}  vnhr rules                    list the rules
  vnhr schema                   print the JSON schema of .vnhrrc.json

Exit: 0 clean, 1 findings at or above the fail level (config "failOn", default warning), 2 usage/config/I-O error.
`;

export async function main(argv: string[], io: { out: (s: string) => void; err: (s: string) => void; cwd: string } = defaultIo()): Promise<number> {
  const [cmd, ...rest] = argv;
  if (!cmd || cmd === '-h' || cmd === '--help' || cmd === 'help') {
    io.out(USAGE);
    return cmd ? 0 : 2;
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

function defaultIo() {
  return { out: (s: string) => void process.stdout.write(s), err: (s: string) => void process.stderr.write(s), cwd: process.cwd() };
}

function parseArgs(args: string[]): Options {
  const o: Options = { format: 'stylish', fix: false, locale: 'vi', paths: [] };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const [flag, inline] = a.startsWith('--') && a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    const value = () => {
      const v = inline ?? args[++i];
      if (v === undefined) throw new Error(`${flag} needs a value`);
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
  return o;
}

interface FileResult {
  path: string;
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
      // Word's lock files (~$name.docx) are not documents.
      const found = await fg(['**/*.md', '**/*.docx', '!**/~$*'], { cwd: abs, absolute: true, dot: false, ignore: ['**/node_modules/**', '**/.git/**'], followSymbolicLinks: false });
      for (const f of found.sort()) targets.push({ file: f, explicit: false, shown: relative(io.cwd, f) || basename(f) });
    } else if (fg.isDynamicPattern(p)) {
      const found = await fg(p.replace(/\\/g, '/'), { cwd: io.cwd, absolute: true, ignore: ['**/node_modules/**', '**/.git/**'] });
      if (!found.length) io.err(`vnhr: no files match ${p}\n`);
      for (const f of found.sort()) targets.push({ file: f, explicit: false, shown: relative(io.cwd, f) });
    } else {
      io.err(`vnhr: ${p}: no such file or directory\n`);
      ioError = true;
    }
  }

  const results: FileResult[] = [];
  const seen = new Set<string>();
  for (const t of targets) {
    if (seen.has(t.file)) continue;
    seen.add(t.file);
    const { config, base } = configFor(t.file);
    const rel = relative(base, t.file).replace(/\\/g, '/');
    if (config.ignore.length && picomatch.isMatch(rel, config.ignore, { dot: true })) continue;
    if (/\.docx$/i.test(t.file)) {
      const word = readWord(t.file);
      if ('error' in word) {
        io.err(`vnhr: ${t.shown}: ${word.error}\n`);
        ioError = true;
        continue;
      }
      if (!t.explicit && !isVietnameseText(word.markdown)) continue;
      if (opts.fix) io.err(`vnhr: ${t.shown}: Word files are not fixed in place (import it as Markdown to fix it)\n`);
      results.push({ path: t.shown, text: word.markdown, findings: check(word.markdown, config), config, word });
      continue;
    }
    const read = readText(t.file);
    if ('error' in read) {
      io.err(`vnhr: ${t.shown}: ${read.error}\n`);
      ioError = true;
      continue;
    }
    const forced = t.explicit || (config.include.length > 0 && picomatch.isMatch(rel, config.include, { dot: true }));
    if (!forced && !isVietnameseText(read.text)) continue;
    let text = read.text;
    if (opts.fix) {
      const fixed = fixAll(text, config);
      if (fixed.text !== text) {
        const w = writeAtomic(t.file, read, fixed.text);
        if (w) {
          io.err(`vnhr: ${t.shown}: ${w}\n`);
          ioError = true;
        } else text = fixed.text;
      }
    }
    results.push({ path: t.shown, text, findings: check(text, config), config });
  }

  if (opts.format === 'json') io.out(JSON.stringify(toJson(results, opts.locale)) + '\n');
  else if (opts.format === 'sarif') io.out(JSON.stringify(toSarif(results, opts.locale, io.cwd), null, 2) + '\n');
  else io.out(toStylish(results, opts.locale));

  if (ioError) return 2;
  const failing = results.some((r) => r.config.failOn !== 'never' && r.findings.some((f) => RANK[f.severity] >= RANK[r.config.failOn as Severity]));
  return failing ? 1 : 0;
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
    return docxForCheck(bytes);
  } catch (e) {
    return { error: `cannot read Word file: ${(e as Error).message}` };
  }
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
 * Write through a temporary file in the same folder and rename over the
 * original: a crash never leaves a truncated file. Refuses to write when the
 * file changed on disk since it was read. Keeps the BOM and the file mode.
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
  const tmp = join(dirname(file), `.${basename(file)}.vnhr-${process.pid}-${Date.now()}.tmp`);
  try {
    writeFileSync(tmp, (read.bom ? '\uFEFF' : '') + text, { encoding: 'utf8', flag: 'wx' });
    try {
      chmodSync(tmp, statSync(file).mode & 0o7777);
    } catch {
      /* keep default mode */
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
        ...(r.word ? { kind: 'docx' } : {}),
        diagnostics: r.findings.map((f) => ({
          rule: f.rule,
          severity: f.severity,
          message: localize(f.message, locale),
          // For a Word file the range is in the Markdown it was read as; `word` says where it is in Word.
          range: li.rangeAt(f.start, f.end),
          ...(r.word ? { word: locate(r.word, f.start, f.end) } : {}),
          related: (f.related ?? []).map((x) => ({ message: localize(x.message, locale), range: li.rangeAt(x.start, x.end) })),
          fixes: (f.fixes ?? []).map((x) => ({ title: localize(x.title, locale), safe: x.safe, edits: x.edits.map((e) => ({ range: li.rangeAt(e.start, e.end), newText: e.newText })) })),
        })),
      };
    }),
  };
}

const SARIF_LEVEL: Record<Severity, string> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

function toSarif(results: FileResult[], locale: Locale, cwd: string) {
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
                  relatedLocations: f.related.map((x, i) => ({
                    id: i,
                    message: { text: localize(x.message, locale) },
                    ...(r.word ? wordLocation(r.word, artifactLocation, x.start, x.end, locale) : { physicalLocation: { artifactLocation, region: region(li, x.start, x.end) } }),
                  })),
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
  const l = locate(word, start, end);
  return {
    // No region: offsets of the Markdown reading mean nothing in Word; the logical location and the quote do.
    physicalLocation: { artifactLocation },
    logicalLocations: [{ name: describeLocation(l, locale), kind: l.table ? 'tableCell' : l.footnote !== undefined ? 'footnote' : 'paragraph' }],
    properties: { word: l },
  };
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
  const counts: Record<Severity, number> = { error: 0, warning: 0, information: 0, hint: 0 };
  for (const r of results) {
    if (!r.findings.length) continue;
    const li = new LineIndex(r.text);
    out += c('4', r.path) + '\n';
    for (const f of r.findings) {
      counts[f.severity]++;
      if (r.word) {
        // Word has no stable lines: the paragraph or cell, its heading, and the words around.
        const l = locate(r.word, f.start, f.end);
        out += `  ${describeLocation(l, locale)}: ${c(sevColor[f.severity], localize(sevName[f.severity], locale))} ${localize(f.message, locale)}  ${c('90', f.rule)}\n      «${l.quote}»\n`;
        continue;
      }
      const p = li.positionAt(f.start);
      const fixable = f.fixes?.some((x) => x.safe) ? ' ✓' : '';
      out += `  ${String(p.line + 1).padStart(4)}:${String(p.character + 1).padEnd(4)} ${c(sevColor[f.severity], localize(sevName[f.severity], locale).padEnd(9))} ${localize(f.message, locale)}${fixable}  ${c('90', f.rule)}\n`;
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
