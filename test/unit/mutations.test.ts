// Mutation suite on the correct reports (test/reports/): each mutant carries one
// slip a careful reviewer would flag (test/helpers/mutate.ts lists the targets), and
// is labelled with the rule that should catch it.
//
//   recall(rule)   = mutants where that rule reports a finding on the mutated line
//                    (or points at it with a related range: a conflict is reported on
//                    the later mention, a sum on its total) / mutants of that rule
//   spurious       = findings of a high-stakes rule (indicator-, fraction-, task-, sum-,
//                    change-, or any warning/error) in a mutant that are neither in the
//                    unmutated report nor on/pointing at the mutated line
//
// Each report is checked through one DocumentCache, so a mutant re-checks only the
// chunk that changed (the engine guarantees the result equals a fresh check:
// test/unit/incremental.test.ts).
import { strict as assert } from 'node:assert';
import { check, DocumentCache, getDefaultConfig, rulesById, type Finding } from '../helpers/engine';
import { loadReports, isHighStakes, lineOf } from '../helpers/reports';
import { mutantsOf, TARGETS, type Mutant, type MutationRule } from '../helpers/mutate';

/**
 * Rules built on other branches, not in this branch's registry: their mutants are
 * generated and counted but not asserted (a notice is printed). The lead removes
 * this list at merge.
 */
const PENDING = new Set<string>([]);

/**
 * Rules whose recall on this branch's engine is below 0.9: the measured floor is
 * asserted (a regression still fails) and the gap printed. The lead empties this at
 * merge, once the indicator work (issue 13) lands. Numbers measured 2026-12-07.
 */
const KNOWN_LOW: Record<string, { floor: number; reason: string }> = {};

const RECALL = 0.9;

/**
 * Another rule whose job is the same slip also counts as a catch (shown apart in the
 * table): a unit slip may get its own rule (issue 13 item 5: "in indicator-implausible,
 * or a new rule"); a "% so cùng kỳ" cell is both a ratio of two cells and a change; a
 * share "X, chiếm Z%" of a stated total is both a fraction and a part of a sum.
 */
const ALSO_CAUGHT_BY: Partial<Record<MutationRule, string[]>> = {
  'indicator-implausible': ['indicator-unit-mismatch'],
  'fraction-percent-mismatch': ['change-mismatch', 'sum-mismatch'],
  'sum-mismatch': ['fraction-percent-mismatch'],
};

interface Row {
  mutants: number;
  caught: number;
  /** of `caught`, those caught only by a rule of ALSO_CAUGHT_BY */
  byAlt: number;
  missed: string[];
}

function touches(f: Finding, text: string, line: number): boolean {
  if (lineOf(text, f.start) === line) return true;
  return (f.related ?? []).some((r) => lineOf(text, r.start) === line);
}

