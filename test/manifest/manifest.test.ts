// The extension manifest (package.json "contributes" and friends): every command
// has a title in English and Vietnamese, every setting a description in both, the
// scopes and restrictions are right, the files it points to exist, the shipped
// config schema lists every rule of the registry, and every runtime UI string of
// the client has a Vietnamese translation.
import { strict as assert } from 'node:assert';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { allRules, configSchema } from '../helpers/engine';
import { REPO_ROOT } from '../helpers/corpus';

type Json = Record<string, unknown>;
const read = (p: string): Json => JSON.parse(readFileSync(join(REPO_ROOT, p), 'utf8')) as Json;

const pkg = read('package.json') as {
  icon?: string;
  l10n?: string;
  activationEvents?: string[];
  capabilities: { untrustedWorkspaces: { supported: boolean | string; description?: string; restrictedConfigurations?: string[] } };
  contributes: {
    commands: { command: string; title: string; category?: string }[];
    menus?: Record<string, { command: string }[]>;
    configuration: { title: string; properties: Record<string, Json & { scope?: string; enum?: unknown[]; markdownDescription?: string; description?: string; enumDescriptions?: string[]; markdownEnumDescriptions?: string[] }> };
    jsonValidation: { fileMatch: string | string[]; url: string }[];
    snippets: { language: string; path: string }[];
    grammars: { scopeName: string; path: string; injectTo?: string[] }[];
  };
};
const nls = { en: read('package.nls.json') as Record<string, string>, vi: read('package.nls.vi.json') as Record<string, string> };

/** The text of a %key% placeholder in one language. */
function text(value: string | undefined, lang: 'en' | 'vi'): string {
  assert.ok(value, 'missing');
  const m = /^%([^%]+)%$/.exec(value);
  assert.ok(m, `"${value}" is not localized (use a %key% from package.nls.json)`);
  const t = nls[lang][m[1]];
  assert.ok(typeof t === 'string' && t.trim().length > 0, `no ${lang} text for %${m[1]}%`);
  return t;
}

function assertBothLanguages(value: string | undefined, what: string): void {
  const en = text(value, 'en');
  const vi = text(value, 'vi');
  assert.notEqual(en, vi, `${what}: the Vietnamese text is the English one`);
  // Vietnamese text has Vietnamese letters; a copy of the English would not.
  assert.match(vi, /[àáảãạăắằẳẵặâấầẩẫậèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵđ]/i, `${what}: Vietnamese text without Vietnamese letters: ${vi}`);
}

const COMMANDS: Record<string, string> = {
  'vnHealthReport.fixAll': 'Fix all auto-fixable problems',
  'vnHealthReport.newFromTemplate': 'New report from template…',
  'vnHealthReport.showIndicatorSummary': 'Show indicator summary',
  'vnHealthReport.restartServer': 'Restart server',
  'vnHealthReport.showLog': 'Show server log',
  'vnHealthReport.importWord': 'Import Word report…',
  'vnHealthReport.exportWord': 'Export to Word…',
  'vnHealthReport.indicators.refresh': 'Refresh indicators',
  'vnHealthReport.indicators.switchScope': 'Indicators: switch between the workspace and the current file',
  'vnHealthReport.indicators.exportCsv': 'Export indicators to CSV…',
};

// Setting -> scope. Window: one value per VS Code window (language of the UI,
// tracing); resource: may differ per workspace folder.
const SETTINGS: Record<string, string> = {
  'vnHealthReport.enable': 'resource',
  'vnHealthReport.run': 'resource',
  'vnHealthReport.debounceMs': 'resource',
  'vnHealthReport.locale': 'window',
  'vnHealthReport.rules': 'resource',
  'vnHealthReport.terms': 'resource',
  'vnHealthReport.checkAllMarkdown': 'resource',
  'vnHealthReport.scope': 'resource',
  'vnHealthReport.templates.folder': 'resource',
  'vnHealthReport.report.year': 'resource',
  'vnHealthReport.report.unitName': 'resource',
  'vnHealthReport.trace.server': 'window',
  'vnHealthReport.rulePages.baseUrl': 'window',
};

