// Heap retained per memo entry after a full check with a DocumentCache (node --expose-gc).
const R = process.cwd() + '/test/out/server/src/engine/';
const e = require(R + 'index.js');
const { checkSteps, DocumentCache } = require(R + 'engine.js');
const text = require('fs').readFileSync(process.argv[2], 'utf8');
const config = e.getDefaultConfig();
gc(); const base = process.memoryUsage().heapUsed;
const cache = new DocumentCache();
const it = checkSteps(text, e.allRules, config, { cache }); let r; while (!(r = it.next()).done);
const findings = r.value;
gc(); const full = process.memoryUsage().heapUsed;
console.log('heap retained by cache+findings MB', ((full - base) / 1048576).toFixed(1), 'rss MB', (process.memoryUsage().rss / 1048576).toFixed(0));
// Drop one memo key at a time from every block to see what it holds.
const blocks = cache.blocksFor(cache.chunksFor(text), config.key).blocks;
const keys = new Set(); for (const b of blocks) for (const k of b.memo.keys()) keys.add(k);
// Drop memo keys one after the other (cumulative): what each frees.
let prev = full;
for (const k of keys) {
  for (const b of blocks) b.memo.delete(k);
  gc(); const after = process.memoryUsage().heapUsed;
  console.log(k.padEnd(30), ((prev - after) / 1048576).toFixed(1), 'MB');
  prev = after;
}
console.log('left (blocks, findings)', ((prev - base) / 1048576).toFixed(1), 'MB;', findings.length, 'findings');
