import { strict as assert } from 'node:assert';
import { createHash } from 'node:crypto';
import Ajv, { type ErrorObject } from 'ajv';
import { loadConfig, check, configSchema, allRules } from '../helpers/engine';
import { validate as generated, SCHEMA_HASH } from '../../server/src/engine/config-validate.generated';

const validate = generated as typeof generated & { errors?: ErrorObject[] | null };

const SLIP = 'Năm 2024, ngành y tế đã hoàn thành  tốt các nhiệm vụ được giao.\n';

describe('config (.vnhrrc.json)', () => {
  it('turns a rule off and sets severities and options', () => {
    const { config, problems } = loadConfig('// c\n{ "rules": { "whitespace": "off" } }');
    assert.deepEqual(problems, []);
    assert.equal(check(SLIP, config).length, 0);
    const e = loadConfig('{ "rules": { "whitespace": ["error", {}] } }').config;
    assert.equal(check(SLIP, e)[0].severity, 'error');
  });
  it('reports invalid JSON with its offset and uses the defaults', () => {
    const text = '{ "rules": { "whitespace": "off" }, oops }';
    const { config, problems } = loadConfig(text);
    assert.ok(problems.length >= 1);
    assert.equal(problems[0].severity, 'error');
    assert.equal(text.slice(problems[0].start, problems[0].start + 4), 'oops');
    assert.equal(check(SLIP, config).length, 1, 'defaults: whitespace on');
  });
  it('drops unknown rule ids and wrong values, keeps the rest, and says where', () => {
    const text = '{ "rules": { "no-such-rule": "error", "whitespace": "loud" }, "failOn": "never", "ignore": 5 }';
    const { config, problems } = loadConfig(text);
    const msgs = problems.map((p) => p.message).join('\n');
    assert.match(msgs, /Unknown rule id "no-such-rule"/);
    assert.match(msgs, /whitespace/);
    assert.match(msgs, /ignore/);
    const unknown = problems.find((p) => /no-such-rule/.test(p.message))!;
    assert.equal(text.slice(unknown.start, unknown.end), '"no-such-rule"');
    assert.equal(config.failOn, 'never', 'valid keys still apply');
    assert.equal(config.rules.whitespace.enabled, true, 'a bad rule value falls back to the default');
  });
  it('refuses non-objects and enormous files without throwing', () => {
    assert.equal(loadConfig('[1,2]').problems[0].severity, 'error');
    assert.equal(loadConfig('').problems.length >= 1, true);
    const big = '{"terms":{"a":[' + '"x",'.repeat(1_300_000) + '"y"]}}';
    assert.match(loadConfig(big).problems[0].message, /too large/);
  });
});

// The validator is generated at build time (ajv standalone code, scripts/build.mjs) so no run
// compiles the schema; it must say exactly what ajv compiling today's schema says.
describe('config validator (generated at build time)', () => {
  const runtime = new Ajv({ allErrors: true, strict: false }).compile(configSchema());
  const strip = (errs: ErrorObject[] | null | undefined) => (errs ?? []).map((e) => ({ instancePath: e.instancePath, keyword: e.keyword, params: e.params, message: e.message }));
  const rules = allRules.map((r) => r.meta.id);
  // Values tried at every place of the schema: right and wrong types, enums, shapes.
  const levels: unknown[] = ['off', 'error', 'warning', 'information', 'hint', 'loud', 3, null, [], ['warning'], ['warning', {}], ['off', { nope: 1 }], ['error', {}, {}], [{}], 'Warning'];
  const samples: unknown[] = [
    {},
    { $schema: '../schemas/vnhrrc.schema.json', rules: { whitespace: 'warning' }, terms: { 'COVID-19': ['Covid-19', 'covid 19'] } },
    { rules: { 'spelling-consistency': ['warning', { iy: 'y', vaccine: 'vắc-xin', agencyCapitals: true }] } },
    { rules: { 'spelling-consistency': ['warning', { iy: 'z' }] } },
    { rules: { 'tone-mark-style': ['information', { prefer: 'reformed' }] }, failOn: 'never' },
    { rules: { 'tone-mark-style': ['information', { prefer: 'new' }] }, failOn: 'sometimes' },
    { rules: { 'task-count-incomplete': ['hint', { reportRemaining: 'yes' }] } },
    { rules: { 'term-spelling': ['warning', { builtin: false }] }, terms: { HIV: [''] } },
    { rules: { 'common-misspelling': ['warning', { phrases: ['Bệnh viện Phổi tỉnh', ''] }] } },
    { indicators: [{ id: 'ty_le_x', name_vi: 'Tỷ lệ X', unit: '%', kind: 'percent', plausible_min: 0, plausible_max: 100 }, { id: 'Bad Id' }, { name_vi: 'no id' }, 5] },
    { indicators: [{ id: 'a', denominator: 'girls', kind: 'years', per: '10' }], taskNouns: ['nhiệm vụ', ''], knownAbbreviations: ['BHYT', 4] },
    { abbreviations: { BHYT: 'bảo hiểm y tế', X: 1 }, ignore: ['nhap/**', 3], include: 'english/**' },
    { crossFile: { enabled: false, groups: [['a/**', 'b/**'], [], [''], 'x'], other: 1 } },
    { crossFile: true, misspellings: [{ wrong: 'sử lý', right: 'xử lý', unlessPrev: ['x'], unlessNext: [''], safe: 'no', note: 1, extra: 2 }, { wrong: 'a' }, 'x'] },
    { unknownKey: 1, rules: { 'no-such-rule': 'error' }, terms: [] },
    { rules: [] },
    { rules: 'off' },
    [],
    'text',
  ];
  for (const id of rules) for (const l of levels) samples.push({ rules: { [id]: l } });

  it('was compiled from the schema of the current rules', () => {
    assert.equal(SCHEMA_HASH, createHash('sha256').update(JSON.stringify(configSchema())).digest('hex').slice(0, 16));
  });
  it('accepts and rejects the same configs as ajv compiling the schema, with the same errors', () => {
    let rejected = 0;
    for (const s of samples) {
      const ok = runtime(s);
      assert.equal(validate(s), ok, JSON.stringify(s));
      assert.deepEqual(strip(validate.errors), strip(runtime.errors), JSON.stringify(s));
      if (!ok) rejected++;
    }
    assert.ok(rejected > samples.length / 3 && rejected < samples.length, `${rejected} of ${samples.length} rejected`);
  });
  it('is what loadConfig uses (no schema compiled at run time)', () => {
    // A wrong option value is reported by the generated validator's error and dropped.
    const { config, problems } = loadConfig('{ "rules": { "tone-mark-style": ["warning", { "prefer": "new" }] } }');
    assert.ok(problems.some((p) => /tone-mark-style\.1\.prefer.*majority/.test(p.message)), problems.map((p) => p.message).join('\n'));
    assert.equal(config.rules['tone-mark-style'].options.prefer, undefined, 'the bad entry is dropped');
  });
});
