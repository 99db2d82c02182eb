// One-character edits in the middle of a file through one DocumentCache (the server's path).
// node scripts/perf/edit.js REPORT
const R = process.cwd() + '/test/out/server/src/engine/';
const e = require(R + 'index.js');
const { checkSteps, DocumentCache } = require(R + 'engine.js');
const text = require('fs').readFileSync(process.argv[2], 'utf8');
const config = e.getDefaultConfig();
const cache = new DocumentCache();
function run(t, stats) { const it = checkSteps(t, e.allRules, config, { stats, cache }); let r; while (!(r = it.next()).done); return r.value; }
run(text);
const mid = text.indexOf(' ', text.length >> 1);
const times = []; let stats;
for (let i = 0; i < 12; i++) {
  const t2 = text.slice(0, mid) + (i % 2 ? 'a' : 'á') + text.slice(mid);
  stats = {}; const t = performance.now(); run(t2, stats); times.push(performance.now() - t);
}
console.log('edit ms:', times.map((x) => x.toFixed(1)).join(' '));
console.log("parse", stats.msParse.toFixed(1), "loop", stats.msLoop?.toFixed(1), "meta", stats.msMeta?.toFixed(1), "finish", stats.msFinish?.toFixed(1), JSON.stringify(Object.fromEntries(Object.entries(stats.msByRule).map(([k, v]) => [k, +v.toFixed(1)]).sort((a, b) => b[1] - a[1]))));
