// Engine time of the indicator rules on a ~1 MB report built from the real
// corpus and the indicator fixtures (a quick measurement, not a test):
//   node scripts/build.mjs && npx tsc -b && node test/out/test/bench/indicators-bench.js
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { check, getDefaultConfig, DocumentCache, type CheckStats } from '../helpers/engine';
import { corpusDocs, REPO_ROOT } from '../helpers/corpus';

const RULES = ['indicator-conflict', 'indicator-implausible', 'fraction-percent-mismatch'];
const fixtures = join(REPO_ROOT, 'test', 'fixtures');
const parts = [
  ...corpusDocs().map((d) => d.text),
  ...['indicator-conflict.md', 'indicator-implausible.md', 'fraction-percent-mismatch.md'].map((f) => readFileSync(join(fixtures, f), 'utf8')),
  ...readdirSync(join(fixtures, 'indicators')).map((f) => readFileSync(join(fixtures, 'indicators', f), 'utf8')),
].map((t) => t.replace(/<!--[^>]*-->/g, ''));
let text = '# Báo cáo tổng hợp năm 2023\n\n';
for (let i = 0; text.length < 1_000_000; i++) text += `\n\n## Phần ${i + 1}\n\n` + parts[i % parts.length].replace(/^# /gm, '### ');
const config = getDefaultConfig();

function run(label: string, only: readonly string[] | undefined, cache = new DocumentCache(), t = text): number {
  const stats = {} as CheckStats;
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const findings = check(t, config, { only, cache, stats });
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(c0);
  const ours = findings.filter((f) => RULES.includes(f.rule)).length;
  // CPU time too: on a shared machine wall time mostly measures the other processes.
  console.log(`${label.padEnd(44)} ${ms.toFixed(0).padStart(6)} ms wall, ${((cpu.user + cpu.system) / 1000).toFixed(0).padStart(6)} ms CPU  (parse ${stats.msParse.toFixed(0)} ms, indicator family ${(stats.msByFamily.indicator ?? 0).toFixed(0)} ms, ${stats.blocks} blocks, ${ours} indicator findings)`);
  return ms;
}

console.log(`document: ${(text.length / 1e6).toFixed(2)} M UTF-16 units, ${text.split('\n').length} lines`);
run('indicator rules only, cold', RULES);
run('indicator rules only, cold (again, JIT warm)', RULES);
run('all rules, cold', undefined);
const cache = new DocumentCache();
run('indicator rules, fill the block cache', RULES, cache);
const edited = text.replace('Năm 2023, toàn tỉnh đạt 12,5 bác sĩ/vạn dân', 'Năm 2023, toàn tỉnh đạt 12,6 bác sĩ/vạn dân');
run('indicator rules, after a one-figure edit (cached)', RULES, cache, edited);
