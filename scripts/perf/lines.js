// Hot lines of one function from a --cpu-prof dir: node lines.js DIR functionName [file-substring]
const fs = require('fs'); const [dir, fn, file] = process.argv.slice(2);
const f = fs.readdirSync(dir).filter((x) => x.endsWith('.cpuprofile')).sort().pop();
const p = JSON.parse(fs.readFileSync(dir + '/' + f));
const lines = new Map(); let url = '';
for (const n of p.nodes) if (n.callFrame.functionName === fn && (!file || n.callFrame.url.includes(file)) && n.positionTicks) { url = n.callFrame.url; for (const t of n.positionTicks) lines.set(t.line, (lines.get(t.line) || 0) + t.ticks); }
const src = url ? fs.readFileSync(url.replace('file://', ''), 'utf8').split('\n') : [];
[...lines].sort((a, b) => b[1] - a[1]).slice(0, 15).forEach(([l, t]) => console.log(t, l, (src[l - 1] || '').trim().slice(0, 120)));
