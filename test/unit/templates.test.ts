// Report templates: the snippets (snippets/*.json) and the bundled team-format
// templates (templates/*.md). Every one, filled with its defaults, and with each
// of its choices in turn, must pass the checker with no finding at all: a
// template that the checker complains about teaches the wrong thing.
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { check, LineIndex, type Finding } from '../helpers/engine';
import { REPO_ROOT } from '../helpers/corpus';
import { expandSnippet } from '../helpers/snippets';
import { parseTemplate,
  templateToSnippet,
  standardVariables,
  formatDateParts,
  parsePlaceholders,
  variablesUsed,
  escapeSnippetText, isInsideAny, normalizeUriPath, safeTemplateName } from '../../client/src/templateFill';

interface SnippetDef {
  prefix: string | string[];
  body: string | string[];
  description?: string;
}

// What the editor puts for the variables the snippets use: days before and after
// the 10th, months that the decree pads (01, 02) and that it does not.
const VARIABLE_SETS: Record<string, string>[] = [
  { CURRENT_DATE: '05', CURRENT_MONTH: '01', CURRENT_YEAR: '2025' },
  { CURRENT_DATE: '29', CURRENT_MONTH: '06', CURRENT_YEAR: '2025' },
  { CURRENT_DATE: '10', CURRENT_MONTH: '12', CURRENT_YEAR: '2026' },
];
const SNIPPET_VARIABLES = VARIABLE_SETS[0];
// Today's month as the decree writes it (01, 02, 3 … 12) from $CURRENT_MONTH (01 … 12).
const THIS_MONTH = '${CURRENT_MONTH/^0([3-9])$/$1/}';

function describeFindings(text: string, findings: readonly Finding[]): string {
  const li = new LineIndex(text);
  return findings
    .map((f) => {
      const p = li.positionAt(f.start);
      const line = text.split('\n')[p.line];
      return `  ${p.line + 1}:${p.character + 1} ${f.rule}: ${f.message.en}\n    | ${line}\n    | ${' '.repeat(p.character)}^ "${text.slice(f.start, f.end)}"`;
    })
    .join('\n');
}

function assertClean(text: string, what: string): void {
  const findings = check(text);
  assert.equal(findings.length, 0, `${what} has findings:\n${describeFindings(text, findings)}\n--- text ---\n${text}`);
  // The same text decomposed (as some editors save it) must be just as clean:
  // apart from unicode-normalization, whose job is to report exactly that.
  const nfd = check(text.normalize('NFD')).filter((f) => f.rule !== 'unicode-normalization');
  assert.equal(nfd.length, 0, `${what} (NFD) has findings:\n${describeFindings(text.normalize('NFD'), nfd)}`);
}

/** Every variant worth checking: defaults, then each option of each choice. */
function variants(choices: Map<number, string[]>): { name: string; pick: (n: number) => number }[] {
  const out: { name: string; pick: (n: number) => number }[] = [{ name: 'defaults and first choices', pick: () => 0 }];
  for (const [n, options] of choices) for (let k = 1; k < options.length; k++) out.push({ name: `choice ${n} = "${options[k]}"`, pick: (m: number) => (m === n ? k : 0) });
  return out;
}

const snippetFiles = readdirSync(join(REPO_ROOT, 'snippets')).filter((f) => f.endsWith('.json')).sort();
const templateFiles = readdirSync(join(REPO_ROOT, 'templates')).filter((f) => f.endsWith('.md')).sort();

