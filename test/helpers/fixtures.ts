// The fixture convention: a Markdown file whose expected findings are written on
// the line they belong to, as an HTML comment:
//     Hoàn thành nhiệm nhiệm vụ. <!-- expect: duplicate-word -->
//     Two on one line: <!-- expect: whitespace, whitespace -->
// A line-level marker may also stand alone on the line BEFORE the finding:
//     <!-- expect-next-line: indicator-conflict -->
// A fixture without markers asserts that nothing is found. An optional first
// line `<!-- vnhr-config {"rules": {"abbreviation-undefined": "information"}} -->`
// sets the config for that fixture.
//
// A fixture `<id>.md` of a rule with safe fixes has `<id>.fixed.md` beside it:
// the exact text after fix-all. `.fixed.md` files are expected output, never
// fixtures themselves.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { configFromObject, getDefaultConfig, type ResolvedConfig, type Finding, LineIndex } from './engine';
import { REPO_ROOT } from './corpus';

export const FIXTURES = join(REPO_ROOT, 'test', 'fixtures');
export const FIXED_SUFFIX = '.fixed.md';

/** Every fixture file under `dir` (default test/fixtures), sorted, recursively; not the .fixed.md outputs. */
export function fixtureFiles(dir = FIXTURES): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((f) => {
      const p = join(dir, f);
      return statSync(p).isDirectory() ? fixtureFiles(p) : f.endsWith('.md') && !f.endsWith(FIXED_SUFFIX) ? [p] : [];
    });
}

/** The expected fix-all output beside a fixture. */
export function fixedPathOf(fixture: string): string {
  return fixture.slice(0, -'.md'.length) + FIXED_SUFFIX;
}

export interface Expected {
  line: number; // zero-based
  rule: string;
}

const EXPECT = /<!--\s*expect(-next-line)?:\s*([^>]*?)\s*-->/g;
const CONFIG = /^<!--\s*vnhr-config\s+([\s\S]*?)-->/;

export function parseFixture(text: string): { expected: Expected[]; config: ResolvedConfig } {
  const expected: Expected[] = [];
  const lines = text.split(/\r\n|\r|\n/);
  lines.forEach((line, i) => {
    EXPECT.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = EXPECT.exec(line))) {
      for (const id of m[2].split(',').map((s) => s.trim()).filter(Boolean)) expected.push({ line: m[1] ? i + 1 : i, rule: id });
    }
  });
  const cm = CONFIG.exec(text);
  const config = cm ? configFromObject(JSON.parse(cm[1])) : getDefaultConfig();
  return { expected, config };
}

/** Findings as sorted "line:rule" keys (1-based lines, for readable diffs). */
export function keysOf(text: string, findings: readonly Finding[], ignore: readonly string[] = []): string[] {
  const li = new LineIndex(text);
  return findings
    .filter((f) => !ignore.includes(f.rule))
    .map((f) => `${li.positionAt(f.start).line + 1}:${f.rule}`)
    .sort();
}

export function expectedKeys(expected: readonly Expected[], ignore: readonly string[] = []): string[] {
  return expected
    .filter((e) => !ignore.includes(e.rule))
    .map((e) => `${e.line + 1}:${e.rule}`)
    .sort();
}