describe('mutations of the correct reports (recall per rule)', function () {
  this.timeout(600_000);
  const reports = loadReports();
  const rows = new Map<MutationRule, Row>();
  const spurious: string[] = [];
  let total = 0;

  before(function () {
    const config = getDefaultConfig();
    for (const r of reports) {
      const cache = new DocumentCache();
      const base = check(r.text, config, { cache });
      const baseKeys = new Set(base.filter((f) => isHighStakes(f.rule, f.severity)).map((f) => `${f.rule}@${lineOf(r.text, f.start)}`));
      for (const m of mutantsOf(r.name, r.text)) {
        total++;
        const found = check(m.text, config, { cache });
        const row = rows.get(m.rule) ?? { mutants: 0, caught: 0, byAlt: 0, missed: [] };
        rows.set(m.rule, row);
        row.mutants++;
        const alt = ALSO_CAUGHT_BY[m.rule] ?? [];
        if (found.some((f) => f.rule === m.rule && touches(f, m.text, m.line))) row.caught++;
        else if (found.some((f) => alt.includes(f.rule) && touches(f, m.text, m.line))) {
          row.caught++;
          row.byAlt++;
        } else row.missed.push(describeMiss(m, found));
        for (const f of found) {
          if (!isHighStakes(f.rule, f.severity) || touches(f, m.text, m.line)) continue;
          if (baseKeys.has(`${f.rule}@${lineOf(m.text, f.start)}`)) continue;
          spurious.push(`${m.id}\n      → ${f.rule} line ${lineOf(m.text, f.start) + 1}: ${f.message.en}`);
        }
      }
    }
    printTable();
  });

  function describeMiss(m: Mutant, found: Finding[]): string {
    const near = found.filter((f) => touches(f, m.text, m.line)).map((f) => f.rule);
    return `${m.id} (line ${m.line + 1}; on that line: ${near.length ? [...new Set(near)].join(', ') : 'nothing'})`;
  }

  function printTable(): void {
    const lines = ['', '  slip (labelled rule)          mutants  caught  recall  (by another rule)'];
    for (const [rule, row] of [...rows].sort()) {
      const tag = PENDING.has(rule) ? '  (pending: not in registry)' : KNOWN_LOW[rule] ? '  (known low)' : '';
      lines.push(`  ${rule.padEnd(30)}${String(row.mutants).padStart(7)}${String(row.caught).padStart(8)}${(row.caught / row.mutants).toFixed(2).padStart(8)}${row.byAlt ? `  (${row.byAlt})` : ''}${tag}`);
    }
    lines.push(`  ${total} mutants; spurious high-stakes findings on unmutated lines: ${spurious.length}`);
    console.log(lines.join('\n'));
    if (process.env.VNHR_MUTATIONS_VERBOSE) {
      for (const [rule, row] of rows) for (const m of row.missed) console.log(`  miss ${rule}: ${m}`);
      for (const s of spurious) console.log(`  spurious: ${s}`);
    }
  }

  it('every target is found, unique, and changes its report', () => {
    for (const r of reports) {
      assert.ok(TARGETS[r.name]?.length, `no targets for ${r.name}`);
      const ms = mutantsOf(r.name, r.text);
      for (const m of ms) {
        assert.notEqual(m.text, r.text, m.id);
        assert.notEqual(m.before, m.after, m.id);
      }
      // deterministic: the same seeds give the same mutants
      assert.deepEqual(mutantsOf(r.name, r.text).map((m) => m.id), ms.map((m) => m.id));
    }
  });

  it('every labelled rule is registered or explicitly pending', () => {
    for (const rule of rows.keys()) {
      if (PENDING.has(rule)) {
        if (rulesById.has(rule)) console.log(`  [notice] ${rule} is now registered: remove it from PENDING`);
        continue;
      }
      assert.ok(rulesById.has(rule), `${rule} is neither registered nor pending`);
    }
  });

  it('no new high-stakes finding on an unmutated line (precision side)', () => {
    assert.equal(spurious.length, 0, `spurious findings:\n  ${spurious.join('\n  ')}`);
  });

  const ALL: MutationRule[] = [
    'indicator-conflict',
    'fraction-percent-mismatch',
    'indicator-ratio-mismatch',
    'indicator-implausible',
    'sum-mismatch',
    'change-mismatch',
    'task-count-exceeds',
    'task-count-list-mismatch',
    'task-total-conflict',
    'task-breakdown-mismatch',
  ];
  for (const rule of ALL) {
    // A rule below target says so in its title: its floor is what is asserted, not the target.
    it(KNOWN_LOW[rule] ? `${rule}: recall ≥ ${KNOWN_LOW[rule].floor} (known low; target ${RECALL})` : `${rule}: recall ≥ ${RECALL}`, function () {
      const row = rows.get(rule);
      assert.ok(row && row.mutants > 0, `no mutants for ${rule}`);
      const recall = row.caught / row.mutants;
      if (PENDING.has(rule)) {
        console.log(`  [notice] ${rule} pending (built on another branch): ${row.caught}/${row.mutants} caught here, not asserted`);
        this.skip();
      }
      const known = KNOWN_LOW[rule];
      if (known) {
        console.log(`  [notice] ${rule} known low: recall ${recall.toFixed(2)} (floor ${known.floor}): ${known.reason}`);
        assert.ok(recall >= known.floor, `${rule}: recall ${recall.toFixed(2)} fell below its measured floor ${known.floor}\n  ${row.missed.join('\n  ')}`);
        return;
      }
      assert.ok(recall >= RECALL, `${rule}: recall ${recall.toFixed(2)} < ${RECALL}; missed:\n  ${row.missed.join('\n  ')}`);
    });
  }
});