describe('templates: snippets (snippets/*.json)', () => {
  it('are contributed to Markdown by the manifest, with unique prefixes', () => {
    const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { contributes: { snippets: { language: string; path: string }[] } };
    const contributed = pkg.contributes.snippets.map((s) => s.path.replace(/^\.\//, ''));
    assert.deepEqual(contributed.sort(), snippetFiles.map((f) => `snippets/${f}`).sort());
    assert.ok(pkg.contributes.snippets.every((s) => s.language === 'markdown'));
    const prefixes: string[] = [];
    for (const f of snippetFiles) {
      const defs = JSON.parse(readFileSync(join(REPO_ROOT, 'snippets', f), 'utf8')) as Record<string, SnippetDef>;
      for (const d of Object.values(defs)) prefixes.push(...(Array.isArray(d.prefix) ? d.prefix : [d.prefix]));
    }
    assert.equal(new Set(prefixes).size, prefixes.length, `duplicate prefixes: ${prefixes.join(', ')}`);
  });

  for (const f of snippetFiles) {
    const defs = JSON.parse(readFileSync(join(REPO_ROOT, 'snippets', f), 'utf8')) as Record<string, SnippetDef>;
    describe(f, () => {
      for (const [name, def] of Object.entries(defs)) {
        it(`${name}: has a prefix, a description in both languages and a body`, () => {
          assert.ok((Array.isArray(def.prefix) ? def.prefix : [def.prefix]).length > 0);
          assert.match(def.description ?? '', / \/ /, 'description: "Vietnamese / English"');
          assert.ok((Array.isArray(def.body) ? def.body.join('\n') : def.body).trim().length > 0);
        });
        it(`${name}: expanded with its defaults and with every choice, passes the checker`, () => {
          const { choices } = expandSnippet(def.body, { variables: SNIPPET_VARIABLES });
          for (const v of variants(choices)) {
            const { text } = expandSnippet(def.body, { variables: SNIPPET_VARIABLES, choice: v.pick });
            assert.doesNotMatch(text, /\$\{|\$\d/, 'unexpanded placeholder');
            assertClean(text, `${f} "${name}" (${v.name})`);
          }
          for (const vars of VARIABLE_SETS.slice(1)) assertClean(expandSnippet(def.body, { variables: vars }).text, `${f} "${name}" (${JSON.stringify(vars)})`);
        });
      }
    });
  }

  it('dates in snippets: the month is a choice of the decree\'s forms, or today\'s in that form', () => {
    let today = 0;
    for (const f of snippetFiles) {
      const defs = JSON.parse(readFileSync(join(REPO_ROOT, 'snippets', f), 'utf8')) as Record<string, SnippetDef>;
      for (const [name, def] of Object.entries(defs)) {
        const body = Array.isArray(def.body) ? def.body.join('\n') : def.body;
        for (const m of body.matchAll(/tháng \$\{\d+\|([^|]*)\|\}/g)) {
          assert.deepEqual(m[1].split(',').sort(), ['01', '02', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12'].sort(), `${name}: month choices`);
        }
        // $CURRENT_MONTH pads March to December; the decree does not: only the transformed form.
        const uses = body.split('CURRENT_MONTH').length - 1;
        const transformed = body.split(THIS_MONTH).length - 1;
        assert.equal(uses, transformed, `${name}: $CURRENT_MONTH without the transform ${THIS_MONTH}`);
        today += transformed;
      }
    }
    assert.ok(today >= 3, 'the header, the date line and the conference use today\'s month');
    const pad = (mm: string) => expandSnippet(`tháng ${THIS_MONTH}`, { variables: { CURRENT_MONTH: mm } }).text;
    assert.deepEqual(['01', '02', '03', '09', '10', '12'].map(pad), ['tháng 01', 'tháng 02', 'tháng 3', 'tháng 9', 'tháng 10', 'tháng 12']);
  });
});

describe('templates: bundled team-format templates (templates/*.md)', () => {
  it('there are bundled templates', () => assert.ok(templateFiles.length >= 3, templateFiles.join(', ')));

  for (const f of templateFiles) {
    const raw = readFileSync(join(REPO_ROOT, 'templates', f), 'utf8');
    describe(f, () => {
      const info = parseTemplate(raw);
      it('has a name and a description, and only documented or defaulted placeholders', () => {
        assert.ok(info.name && info.name.length > 5, 'name');
        assert.ok(info.description && info.description.length > 5, 'description');
        assert.doesNotMatch(info.body, /vnhr-template/);
        // A placeholder without a default must be a standard variable, or the writer sees its bare name.
        const withDefault = new Set(parsePlaceholders(info.body).filter((p) => p.kind === 'var' && ('def' in p && p.def !== undefined || 'choices' in p && p.choices)).map((p) => (p as { name: string }).name));
        for (const v of variablesUsed(info.body)) {
          assert.ok(withDefault.has(v) || ['year', 'nextYear', 'previousYear', 'today', 'day', 'month', 'currentYear'].includes(v), `\${${v}} has no default`);
        }
      });

      const settingsCases = [
        { name: 'with year and unit name set', vars: standardVariables({ year: 2024, unitName: 'Sở Y tế tỉnh Quảng Nam', now: new Date(2025, 0, 5) }) },
        { name: 'with no settings', vars: standardVariables({ year: null, unitName: '', now: new Date(2025, 5, 29) }) },
      ];
      for (const sc of settingsCases) {
        it(`filled ${sc.name}, with every choice, passes the checker`, () => {
          const filled = templateToSnippet(info.body, sc.vars);
          const { choices } = expandSnippet(filled.snippet);
          for (const v of variants(choices)) {
            const { text } = expandSnippet(filled.snippet, { choice: v.pick });
            assert.doesNotMatch(text, /\$\{/, 'unfilled placeholder');
            assertClean(text, `${f} (${sc.name}, ${v.name})`);
          }
          // The plain text the command falls back to is what the snippet shows.
          assert.equal(expandSnippet(filled.snippet).text, filled.text);
        });
      }
    });
  }
});

describe('templates: filling ${...} placeholders (client/src/templateFill.ts)', () => {
  it('writes dates as the decree does: day < 10 and months 1, 2 zero-padded', () => {
    assert.deepEqual(formatDateParts(new Date(2025, 1, 5)), { day: '05', month: '02', year: '2025' });
    assert.deepEqual(formatDateParts(new Date(2025, 0, 31)), { day: '31', month: '01', year: '2025' });
    assert.deepEqual(formatDateParts(new Date(2019, 5, 29)), { day: '29', month: '6', year: '2019' });
    assert.deepEqual(formatDateParts(new Date(2023, 2, 9)), { day: '09', month: '3', year: '2023' });
    assert.deepEqual(formatDateParts(new Date(2024, 11, 10)), { day: '10', month: '12', year: '2024' });
    assert.equal(standardVariables({ now: new Date(2025, 1, 5) }).today, 'ngày 05 tháng 02 năm 2025');
  });

  it('takes the year from the setting, else the current year; the unit name only when set', () => {
    const a = standardVariables({ year: 2024, unitName: '  Sở Y tế tỉnh Lạng Sơn ', now: new Date(2025, 0, 2) });
    assert.equal(a.year, '2024');
    assert.equal(a.nextYear, '2025');
    assert.equal(a.previousYear, '2023');
    assert.equal(a.unitName, 'Sở Y tế tỉnh Lạng Sơn');
    assert.equal(a.unitNameUpper, 'SỞ Y TẾ TỈNH LẠNG SƠN');
    const b = standardVariables({ year: null, unitName: '', now: new Date(2026, 6, 1) });
    assert.equal(b.year, '2026');
    assert.equal(b.currentYear, '2026');
    assert.ok(!('unitName' in b) && !('unitNameUpper' in b));
  });

  it('fills known variables and turns the others into tab stops, one per name', () => {
    const r = templateToSnippet('Năm ${year}: ${a:mặc định}, ${b|một,hai|}, lại ${a}, ${year}.', { year: '2024' });
    assert.equal(r.snippet, 'Năm 2024: ${1:mặc định}, ${2|một,hai|}, lại ${1}, 2024.');
    assert.equal(r.text, 'Năm 2024: mặc định, một, lại mặc định, 2024.');
    assert.deepEqual(r.tabStops, ['a', 'b']);
  });

  it('a default given anywhere serves every occurrence, and an empty variable falls back to it', () => {
    const r = templateToSnippet('${unitName} và ${unitName:Sở Y tế}', { unitName: '' });
    assert.equal(r.snippet, '${1:Sở Y tế} và ${1}');
    assert.equal(expandSnippet(r.snippet).text, 'Sở Y tế và Sở Y tế');
  });

  it('"xUpper" follows the tab stop of x in upper case when neither has a value', () => {
    const r = templateToSnippet('**${unitNameUpper}**\n\n${unitName:Sở Y tế tỉnh Hòa Bình} báo cáo.', {});
    assert.equal(r.snippet, '**${1/(.*)/${1:/upcase}/}**\n\n${1:Sở Y tế tỉnh Hòa Bình} báo cáo.');
    assert.equal(expandSnippet(r.snippet).text, '**SỞ Y TẾ TỈNH HÒA BÌNH**\n\nSở Y tế tỉnh Hòa Bình báo cáo.');
    assert.equal(r.text, expandSnippet(r.snippet).text);
  });

  it('escapes literal $, } and \\ for the snippet, and keeps \\${ as a literal ${', () => {
    const r = templateToSnippet('Giá 5$ {x} a\\b } \\${year} ${year}', { year: '2024' });
    assert.equal(expandSnippet(r.snippet).text, 'Giá 5$ {x} a\\b } ${year} 2024');
    assert.equal(r.text, 'Giá 5$ {x} a\\b } ${year} 2024');
    assert.equal(escapeSnippetText('$1 } \\'), '\\$1 \\} \\\\');
  });

  it('leaves malformed placeholders as text', () => {
    for (const s of ['${', '${}', '${ year}', '${year', '${a:không đóng\n}', '${a|x', '${1abc}']) {
      const r = templateToSnippet(s, { year: '2024' });
      assert.equal(r.text, s, s);
      assert.equal(expandSnippet(r.snippet).text, s, s);
      assert.deepEqual(r.tabStops, []);
    }
  });

  it('accepts Vietnamese placeholder names and escaped } in defaults', () => {
    const r = templateToSnippet('${tên_tỉnh:Quảng Nam} ${ghi_chú:a\\}b}', {});
    assert.deepEqual(r.tabStops, ['tên_tỉnh', 'ghi_chú']);
    assert.equal(r.text, 'Quảng Nam a}b');
    assert.equal(expandSnippet(r.snippet).text, 'Quảng Nam a}b');
  });

  it('reads the header comment, else the first heading, as the template name', () => {
    const a = parseTemplate('<!-- vnhr-template\nname: Mẫu A\ndescription: Mô tả\n-->\n\n# Tiêu đề\n');
    assert.deepEqual(a, { name: 'Mẫu A', description: 'Mô tả', body: '# Tiêu đề\n' });
    const b = parseTemplate('Lời đầu\n\n## **Báo cáo** quý ##\n');
    assert.equal(b.name, 'Báo cáo quý');
    assert.equal(b.body, 'Lời đầu\n\n## **Báo cáo** quý ##\n');
    const c = parseTemplate('<!-- not a template header -->\nx');
    assert.equal(c.body, '<!-- not a template header -->\nx');
  });

  it('is linear on long and hostile input', () => {
    for (const big of ['${'.repeat(50_000) + '${a:' + 'x'.repeat(50_000), '${a|'.repeat(50_000), '${a:'.repeat(50_000), '${' + 'a'.repeat(100_000)]) {
      const r = templateToSnippet(big, {});
      assert.equal(r.text, big);
    }
  });
});

describe('template paths stay inside the extension or the workspace (issue 15)', () => {
  it('the command argument is a plain template file name, never a path', () => {
    assert.equal(safeTemplateName('bao-cao-tong-ket-nam.md'), 'bao-cao-tong-ket-nam.md');
    for (const bad of ['../../../../etc/passwd', '..\\..\\secret.md', 'sub/a.md', '/etc/passwd', 'C:\\x.md', 'C:x.md', '..', '.hidden.md', '', 'a\u0000.md'])
      assert.equal(safeTemplateName(bad), undefined, JSON.stringify(bad));
  });
  it('templates.folder must resolve inside the workspace folder or the extension', () => {
    const roots = ['/home/u/project', '/home/u/.vscode/extensions/vnhr'];
    assert.ok(isInsideAny('/home/u/project/.vnhr/templates', roots));
    assert.ok(isInsideAny('/home/u/project/./docs/../mau', roots));
    assert.ok(!isInsideAny('/home/u/project/../../../etc', roots));
    assert.ok(!isInsideAny('/home/u/project-other/templates', roots), 'a sibling with the same prefix is outside');
    assert.ok(!isInsideAny('/etc/templates', roots));
    assert.ok(isInsideAny('/C:/Users/u/project/mau', ['/c:/Users/u/project']), 'drive letters compare in any case');
    assert.equal(normalizeUriPath('/a/b/../../..//c/'), '/c');
  });
});

