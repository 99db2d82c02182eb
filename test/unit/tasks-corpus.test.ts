// Task rules on the real corpus: (1) no false alarm — the findings equal an
// explicit list of expected ones, with reasons, in NFC and NFD; (2) mutation
// tests on the same documents: a count made impossible (7/6), half-written
// (6/, /6, 6//6), claimed complete, a wrong stated rest, a restated total that
// differs, and real enumerations turned into lists with an item removed or
// added. Precision and recall on the mutations are measured, printed, and held
// to a floor.
import { strict as assert } from 'node:assert';
import { check, LineIndex, type Finding } from '../helpers/engine';
import { describeCorpus, type CorpusDoc } from '../helpers/corpus';

const TASK_RULES = ['task-count-exceeds', 'task-count-malformed', 'task-count-incomplete', 'task-count-list-mismatch', 'task-total-conflict'];

const findings = (text: string): Finding[] => check(text, undefined, { only: TASK_RULES });

/** "line:rule:severity" (1-based lines). */
function keys(text: string, fs: readonly Finding[]): string[] {
  const li = new LineIndex(text);
  return fs.map((f) => `${li.positionAt(f.start).line + 1}:${f.rule}:${f.severity}`).sort();
}

/**
 * Every task finding on the corpus, each with the reason it is right. Anything
 * else is a false alarm. The two are the information "how many are left" on
 * a plain x < y count of targets, which the issue asks for. Counts of units
 * ("150/226 xã đạt Bộ tiêu chí") are coverage figures and get none.
 */
const EXPECTED: Record<string, { key: string; why: string }[]> = {
  'real/real-01.txt': [{ key: '17:task-count-incomplete:information', why: '“đạt 8/9 chỉ tiêu cho ngành, lĩnh vực”: 1 target not achieved' }],
  'real/real-07.txt': [{ key: '12:task-count-incomplete:information', why: '“đạt và vượt ... 13/16 chỉ tiêu cụ thể về y tế”: 3 targets not achieved' }],
};

describeCorpus('task rules on the real corpus', (docs) => {
  for (const form of ['NFC', 'NFD'] as const) {
    it(`finds exactly the expected task findings (${form})`, () => {
      const got: Record<string, string[]> = {};
      const want: Record<string, string[]> = {};
      for (const d of docs) {
        const text = d.text.normalize(form);
        const k = keys(text, findings(text));
        if (k.length) got[d.name] = k;
        const e = (EXPECTED[d.name] ?? []).map((x) => x.key).sort();
        if (e.length) want[d.name] = e;
      }
      assert.deepEqual(got, want);
    });
  }

  it('reads the loose enumerations of the seeds as such (not counted as lists)', () => {
    const seed = docs.find((d) => d.name === 'seeds/lang-son-2019.txt');
    const lc = docs.find((d) => d.name === 'seeds/lai-chau-2024.txt');
    if (!seed || !lc) return;
    assert.ok(seed.text.includes('6/6 nhiệm vụ trọng tâm'));
    assert.ok(lc.text.includes('vượt 3/3 chỉ tiêu'));
    const all = [...findings(seed.text), ...findings(lc.text)];
    assert.deepEqual(all.filter((f) => f.rule === 'task-count-list-mismatch'), []);
  });
});

// --- mutations ----------------------------------------------------------------

interface Expect {
  rule: string;
  severity?: string;
  /** 1-based line in the mutated text. */
  line: number;
}

interface Mutation {
  doc: string;
  kind: string;
  /** The text the mutation starts from (findings there are not new). */
  base: string;
  text: string;
  expect: Expect[];
}

/** Nouns the test itself calls counted (the list), independent of the engine's list. */
const ORACLE_COUNT = /(?<![\d/.,])(\d{1,4})\/(\d{1,4})(?![\d/])(?= (nhiệm vụ|chỉ tiêu|giải pháp|mục tiêu|xã|tỉnh|huyện|đơn vị|bệnh viện)(?![\p{L}]))/gu;
const TASK_NOUN = /^(nhiệm vụ|chỉ tiêu|giải pháp|mục tiêu)$/u;

const lineAt = (text: string, offset: number) => text.slice(0, offset).split('\n').length;

function splice(text: string, start: number, end: number, insert: string): string {
  return text.slice(0, start) + insert + text.slice(end);
}

/** End of the sentence containing `offset`: the next ". ", "; ", ".\n" or the line end. */
function sentenceEnd(text: string, offset: number): number {
  const re = /[.;](?=\s|$)|\n/g;
  re.lastIndex = offset;
  const m = re.exec(text);
  return m ? m.index : text.length;
}

