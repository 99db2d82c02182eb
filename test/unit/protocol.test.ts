// server/src/protocol.ts: what the client and the server must decide alike.
import { strict as assert } from 'node:assert';
import { uiLocale } from '../../server/src/protocol';

describe('protocol: the UI locale both sides pick', () => {
  it('the setting wins when it names a locale', () => {
    assert.equal(uiLocale('en', 'vi'), 'en');
    assert.equal(uiLocale('vi', 'en-US'), 'vi');
  });
  it('"auto" (or anything else) follows the editor language: vi and vi-* are Vietnamese, other tags English', () => {
    assert.equal(uiLocale('auto', 'vi'), 'vi');
    assert.equal(uiLocale('auto', 'VI-vn'), 'vi');
    assert.equal(uiLocale('auto', 'en'), 'en');
    assert.equal(uiLocale('auto', 'zh-tw'), 'en');
    assert.equal(uiLocale(42, 'fr'), 'en');
  });
  it('no language named (a client that sends no locale): Vietnamese, the reports\' language', () => {
    assert.equal(uiLocale('auto', undefined), 'vi');
    assert.equal(uiLocale(undefined, ''), 'vi');
  });
});
