import { strict as assert } from 'node:assert';
import { LineIndex } from '../helpers/engine';
import { nfcView } from '../../server/src/engine/document';

describe('LineIndex', () => {
  it('counts \\n, \\r\\n and lone \\r as LSP does', () => {
    const li = new LineIndex('a\r\nbc\rd\ne');
    assert.deepEqual(li.positionAt(0), { line: 0, character: 0 });
    assert.deepEqual(li.positionAt(3), { line: 1, character: 0 });
    assert.deepEqual(li.positionAt(6), { line: 2, character: 0 });
    assert.deepEqual(li.positionAt(8), { line: 3, character: 0 });
    assert.equal(li.offsetAt({ line: 1, character: 99 }), 5, 'clamped to the line end, before its EOL');
  });
  it('round-trips every offset in UTF-16 code units (emoji, NFD)', () => {
    const text = 'Việt'.normalize('NFD') + ' 😀\nđạt 95%\r\n';
    const li = new LineIndex(text);
    for (let o = 0; o <= text.length; o++) {
      const p = li.positionAt(o);
      if (text[o - 1] === '\r' && text[o] === '\n') continue; // between \r and \n is not a position
      assert.equal(li.offsetAt(p), o);
    }
    assert.equal(li.positionAt(text.indexOf('😀') + 2).character, 'Việt'.normalize('NFD').length + 3);
  });
});

describe('nfcView', () => {
  it('is the identity on NFC text', () => {
    const v = nfcView('Tỷ lệ bao phủ');
    assert.equal(v.normalized, false);
    assert.equal(v.toSource(3), 3);
  });
  it('maps NFD clusters to whole letters', () => {
    const src = 'Huế'.normalize('NFD');
    const v = nfcView(src);
    assert.equal(v.text, 'Huế');
    assert.equal(v.toSource(2), 2);
    assert.equal(v.toSource(3), src.length);
    assert.equal(v.toView(src.length - 1), 2, 'a mark maps to its letter');
  });
});