function countMutations(d: CorpusDoc): Mutation[] {
  const out: Mutation[] = [];
  const text = d.text;
  for (const m of text.matchAll(ORACLE_COUNT)) {
    const s = m.index!;
    const e = s + m[1].length + 1 + m[2].length;
    const x = Number(m[1]);
    const y = Number(m[2]);
    const noun = m[3];
    const line = lineAt(text, s);
    const mk = (kind: string, t: string, expect: Expect[]) => out.push({ doc: d.name, kind, base: text, text: t, expect });
    mk('exceeds (y+1)/y', splice(text, s, e, `${y + 1}/${m[2]}`), [{ rule: 'task-count-exceeds', line }]);
    mk('no total x/', splice(text, s, e, `${m[1]}/`), [{ rule: 'task-count-malformed', line }]);
    mk('no count /y', splice(text, s, e, `/${m[2]}`), [{ rule: 'task-count-malformed', line }]);
    mk('double slash x//y', splice(text, s, e, `${m[1]}//${m[2]}`), [{ rule: 'task-count-malformed', line }]);
    // A completion claim on an incomplete count.
    const xi = x === y ? Math.max(0, y - 1) : x;
    mk('complete claim on x<y', splice(text, s, e, `toàn bộ ${xi}/${m[2]}`), [{ rule: 'task-count-incomplete', severity: 'warning', line }]);
    // A stated rest at the end of the sentence: wrong, and (control) right.
    const se = sentenceEnd(text, e);
    // The rest goes at the end of the sentence, or right after the count when another count of
    // the same noun follows in the sentence (the rest would then be read as that one's).
    const laterSame = [...text.slice(e, se).matchAll(ORACLE_COUNT)].some((q) => q[3] === noun);
    const at = laterSame ? e + 1 + noun.length : se;
    mk('wrong stated rest', splice(text, at, at, `, chỉ còn ${y - x + 1} ${noun}`), [{ rule: 'task-count-incomplete', severity: 'warning', line }]);
    mk('control: right stated rest', splice(text, at, at, `, chỉ còn ${y - x} ${noun}`), []);
    if (TASK_NOUN.test(noun)) {
      // The group's total restated later in the paragraph: different (conflict) and equal (control).
      const phraseEnd = (() => {
        const r = /[,.;:(\n]/g;
        r.lastIndex = e + 1;
        const q = r.exec(text);
        return q ? q.index : text.length;
      })();
      const phrase = text.slice(e + 1, phraseEnd).trim().split(/\s+/).slice(0, 16).join(' ');
      mk('restated total differs', splice(text, se + 1, se + 1, ` Như vậy, có ${y + 1} ${phrase}.`), [{ rule: 'task-total-conflict', line }]);
      mk('control: restated total equal', splice(text, se + 1, se + 1, ` Như vậy, có ${y} ${phrase}.`), []);
    }
  }
  return out;
}

type Style = 'bullet' | 'ordered' | 'inline-paren' | 'alpha-lines';

function render(items: string[], style: Style): string {
  switch (style) {
    case 'bullet':
      return '\n\n' + items.map((t) => `- ${t}`).join('\n') + '\n\n';
    case 'ordered':
      return '\n\n' + items.map((t, i) => `${i + 1}. ${t}`).join('\n') + '\n\n';
    case 'inline-paren':
      return ' ' + items.map((t, i) => `(${i + 1}) ${t}`).join('; ') + '.\n\n';
    case 'alpha-lines':
      return '\n' + items.map((t, i) => `${'abcdefghijklmnopqrstuvwxyz'[i]}) ${t}`).join(';\n') + '.\n\n';
  }
}

interface Enumeration {
  doc: string;
  /** Text before the items, ending with the introduction (":" added). */
  head: string;
  items: string[];
  tail: string;
  claimLine: number;
}

/** Real enumerations made explicit: the claimed number and its items, from the corpus text. */
function enumerations(docs: CorpusDoc[]): Enumeration[] {
  const out: Enumeration[] = [];
  const get = (n: string) => docs.find((d) => d.name === n)?.text;
  // real-12: "gồm 21 tỉnh, thành phố: A, B, ..., Z." (three groups).
  const r12 = get('real/real-12.txt');
  if (r12) {
    for (const m of r12.matchAll(/gồm (\d+) tỉnh, thành phố: ([^.]+)\./gu)) {
      const at = m.index! + m[0].indexOf(':') + 1;
      out.push({ doc: 'real/real-12.txt', head: r12.slice(0, at), items: m[2].split(', '), tail: r12.slice(m.index! + m[0].length), claimLine: lineAt(r12, m.index!) });
    }
  }
  // lang-son: "6/6 nhiệm vụ trọng tâm ... đó là: A; B và C; D; E và F." — six items.
  const ls = get('seeds/lang-son-2019.txt');
  if (ls) {
    const m = /đó là: ([^\n]+?)\.\n/u.exec(ls);
    if (m) {
      const parts = m[1].split('; ').flatMap((p) => p.split(/ và (?=\d|tỷ lệ)/u));
      const at = m.index + 'đó là:'.length;
      out.push({ doc: 'seeds/lang-son-2019.txt', head: ls.slice(0, at), items: parts, tail: ls.slice(m.index + m[0].length - 1), claimLine: lineAt(ls, m.index) });
    }
  }
  // lai-chau: "vượt 3/3 chỉ tiêu ... năm 2023 (A; B; C)."
  const lc = get('seeds/lai-chau-2024.txt');
  if (lc) {
    const m = /năm 2023 \(([^)]+)\)\./u.exec(lc);
    if (m) {
      const at = m.index + 'năm 2023'.length;
      out.push({ doc: 'seeds/lai-chau-2024.txt', head: lc.slice(0, at) + ':', items: m[1].split('; '), tail: lc.slice(m.index + m[0].length), claimLine: lineAt(lc, m.index) });
    }
  }
  // real-10: "chỉ 3 tỉnh thành cân đối được Quỹ BHYT là A, B và C."
  const r10 = get('real/real-10.txt');
  if (r10) {
    const m = /cân đối được Quỹ BHYT là ([^.]+)\./u.exec(r10);
    if (m) {
      const at = m.index + m[0].indexOf(' là') + 3;
      out.push({ doc: 'real/real-10.txt', head: r10.slice(0, at) + ':', items: m[1].split(/, | và /u), tail: r10.slice(m.index + m[0].length), claimLine: lineAt(r10, m.index) });
    }
  }
  // real-11: "đưa 2 bệnh viện mới đi vào hoạt động là A và B."
  const r11 = get('real/real-11.txt');
  if (r11) {
    const m = /đi vào hoạt động là ([^.]+)\./u.exec(r11);
    if (m) {
      const at = m.index + m[0].indexOf(' là') + 3;
      out.push({ doc: 'real/real-11.txt', head: r11.slice(0, at) + ':', items: m[1].split(' và '), tail: r11.slice(m.index + m[0].length), claimLine: lineAt(r11, m.index) });
    }
  }
  return out;
}

