// Self time by function from a --cpu-prof directory: node scripts/perf/top.js DIR [N]
const fs = require('fs'); const dir = process.argv[2];
const f = fs.readdirSync(dir).filter((x) => x.endsWith('.cpuprofile')).sort().pop();
const p = JSON.parse(fs.readFileSync(dir + '/' + f));
const self = new Map(); const counts = new Map();
p.samples.forEach((s, i) => counts.set(s, (counts.get(s) || 0) + (p.timeDeltas[i] || 0)));
let total = 0;
for (const n of p.nodes) { const t = (counts.get(n.id) || 0) / 1000; total += t; const cf = n.callFrame; const k = cf.functionName + ' ' + cf.url.split('/').slice(-2).join('/') + ':' + cf.lineNumber; self.set(k, (self.get(k) || 0) + t); }
console.log('total ms', Math.round(total));
[...self].sort((a, b) => b[1] - a[1]).slice(0, +process.argv[3] || 40).forEach(([k, v]) => console.log(Math.round(v), k));
