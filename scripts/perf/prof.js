// Full check of one file, all rules, per-rule times (first rule to ask for a shared analysis pays for it).
// Run from a worktree after `npx tsc -b`: node scripts/perf/prof.js REPORT [runs]
const R = process.cwd() + '/test/out/server/src/engine/';
const e = require(R + 'index.js');
const { checkSteps } = require(R + 'engine.js');
const text = require('fs').readFileSync(process.argv[2], 'utf8');
const config = e.getDefaultConfig();
function run(stats) { const it = checkSteps(text, e.allRules, config, { stats }); let r; while (!(r = it.next()).done); return r.value; }
for (let i = 0; i < 2; i++) run();
const rows = []; let stats;
for (let i = 0; i < (+process.argv[3] || 5); i++) { stats = {}; const c0 = process.cpuUsage(); const t = performance.now(); const f = run(stats); rows.push(`${Math.round(performance.now() - t)}ms wall/${Math.round(process.cpuUsage(c0).user / 1000)}ms cpu/${f.length} findings`); }
console.log(rows.join('  '));
console.log('parse', Math.round(stats.msParse), JSON.stringify(Object.fromEntries(Object.entries(stats.msByRule).map(([k, v]) => [k, Math.round(v)]).sort((a, b) => b[1] - a[1]))));
