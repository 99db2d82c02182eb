// Finding and reading .vnhrrc.json (node side, shared by the CLI and the server).
import { closeSync, constants, existsSync, fstatSync, openSync, readSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { loadConfig, type ResolvedConfig, type ConfigProblem, LineIndex } from './engine';
import { CONFIG_NAMES } from './checked';

export { CONFIG_NAMES };

/** The nearest config file from `dir` upward, or undefined. */
export function findConfigFile(dir: string): string | undefined {
  let cur = resolve(dir);
  for (;;) {
    for (const n of CONFIG_NAMES) {
      const p = join(cur, n);
      if (existsSync(p)) return p;
    }
    const up = dirname(cur);
    if (up === cur) return undefined;
    cur = up;
  }
}

export interface LoadedConfig {
  path: string;
  config: ResolvedConfig;
  problems: ConfigProblem[];
  text: string;
}

/** Config files larger than this are refused (counted while reading: a device reports size 0). */
export const CONFIG_MAX_BYTES = 5_000_000;

/**
 * Read and parse a config file; a read error is a problem, never a throw.
 * Only a regular file is read (a committed symlink to /dev/zero or a FIFO
 * would read forever or block), and never more than CONFIG_MAX_BYTES.
 */
export function readConfigFile(path: string): LoadedConfig {
  const fail = (message: string): LoadedConfig => ({ path, text: '', ...loadConfig('{}'), problems: [{ message, start: 0, end: 0, severity: 'error' }] });
  let text = '';
  let fd: number | undefined;
  try {
    // O_NONBLOCK: opening a FIFO for reading would wait for a writer.
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    if (!fstatSync(fd).isFile()) return fail('Cannot read config: not a regular file (a device, FIFO or folder); defaults are used.');
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const buf = Buffer.allocUnsafe(65536);
      const n = readSync(fd, buf, 0, buf.length, null);
      if (n === 0) break;
      total += n;
      if (total > CONFIG_MAX_BYTES) return fail('Config file is larger than 5 MB; defaults are used.');
      chunks.push(buf.subarray(0, n));
    }
    text = Buffer.concat(chunks).toString('utf8').replace(/^\uFEFF/, '');
  } catch (e) {
    return fail(`Cannot read config: ${(e as Error).message}`);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
  return { path, text, ...loadConfig(text) };
}

/** "file:line:col: message" for a config problem. */
export function formatConfigProblem(c: LoadedConfig, p: ConfigProblem): string {
  const pos = new LineIndex(c.text).positionAt(p.start);
  return `${c.path}:${pos.line + 1}:${pos.character + 1}: ${p.severity}: ${p.message}`;
}
