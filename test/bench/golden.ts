// A refactoring guard, not a test: `node test/out/test/bench/golden.js write F`
// records every finding (and the fix-all result) on the corpus (NFC and NFD),
// generated reports and all fixtures; `... compare F` re-runs and prints the
// differences. Speed work must leave this output unchanged.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { check, fixAll, getDefaultConfig, type Finding } from '../helpers/engine';
import { corpusDocs, REPO_ROOT } from '../helpers/corpus';
import { parseFixture } from '../helpers/fixtures';
import { generateReport, loadMaterial } from './generate';

const config = getDefaultConfig();
const line = (f: Finding) => JSON.stringify([f.rule, f.severity, f.start, f.end, f.message, f.related ?? null, f.fixes ?? null, f.data ?? null]);

function inputs(): { name: string; text: string; config: typeof config }[] {
  const out: { name: string; text: string; config: typeof config }[] = [];
  for (const d of corpusDocs()) {
    out.push({ name: d.name, text: d.text, config });
    out.push({ name: d.name + ' (NFD)', text: d.text.normalize('NFD'), config });
  }
  const walk = (d: string) => {
    for (const f of readdirSync(d).sort()) {
      const p = join(d, f);
      if (statSync(p).isDirectory()) walk(p);
      else if (f.endsWith('.md') && !f.endsWith('.fixed.md')) {
        const text = readFileSync(p, 'utf8');
        out.push({ name: p.slice(REPO_ROOT.length + 1), text, config: parseFixture(text).config });
      }
    }
  };
  walk(join(REPO_ROOT, 'test', 'fixtures'));
  const m = loadMaterial();
  for (const [kb, seed] of [[50, 2024], [200, 7], [1024, 2024]]) out.push({ name: `generated ${kb} KB seed ${seed}`, text: generateReport(m, kb * 1024, seed), config });
  return out;
}

const [mode, file] = process.argv.slice(2);
const got: Record<string, { findings: string[]; fixed: string }> = {};
for (const x of inputs()) {
  const findings = check(x.text, x.config).map(line);
  const fixed = createHash('sha1').update(fixAll(x.text, x.config).text).digest('hex');
  got[x.name] = { findings, fixed };
}
if (mode === 'write') {
  writeFileSync(file, JSON.stringify(got));
  console.log(`golden: wrote ${Object.keys(got).length} inputs, ${Object.values(got).reduce((n, g) => n + g.findings.length, 0)} findings`);
} else {
  const want = JSON.parse(readFileSync(file, 'utf8')) as typeof got;
  let diffs = 0;
  for (const name of new Set([...Object.keys(want), ...Object.keys(got)])) {
    const a = want[name];
    const b = got[name];
    if (!a || !b) {
      console.log(`${name}: ${a ? 'missing now' : 'new input'}`);
      diffs++;
      continue;
    }
    const sa = new Set(a.findings);
    const sb = new Set(b.findings);
    const lost = a.findings.filter((x) => !sb.has(x));
    const added = b.findings.filter((x) => !sa.has(x));
    if (lost.length || added.length || a.fixed !== b.fixed || a.findings.join('\n') !== b.findings.join('\n')) {
      diffs++;
      console.log(`${name}: -${lost.length} +${added.length}${a.fixed !== b.fixed ? ' (fix-all output differs)' : ''}${!lost.length && !added.length && a.fixed === b.fixed ? ' (order differs)' : ''}`);
      for (const x of lost.slice(0, 5)) console.log('  - ' + x.slice(0, 300));
      for (const x of added.slice(0, 5)) console.log('  + ' + x.slice(0, 300));
    }
  }
  console.log(diffs ? `golden: ${diffs} inputs differ` : `golden: all ${Object.keys(want).length} inputs identical`);
  process.exitCode = diffs ? 1 : 0;
}
