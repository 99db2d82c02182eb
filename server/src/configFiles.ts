// Finding and reading .vnhrrc.json (node side, shared by the CLI and the server).
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { loadConfig, type ResolvedConfig, type ConfigProblem, LineIndex } from './engine';

export const CONFIG_NAMES = ['.vnhrrc.json', '.vnhrrc'];

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

/** Read and parse a config file; a read error is a problem, never a throw. */
export function readConfigFile(path: string): LoadedConfig {
  let text = '';
  try {
    if (statSync(path).size > 5_000_000) {
      return { path, text: '', ...loadConfig(''), problems: [{ message: 'Config file is larger than 5 MB; defaults are used.', start: 0, end: 0, severity: 'error' }] };
    }
    text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
  } catch (e) {
    const r = loadConfig('{}');
    return { path, text: '', config: r.config, problems: [{ message: `Cannot read config: ${(e as Error).message}`, start: 0, end: 0, severity: 'error' }] };
  }
  return { path, text, ...loadConfig(text) };
}

/** "file:line:col: message" for a config problem. */
export function formatConfigProblem(c: LoadedConfig, p: ConfigProblem): string {
  const pos = new LineIndex(c.text).positionAt(p.start);
  return `${c.path}:${pos.line + 1}:${pos.character + 1}: ${p.severity}: ${p.message}`;
}
