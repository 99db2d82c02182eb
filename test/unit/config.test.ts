import { strict as assert } from 'node:assert';
import { loadConfig, check } from '../helpers/engine';

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