describe('manifest (package.json)', () => {
  describe('commands', () => {
    it('contributes exactly the documented commands', () => {
      assert.deepEqual(pkg.contributes.commands.map((c) => c.command).sort(), Object.keys(COMMANDS).sort());
    });
    for (const c of pkg.contributes.commands) {
      it(`${c.command} has a title and category in English and Vietnamese`, () => {
        assertBothLanguages(c.title, c.command);
        assertBothLanguages(c.category, `${c.command} category`);
        assert.equal(`${text(c.category, 'en')}: ${text(c.title, 'en')}`, `Vietnamese Health Report: ${COMMANDS[c.command]}`);
      });
    }
    it('every contributed command is registered by the client', () => {
      const src = readdirSync(join(REPO_ROOT, 'client', 'src'))
        .filter((f) => f.endsWith('.ts'))
        .map((f) => readFileSync(join(REPO_ROOT, 'client', 'src', f), 'utf8'))
        .join('\n');
      for (const id of Object.keys(COMMANDS)) {
        const constant = [...src.matchAll(/(?:const|let)\s+(\w+)\s*=\s*'([\w.]+)'/g)].find((m) => m[2] === id)?.[1];
        const registered = src.includes(`registerCommand('${id}'`) || (constant !== undefined && src.includes(`registerCommand(${constant}`));
        assert.ok(registered, `${id} is contributed but never registered in client/src`);
      }
    });
    it('the indicator panel is a webview view in the panel area (a wide table) with a localized name', () => {
      const more = pkg.contributes as { views?: Record<string, { type?: string; id: string; name: string }[]>; viewsContainers?: Record<string, { id: string; title: string }[]> };
      const container = more.viewsContainers?.panel?.find((x) => x.id === 'vnHealthReport');
      assert.ok(container, 'no vnHealthReport container in the panel area');
      assertBothLanguages(container.title, 'panel container');
      const v = more.views?.vnHealthReport?.find((x) => x.id === 'vnHealthReport.indicators');
      assert.ok(v, 'no vnHealthReport.indicators view in the container');
      assert.equal(v.type, 'webview');
      assertBothLanguages(v.name, 'indicators view');
      assert.equal(text(v.name, 'vi'), 'Bảng chỉ số');
    });
    it('menus only name contributed commands', () => {
      for (const [menu, items] of Object.entries(pkg.contributes.menus ?? {}))
        for (const i of items) assert.ok(COMMANDS[i.command], `${menu}: unknown command ${i.command}`);
    });
  });

  describe('settings', () => {
    const props = pkg.contributes.configuration.properties;
    it('contributes exactly the documented settings, under a localized title', () => {
      assert.deepEqual(Object.keys(props).sort(), Object.keys(SETTINGS).sort());
      assertBothLanguages(pkg.contributes.configuration.title, 'configuration title');
    });
    for (const [key, p] of Object.entries(props)) {
      it(`${key}: description in both languages, right scope, enum descriptions`, () => {
        assertBothLanguages(p.markdownDescription ?? p.description, key);
        assert.equal(p.scope, SETTINGS[key], `${key} scope`);
        assert.ok('default' in p, `${key} has no default`);
        if (p.enum) {
          const descs = p.markdownEnumDescriptions ?? p.enumDescriptions;
          assert.ok(descs, `${key}: enum without descriptions`);
          assert.equal(descs.length, p.enum.length, `${key}: one description per enum value`);
          descs.forEach((d, i) => assertBothLanguages(d, `${key} = ${String(p.enum?.[i])}`));
          assert.ok(p.enum.includes(p.default), `${key}: default not in enum`);
        }
      });
    }
    it('defaults are the documented ones', () => {
      const d = (k: string) => props[`vnHealthReport.${k}`].default;
      assert.equal(d('enable'), true);
      assert.equal(d('run'), 'onType');
      assert.equal(d('debounceMs'), 300);
      assert.equal(d('locale'), 'auto');
      assert.equal(d('checkAllMarkdown'), false);
      assert.equal(d('scope'), 'workspace');
      assert.equal(d('templates.folder'), '.vnhr/templates');
      assert.equal(d('report.year'), null);
      assert.equal(d('report.unitName'), '');
      assert.equal(d('trace.server'), 'off');
      assert.deepEqual(d('rules'), {});
      assert.deepEqual(d('terms'), {});
    });
    it('settings that name a path are restricted in untrusted workspaces', () => {
      const restricted = pkg.capabilities.untrustedWorkspaces.restrictedConfigurations ?? [];
      for (const key of Object.keys(props)) {
        const isPath = /folder|path|file|dir/i.test(key);
        if (isPath) assert.ok(restricted.includes(key), `${key} names a path but is not in restrictedConfigurations`);
      }
      for (const r of restricted) assert.ok(props[r], `restrictedConfigurations names an unknown setting ${r}`);
      assert.ok(restricted.includes('vnHealthReport.templates.folder'));
    });
    it('rules and terms accept what .vnhrrc.json accepts', () => {
      const rules = props['vnHealthReport.rules'] as { additionalProperties: { anyOf: { enum?: string[] }[] } };
      const schemaRules = (configSchema() as { properties: { rules: { properties: Record<string, { oneOf: { enum?: string[] }[] }> } } }).properties.rules.properties;
      const levels = Object.values(schemaRules)[0]?.oneOf[0].enum ?? [];
      assert.deepEqual(rules.additionalProperties.anyOf[0].enum, levels);
    });
  });

  describe('capabilities and contributions', () => {
    it('declares limited support for untrusted workspaces, with a reason in both languages', () => {
      assert.equal(pkg.capabilities.untrustedWorkspaces.supported, 'limited');
      assertBothLanguages(pkg.capabilities.untrustedWorkspaces.description, 'untrustedWorkspaces');
    });
    it('validates .vnhrrc.json with the shipped schema', () => {
      const v = pkg.contributes.jsonValidation.find((j) => [j.fileMatch].flat().includes('.vnhrrc.json'));
      assert.ok(v);
      assert.ok(existsSync(join(REPO_ROOT, v.url)), v.url);
    });
    it('the shipped schema is the current one and lists every rule of the registry', () => {
      const shipped = read('schemas/vnhrrc.schema.json') as { properties: { rules: { properties: Record<string, unknown> } } };
      const ids = allRules.map((r) => r.meta.id);
      assert.ok(ids.length > 0);
      for (const id of ids) assert.ok(shipped.properties.rules.properties[id], `rule ${id} missing from schemas/vnhrrc.schema.json (run node scripts/build.mjs)`);
      assert.deepEqual(Object.keys(shipped.properties.rules.properties).sort(), [...ids].sort());
      assert.deepEqual(shipped, configSchema());
    });
    it('injects the figures grammar into Markdown', () => {
      const g = pkg.contributes.grammars.find((x) => x.injectTo?.includes('text.html.markdown'));
      assert.ok(g);
      const grammar = read(g.path) as { scopeName: string; injectionSelector: string };
      assert.equal(grammar.scopeName, g.scopeName);
      assert.match(grammar.injectionSelector, /text\.html\.markdown/);
    });
    it('points at files that exist (snippets, icon, l10n)', () => {
      for (const s of pkg.contributes.snippets) assert.ok(existsSync(join(REPO_ROOT, s.path)), s.path);
      assert.ok(pkg.icon && existsSync(join(REPO_ROOT, pkg.icon)), 'icon');
      assert.ok(pkg.l10n && existsSync(join(REPO_ROOT, pkg.l10n, 'bundle.l10n.vi.json')), 'l10n/bundle.l10n.vi.json');
      for (const f of ['LICENSE', 'CHANGELOG.md', 'README.md', '.vscodeignore']) assert.ok(existsSync(join(REPO_ROOT, f)), f);
    });
    it('the icon is a PNG of at least 128×128', () => {
      const b = readFileSync(join(REPO_ROOT, pkg.icon ?? ''));
      assert.equal(b.subarray(0, 8).toString('hex'), '89504e470d0a1a0a', 'PNG signature');
      assert.ok(b.readUInt32BE(16) >= 128 && b.readUInt32BE(20) >= 128, 'size');
      assert.ok(statSync(join(REPO_ROOT, pkg.icon ?? '')).size < 100_000, 'icon under 100 kB');
    });
    it('every %key% resolves, and no key is left unused', () => {
      const raw = readFileSync(join(REPO_ROOT, 'package.json'), 'utf8');
      const used = new Set([...raw.matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]));
      for (const k of used) {
        assert.ok(k in nls.en, `%${k}% missing from package.nls.json`);
        assert.ok(k in nls.vi, `%${k}% missing from package.nls.vi.json`);
      }
      assert.deepEqual(Object.keys(nls.en).sort(), [...used].sort(), 'package.nls.json keys = keys used');
      assert.deepEqual(Object.keys(nls.vi).sort(), Object.keys(nls.en).sort(), 'package.nls.vi.json keys = package.nls.json keys');
    });
  });

  describe('runtime strings (vscode.l10n.t)', () => {
    const bundle = read('l10n/bundle.l10n.vi.json') as Record<string, string>;
    const src = readdirSync(join(REPO_ROOT, 'client', 'src'))
      .filter((f) => f.endsWith('.ts'))
      .map((f) => readFileSync(join(REPO_ROOT, 'client', 'src', f), 'utf8'))
      .join('\n');
    // String literals passed to vscode.l10n.t: '...' or "..." (no template literals, by convention).
    const used = [...src.matchAll(/l10n\.t\(\s*(?:'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)")/g)].map((m) => (m[1] ?? m[2]).replace(/\\(['"\\])/g, '$1'));
    it('the client uses vscode.l10n.t', () => assert.ok(used.length >= 5, String(used.length)));
    it('every string has a Vietnamese translation with the same {n} arguments', () => {
      for (const s of new Set([...used, 'Vietnamese Health Report', '{0} problems in this report', 'No problems', 'Fixed {0} problem(s)', 'Nothing to fix', 'The vnhr server crashed; restarting', 'Config file error: {0}'])) {
        const vi = bundle[s];
        assert.ok(vi, `no Vietnamese for "${s}" in l10n/bundle.l10n.vi.json`);
        const args = (x: string) => [...x.matchAll(/\{\d+\}/g)].map((m) => m[0]).sort();
        assert.deepEqual(args(vi), args(s), `"${s}" -> "${vi}": arguments differ`);
      }
    });
  });
});