/** Typos in a year: a total of another year moved into the year of an earlier, different total. */
function yearMutations(docs: CorpusDoc[]): Mutation[] {
  const out: Mutation[] = [];
  const ls = docs.find((d) => d.name === 'seeds/lang-son-2019.txt');
  if (ls) {
    const m = /Trong năm 2020, ngành y tế đề ra 10 nhiệm vụ trọng tâm/u.exec(ls.text);
    if (m) {
      const line = lineAt(ls.text, m.index);
      // 2019 had 6/6 key tasks; "2019 ... 10 key tasks" contradicts it.
      out.push({ doc: ls.name, kind: 'year typo makes two totals of one group', base: ls.text, text: splice(ls.text, m.index, m.index + 14, 'Trong năm 2019'), expect: [{ rule: 'task-total-conflict', line }] });
      out.push({ doc: ls.name, kind: 'control: another year', base: ls.text, text: splice(ls.text, m.index, m.index + 14, 'Trong năm 2021'), expect: [] });
    }
  }
  return out;
}

function listMutations(docs: CorpusDoc[]): Mutation[] {
  const out: Mutation[] = [];
  for (const en of enumerations(docs)) {
    const original = docs.find((d) => d.name === en.doc)!.text;
    const head = en.head.endsWith(':') ? en.head : en.head.replace(/\s*$/, '') + ':';
    for (const style of ['bullet', 'ordered', 'inline-paren', 'alpha-lines'] as Style[]) {
      if (style === 'alpha-lines' && en.items.length > 26) continue;
      const build = (items: string[]) => head + render(items, style) + en.tail.replace(/^\s+/, '');
      const base = build(en.items);
      const expect = [{ rule: 'task-count-list-mismatch', line: en.claimLine }];
      out.push({ doc: en.doc, kind: `control: real enumeration as ${style}`, base: original, text: base, expect: [] });
      const mid = Math.floor(en.items.length / 2);
      out.push({ doc: en.doc, kind: `remove an item (${style})`, base, text: build(en.items.filter((_, i) => i !== mid)), expect });
      out.push({ doc: en.doc, kind: `remove the last item (${style})`, base, text: build(en.items.slice(0, -1)), expect });
      out.push({ doc: en.doc, kind: `add an item (${style})`, base, text: build([...en.items, en.items[0]]), expect });
      if (style === 'inline-paren') {
        // Removed without renumbering: "(1) A; (3) C". A gap in the numbering is ambiguous, so not counted.
        const gap = head + ' ' + en.items.map((t, i) => (i === mid ? '' : `(${i + 1}) ${t}`)).filter(Boolean).join('; ') + '.\n\n' + en.tail.replace(/^\s+/, '');
        out.push({ doc: en.doc, kind: 'remove an item without renumbering (inline-paren)', base, text: gap, expect });
      }
    }
  }
  return out;
}

