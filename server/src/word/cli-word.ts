// `vnhr import report.docx -o report.md` and `vnhr export report.md -o report.docx`.
import { existsSync, mkdirSync, readFileSync, writeFileSync, renameSync, unlinkSync } from 'node:fs';
import { basename, dirname, extname, join, relative, resolve } from 'node:path';
import { check, getDefaultConfig, localize, LineIndex } from '../engine';
import { findConfigFile, readConfigFile } from '../configFiles';
import { wordModule } from '../lazy';

export const WORD_USAGE = `  vnhr import FILE.docx [-o FILE.md] [--force]
                                Word → Markdown (images into a folder beside it)
  vnhr export FILE.md [-o FILE.docx] [--force]
                                Markdown → Word in the NĐ 30/2020 layout;
                                refuses when the report has errors, unless --force
`;

type Io = { out: (s: string) => void; err: (s: string) => void; cwd: string };

function parse(args: string[]): { input?: string; output?: string; force: boolean; error?: string } {
  const o: { input?: string; output?: string; force: boolean; error?: string } = { force: false };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '-o' || a === '--output') {
      o.output = args[++i];
      if (o.output === undefined) o.error = `${a} needs a value`;
    } else if (a.startsWith('--output=')) o.output = a.slice(9);
    else if (a === '--force') o.force = true;
    else if (a.startsWith('-')) o.error = `unknown option ${a}`;
    else if (o.input) o.error = `one input file, got "${o.input}" and "${a}"`;
    else o.input = a;
  }
  if (!o.input && !o.error) o.error = 'an input file is needed';
  return o;
}

/** Write through a temporary file and a rename: never a half-written output. */
function writeFileAtomic(file: string, data: string | Uint8Array): void {
  const tmp = join(dirname(file), `.${basename(file)}.vnhr-${process.pid}.tmp`);
  try {
    writeFileSync(tmp, data, { flag: 'w' });
    renameSync(tmp, file);
  } catch (e) {
    try {
      unlinkSync(tmp);
    } catch {
      /* nothing to clean */
    }
    throw e;
  }
}

export async function wordCommand(cmd: 'import' | 'export', args: string[], io: Io, usage: string): Promise<number> {
  const o = parse(args);
  if (o.error) {
    io.err(`vnhr ${cmd}: ${o.error}\n\n${usage}`);
    return 2;
  }
  const input = resolve(io.cwd, o.input!);
  const wantExt = cmd === 'import' ? '.md' : '.docx';
  const output = resolve(io.cwd, o.output ?? join(dirname(o.input!), basename(o.input!, extname(o.input!)) + wantExt));
  if (output === input) {
    io.err(`vnhr ${cmd}: the output would overwrite the input\n`);
    return 2;
  }
  if (existsSync(output) && !o.force) {
    io.err(`vnhr ${cmd}: ${relative(io.cwd, output)} exists; use --force to overwrite it\n`);
    return 2;
  }
  let bytes: Buffer;
  try {
    bytes = readFileSync(input);
  } catch (e) {
    io.err(`vnhr ${cmd}: cannot read ${o.input} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})\n`);
    return 2;
  }
  try {
    if (cmd === 'import') {
      const imageDir = basename(output, extname(output)) + '-images';
      const conv = wordModule().importDocx(bytes, imageDir);
      if (conv.images.size) mkdirSync(join(dirname(output), imageDir), { recursive: true });
      for (const [rel, data] of conv.images) writeFileAtomic(join(dirname(output), rel), data);
      writeFileAtomic(output, conv.markdown);
      io.err(`vnhr import: wrote ${relative(io.cwd, output)}${conv.images.size ? ` and ${conv.images.size} image(s) in ${imageDir}/` : ''}\n`);
      return 0;
    }
    const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
    const cfgFile = findConfigFile(dirname(input));
    const config = cfgFile ? readConfigFile(cfgFile).config : getDefaultConfig();
    const errors = check(text, config).filter((f) => f.severity === 'error');
    if (errors.length && !o.force) {
      const li = new LineIndex(text);
      for (const f of errors.slice(0, 10)) io.err(`  ${o.input}:${li.positionAt(f.start).line + 1}: ${localize(f.message, 'vi')} (${f.rule})\n`);
      io.err(`vnhr export: the report has ${errors.length} error(s); fix them or export anyway with --force\n`);
      return 1;
    }
    const docx = await wordModule().markdownToDocx(text, {}, {
      readImage: (src) => {
        const p = resolve(dirname(input), src);
        try {
          return readFileSync(p);
        } catch {
          return undefined;
        }
      },
    });
    writeFileAtomic(output, docx);
    io.err(`vnhr export: wrote ${relative(io.cwd, output)}\n`);
    return 0;
  } catch (e) {
    io.err(`vnhr ${cmd}: ${o.input}: ${(e as Error).message}\n`);
    return 2;
  }
}
