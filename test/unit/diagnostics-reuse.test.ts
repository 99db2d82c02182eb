// The server's Diagnostic reuse while typing (features/diagnostics.ts reuseDiagnostics): after any
// edit, the reused list must equal the one built from scratch, and an edit in the middle of a report
// must rebuild only the few diagnostics whose line it touched.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { allRules, checkSteps, DocumentCache, getDefaultConfig, LineIndex, type Finding } from '../helpers/engine';
import { fixtureFiles } from '../helpers/fixtures';
import { generateReport, loadMaterial } from '../bench/generate';
import { reuseDiagnostics, samePrefix, sameSuffix, toDiagnostic, type SentDiagnostics } from '../../server/src/features/diagnostics';

const config = getDefaultConfig();
const URI = 'file:///r/report.md';
const DOCS = 'https://example.org/rules/';

function run(text: string, cache: DocumentCache): Finding[] {
  const it = checkSteps(text, allRules, config, { cache });
  for (;;) {
    const r = it.next();
    if (r.done) return r.value;
  }
}

/** One publish: the diagnostics reused from `prev`, counting the ones built anew. */
function publish(prev: SentDiagnostics | undefined, text: string, findings: Finding[]): { sent: SentDiagnostics; made: number } {
  const lines = new LineIndex(text);
  let made = 0;
  const diagnostics = reuseDiagnostics(prev, text, lines, findings, (f) => {
    made++;
    return toDiagnostic(f, lines, URI, 'vi', DOCS);
  });
  return { sent: { text, lines, findings, diagnostics }, made };
}

const fresh = (text: string, findings: Finding[]) => {
  const lines = new LineIndex(text);
  return findings.map((f) => toDiagnostic(f, lines, URI, 'vi', DOCS));
};

// Edits around line ends (LF, CRLF, a lone CR), inside surrogate pairs and before combining marks, and words.
const pieces = ['\n', '\r', '\r\n', '\n\n', ' ', 'x', '5', '%', 'cho cho ', '😀', '\ud83d', '\u0301', '# ', '| '];
const edit = fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), del: fc.nat({ max: 6 }), ins: fc.constantFrom(...pieces) });

describe('diagnostics reused while typing equal fresh ones', function () {
  this.timeout(300000);
  const seed = Number(process.env.VNHR_FC_SEED ?? 20261208);

  it('samePrefix and sameSuffix: across the slice boundary, and never overlapping', () => {
    const a = 'x'.repeat(5000) + 'A' + 'y'.repeat(3000);
    const b = 'x'.repeat(5000) + 'BC' + 'y'.repeat(3000);
    assert.equal(samePrefix(a, b), 5000);
    assert.equal(sameSuffix(a, b, a.length - 5000), 3000);
    assert.equal(samePrefix(a, a), a.length);
    // "aa" -> "aaa": the prefix takes 2, the suffix only what is left of the shorter text.
    assert.equal(sameSuffix('aa', 'aaa', 2 - samePrefix('aa', 'aaa')), 0);
    const long = 'z'.repeat(4096 * 3);
    assert.equal(samePrefix(long, long + 'q'), long.length);
    assert.equal(sameSuffix('q' + long, long, long.length), long.length);
  });

  it('random edit sequences on fixtures and a generated report (LF and CRLF)', () => {
    const bases = [...fixtureFiles().slice(0, 12).map((p) => readFileSync(p, 'utf8')), generateReport(loadMaterial(), 8 * 1024, 5)];
    bases.push(bases[bases.length - 1].replace(/\n/g, '\r\n'));
    fc.assert(
      fc.property(fc.nat({ max: bases.length - 1 }), fc.array(edit, { minLength: 1, maxLength: 6 }), (bi, edits) => {
        const cache = new DocumentCache();
        let text = bases[bi];
        let prev = publish(undefined, text, run(text, cache)).sent;
        for (const e of edits) {
          const at = Math.min(text.length, Math.floor(e.at * text.length));
          text = text.slice(0, at) + e.ins + text.slice(Math.min(text.length, at + e.del));
          const findings = run(text, cache);
          prev = publish(prev, text, findings).sent;
          assert.deepEqual(prev.diagnostics, fresh(text, findings));
        }
      }),
      { numRuns: 120, seed },
    );
  });

  it('typing in the middle of a report rebuilds only the diagnostics of that line', () => {
    const cache = new DocumentCache();
    let text = generateReport(loadMaterial(), 60 * 1024, 7);
    let prev = publish(undefined, text, run(text, cache)).sent;
    assert.ok(prev.diagnostics.length > 40, `a report with findings (${prev.diagnostics.length})`);
    // A line break typed (every later line moves) and a word typed, each in the middle.
    for (const ins of ['\n', 'cho cho ', '\r\n']) {
      const at = text.indexOf(' ', text.length >> 1) + 1;
      text = text.slice(0, at) + ins + text.slice(at);
      const findings = run(text, cache);
      const r = publish(prev, text, findings);
      assert.deepEqual(r.sent.diagnostics, fresh(text, findings));
      const line = r.sent.lines.positionAt(at).line;
      // Rebuilt: those near the edit, and those whose message changed (one naming a line number after the edit).
      const oldMessages = new Set(prev.findings.map((f) => f.message.vi));
      const expected = findings.filter((f) => Math.abs(r.sent.lines.positionAt(f.start).line - line) <= 1 || !oldMessages.has(f.message.vi)).length;
      assert.ok(r.made <= expected, `${JSON.stringify(ins)}: ${r.made} rebuilt of ${findings.length} (${expected} near the edit or with a new message)`);
      assert.ok(r.made < findings.length / 2, `${JSON.stringify(ins)}: most reused (${r.made} rebuilt of ${findings.length})`);
      prev = r.sent;
    }
  });
});
