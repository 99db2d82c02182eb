// `vnhr check --cache`: the findings of each file kept between runs, keyed by
// a hash of the file's text and of the resolved config, in one JSON file per
// cache folder. The whole file is dropped when the tool (version + engine
// build) differs; a missing, unreadable or damaged file is an empty cache, so
// deleting the folder is always safe.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync, unlinkSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Finding, ResolvedConfig } from './engine';
import { VERSION } from './version';
import { ENGINE_BUILD } from './buildId';

export const CACHE_FILE = 'vnhr-cache.json';
const FORMAT = 1;
const TOOL = `${VERSION}+${ENGINE_BUILD}`;

interface Entry {
  /** sha256 of config key and text. */
  h: string;
  f: Finding[];
}

interface Stored {
  format: number;
  tool: string;
  files: Record<string, Entry>;
}

/**
 * The default folder: node_modules/.cache/vnhr under the current folder when
 * it has node_modules (where build tools keep their caches), else the user's
 * cache folder (XDG_CACHE_HOME or ~/.cache; Library/Caches on macOS; LOCALAPPDATA on Windows).
 */
export function defaultCacheDir(cwd: string, env: NodeJS.ProcessEnv = process.env): string {
  if (existsSync(join(cwd, 'node_modules'))) return join(cwd, 'node_modules', '.cache', 'vnhr');
  if (process.platform === 'win32' && env.LOCALAPPDATA) return join(env.LOCALAPPDATA, 'vnhr', 'Cache');
  if (process.platform === 'darwin') return join(homedir(), 'Library', 'Caches', 'vnhr');
  return join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'vnhr');
}

export class FindingsCache {
  private files: Record<string, Entry> = Object.create(null) as Record<string, Entry>;
  private dirty = false;
  readonly file: string;
  hits = 0;
  misses = 0;

  constructor(dir: string) {
    this.file = join(resolve(dir), CACHE_FILE);
    let stored: Stored | undefined;
    try {
      stored = JSON.parse(readFileSync(this.file, 'utf8')) as Stored;
    } catch {
      stored = undefined; // none yet, or damaged: start empty
    }
    if (stored && stored.format === FORMAT && stored.tool === TOOL && stored.files && typeof stored.files === 'object') Object.assign(this.files, stored.files);
    else this.dirty = existsSync(this.file);
  }

  static hash(text: string, config: ResolvedConfig): string {
    return createHash('sha256').update(config.key).update('\0').update(text).digest('base64');
  }

  /** The findings stored for this file, if its text and config are the same as then. */
  get(file: string, hash: string): Finding[] | undefined {
    const e = this.files[file];
    if (e && e.h === hash && Array.isArray(e.f)) {
      this.hits++;
      return e.f;
    }
    this.misses++;
    return undefined;
  }

  set(file: string, hash: string, findings: Finding[]): void {
    this.files[file] = { h: hash, f: findings };
    this.dirty = true;
  }

  /** Write the cache (through a temporary file renamed over it); an error is returned, never thrown: the check's result stands. */
  save(): string | undefined {
    if (!this.dirty) return undefined;
    const stored: Stored = { format: FORMAT, tool: TOOL, files: this.files };
    const tmp = `${this.file}.${process.pid}.tmp`;
    try {
      mkdirSync(join(this.file, '..'), { recursive: true });
      writeFileSync(tmp, JSON.stringify(stored));
      renameSync(tmp, this.file);
      this.dirty = false;
      return undefined;
    } catch (e) {
      try {
        unlinkSync(tmp);
      } catch {
        /* nothing written */
      }
      return `cannot write the cache ${this.file} (${(e as Error).message})`;
    }
  }
}