/** Findings keyed by rule, severity and the text they cover (stable when lines move). */
function keyed(text: string, fs: readonly Finding[]): { key: string; line: number; rule: string; severity: string }[] {
  return fs.map((f) => ({ key: `${f.rule}|${f.severity}|${text.slice(f.start, f.end).normalize('NFC')}`, line: lineAt(text, f.start), rule: f.rule, severity: f.severity }));
}

interface Score {
  tp: number;
  fp: number;
  fn: number;
  misses: string[];
  falseAlarms: string[];
}

function score(muts: Mutation[], form: 'NFC' | 'NFD'): Record<string, Score> {
  const byKind: Record<string, Score> = {};
  for (const m0 of muts) {
    const mu = form === 'NFC' ? m0 : { ...m0, base: m0.base.normalize('NFD'), text: m0.text.normalize('NFD') };
    const kind = mu.kind.replace(/ \((bullet|ordered|inline-paren|alpha-lines)\)$/, '').replace(/ as (bullet|ordered|inline-paren|alpha-lines)$/, '');
    const sc = (byKind[kind] ??= { tp: 0, fp: 0, fn: 0, misses: [], falseAlarms: [] });
    const before = new Map<string, number>();
    for (const k of keyed(mu.base, findings(mu.base))) before.set(k.key, (before.get(k.key) ?? 0) + 1);
    const fresh = keyed(mu.text, findings(mu.text)).filter((k) => {
      const n = before.get(k.key) ?? 0;
      if (n > 0) {
        before.set(k.key, n - 1);
        return false;
      }
      return true;
    });
    for (const ex of mu.expect) {
      const i = fresh.findIndex((k) => k.rule === ex.rule && k.line === ex.line && (!ex.severity || k.severity === ex.severity));
      if (i >= 0) {
        sc.tp++;
        fresh.splice(i, 1);
      } else {
        sc.fn++;
        sc.misses.push(`${mu.doc} [${mu.kind}] expected ${ex.rule} on line ${ex.line}`);
      }
    }
    for (const k of fresh) {
      sc.fp++;
      sc.falseAlarms.push(`${mu.doc} [${mu.kind}] line ${k.line}: ${k.key}`);
    }
  }
  return byKind;
}

describeCorpus('task rules: mutation tests on the real corpus', (docs) => {
  const muts = [...docs.flatMap(countMutations), ...yearMutations(docs), ...listMutations(docs)];
  const byKind = score(muts, 'NFC');
  const total = Object.values(byKind).reduce((a, s) => ({ tp: a.tp + s.tp, fp: a.fp + s.fp, fn: a.fn + s.fn }), { tp: 0, fp: 0, fn: 0 });
  const precision = total.tp / Math.max(1, total.tp + total.fp);
  const recall = total.tp / Math.max(1, total.tp + total.fn);

  it('generates mutations from the real documents', () => {
    // 8 counts x 7 (+2 for the 6 task-noun counts) and 6 real enumerations x 4 styles.
    assert.ok(muts.length >= 80, `only ${muts.length} mutations`);
    const table = Object.entries(byKind)
      .map(([k, s]) => `    ${k.padEnd(48)} tp ${String(s.tp).padStart(3)}  fp ${String(s.fp).padStart(2)}  fn ${String(s.fn).padStart(2)}`)
      .join('\n');
    console.log(`    mutations: ${muts.length}; precision ${(precision * 100).toFixed(1)}% (${total.tp}/${total.tp + total.fp}), recall ${(recall * 100).toFixed(1)}% (${total.tp}/${total.tp + total.fn})\n${table}`);
  });

  it('raises no false alarm on any mutation or control (precision 100%)', () => {
    const fa = Object.values(byKind).flatMap((s) => s.falseAlarms);
    assert.deepEqual(fa, []);
  });

  it('scores the same on NFD text', () => {
    const nfd = score(muts, 'NFD');
    const brief = (r: Record<string, Score>) => Object.fromEntries(Object.entries(r).map(([k, s]) => [k, [s.tp, s.fp, s.fn]]));
    assert.deepEqual(brief(nfd), brief(byKind));
  });

  it('finds every mutation except numbering gaps, which are left alone on purpose', () => {
    const misses = Object.entries(byKind).flatMap(([k, s]) => (k.includes('without renumbering') ? [] : s.misses));
    assert.deepEqual(misses, []);
    assert.ok(recall >= 0.9, `recall ${recall}`);
  });
});
