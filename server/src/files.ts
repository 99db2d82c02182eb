// Which files are reports, and reading them: one module for the CLI and the
// language server's workspace scan, so both skip and force the same files
// (config `ignore` / `include`, relative to the config file's folder).
import { readFileSync, statSync } from 'node:fs';
import { relative } from 'node:path';
import { fastGlob } from './lazy';
import type { ResolvedConfig } from './engine';
import { configGlobs, isCheckedRel, isIgnoredRel, isIncludedRel } from './checked';

export { configGlobs };

/** Folders never searched for reports. */
export const SKIPPED_FOLDERS = ['**/node_modules/**', '**/.git/**'];

/** Reports under a folder (absolute paths, sorted): Markdown, and Word files when `docx`. Word's lock files (~$name.docx) are not documents. */
export async function reportFilesIn(dir: string, opts: { docx: boolean }): Promise<string[]> {
  const patterns = opts.docx ? ['**/*.md', '**/*.docx', '!**/~$*'] : ['**/*.md'];
  const found = await fastGlob()(patterns, { cwd: dir, absolute: true, dot: false, ignore: SKIPPED_FOLDERS, followSymbolicLinks: false });
  return found.sort();
}

/** The file's path relative to the config's folder, with forward slashes (what `ignore`/`include` globs match). */
function configRelative(file: string, base: string): string {
  return relative(base, file).replace(/\\/g, '/');
}

/** The config's `ignore` globs match this file. */
export function isIgnored(file: string, config: ResolvedConfig, base: string): boolean {
  return isIgnoredRel(configRelative(file, base), config);
}

/** The config's `include` globs match this file: checked even if its text is not detected as Vietnamese. */
export function isIncluded(file: string, config: ResolvedConfig, base: string): boolean {
  return isIncludedRel(configRelative(file, base), config);
}

/**
 * Is this Markdown file checked? (checked.ts isCheckedRel, with the path made
 * relative to the config's folder.) `file` undefined: an unsaved buffer, no globs apply.
 */
export function isCheckedFile(text: string, config: ResolvedConfig, where: { file?: string; base?: string; explicit?: boolean; allMarkdown?: boolean }): boolean {
  const rel = where.file !== undefined && where.base !== undefined ? configRelative(where.file, where.base) : undefined;
  return isCheckedRel(text, config, { rel, explicit: where.explicit, allMarkdown: where.allMarkdown });
}

export interface ReadOk {
  text: string;
  bom: boolean;
  raw: Buffer;
  mtimeMs: number;
}

/** Read a file as UTF-8 text; binary or non-UTF-8 content is an error, not a crash. */
export function readText(file: string): ReadOk | { error: string } {
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

/** Bytes (a file's, or standard input's) as UTF-8 text, or why not. */
export function decodeText(raw: Buffer, mtimeMs: number): ReadOk | { error: string } {
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
