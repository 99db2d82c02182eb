// The prose view: what is prose, what is masked, segments and tables.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { splitChunks, resplitChunks, parseChunk, parseChunkSlow, type Chunk } from '../../server/src/engine/markdown';
import { markdown as randomMarkdown } from '../fuzz/props';
import { corpusDocs } from '../helpers/corpus';
import { MASK } from '../helpers/engine';

const blocksOf = (text: string) => splitChunks(text).map(parseChunk);
const proseText = (text: string) =>
  blocksOf(text)
    .map((b) => b.prose)
    .join('')
    .split(MASK)
    .join('');

describe('Markdown prose view', () => {
  it('keeps the length and line structure of each chunk', () => {
    const text = '# Tiêu đề\n\nĐoạn `mã` và [liên kết](https://x.vn/a) nhé.\n\n```\ncode  here\n```\n';
    for (const b of blocksOf(text)) {
      assert.equal(b.prose.length, b.source.length);
      assert.deepEqual([...b.prose].map((c, i) => (c === '\n') === (b.source[i] === '\n')).every(Boolean), true);
    }
  });

  it('masks code, URLs, HTML comments, link destinations and front matter', () => {
    const text = [
      '---',
      'title: tiêu  đề',
      '---',
      '',
      'Xem `nhiệm nhiệm` tại https://example.vn/a  b và <!-- ghi  chú --> [trang](http://x.vn/y  z "t").',
      '',
      '```js',
      'var  x = 12.5;',
      '```',
      '',
      '    mã thụt  lề',
      '',
      '<div>html  block</div>',
    ].join('\n');
    const p = proseText(text);
    for (const gone of ['title', 'nhiệm nhiệm', 'example.vn', 'ghi', 'x.vn', 'var', 'thụt', 'html']) assert.ok(!p.includes(gone), `${gone} should be masked: ${JSON.stringify(p)}`);
    for (const kept of ['Xem', 'tại', 'trang']) assert.ok(p.includes(kept), `${kept} should be prose`);
  });

  it('gives headings, list items and table cells with their column header', () => {
    const text = ['## 1. Kết quả', '', '- Mục một', '- Mục hai', '  - Mục con', '', '| Chỉ tiêu | Năm 2023 | Năm 2024 |', '|---|---|---|', '| Bác sĩ/vạn dân | 12,5 | 13 |'].join('\n');
    const blocks = blocksOf(text);
    const segs = blocks.flatMap((b) => b.segments.map((s) => ({ ...s, text: b.prose.slice(s.start, s.end) })));
    const heading = segs.find((s) => s.kind === 'heading')!;
    assert.equal(heading.level, 2);
    assert.equal(heading.text, '1. Kết quả');
    const list = blocks.find((b) => b.type === 'list')!;
    const top = list.lists.find((l) => l.depth === 1)!;
    assert.equal(top.items.length, 2, 'nested items do not count at the top level');
    const cell = segs.find((s) => s.kind === 'table-cell' && s.text === '12,5')!;
    assert.equal(cell.table!.header, 'Năm 2023');
    assert.equal(cell.table!.rowLabel, 'Bác sĩ/vạn dân');
    assert.equal(cell.table!.row, 1);
    assert.ok(!segs.some((s) => s.kind === 'table-cell' && /^-+$/.test(s.text)), 'the delimiter row is not prose');
  });

  it('splits chunks at blank lines but not inside fences, HTML comments or one list', () => {
    const text = ['Đoạn một.', '', '```', 'a', '', 'b', '```', '', '<!-- x', '', 'y -->', '', '1. Một', '', '2. Hai', '', 'Đoạn cuối.'].join('\n');
    const chunks = splitChunks(text);
    assert.deepEqual(
      chunks.map((c) => c.text.trim().split('\n')[0]),
      ['Đoạn một.', '```', '<!-- x', '1. Một', 'Đoạn cuối.'],
    );
    assert.equal(chunks.map((c) => c.text).join(''), text, 'chunks cover the text exactly');
  });

  it('maps NFD source to NFC prose and back at letter boundaries', () => {
    const src = 'Tỷ lệ đạt 95%.'.normalize('NFD');
    const [b] = blocksOf(src);
    assert.equal(b.prose, 'Tỷ lệ đạt 95%.');
    assert.ok(b.normalized);
    const i = b.prose.indexOf('đạt');
    const s = b.toSource(i);
    const e = b.toSource(i + 3);
    assert.equal(b.source.slice(s, e).normalize('NFC'), 'đạt');
  });

  it('re-splitting after an edit gives the same chunks as splitting from scratch', () => {
    // Lines that change chunking: fences, comments, lists, indentation, front matter, CR/CRLF.
    const line = fc.constantFrom('Đoạn văn.', '', '', '```', '~~~', '<!-- a', 'b -->', '<!-- c -->', '- mục', '1. mục', '   thụt lề', '\tthụt', '---', '...', '# Tiêu đề', '| a | b |');
    const doc = fc.tuple(fc.array(line, { maxLength: 40 }), fc.constantFrom('\n', '\r\n', '\r')).map(([ls, eol]) => ls.join(eol));
    const edit = fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), del: fc.nat({ max: 30 }), ins: fc.constantFrom('', '\n', '\n\n', '```\n', '- ', '<!--', '-->', 'x', '---\n', ' ', '\r\n') });
    fc.assert(
      fc.property(doc, fc.array(edit, { minLength: 1, maxLength: 6 }), (text, edits) => {
        let prev = text;
        let chunks = splitChunks(prev);
        for (const e of edits) {
          const at = Math.floor(e.at * prev.length);
          const next = prev.slice(0, at) + e.ins + prev.slice(at + e.del);
          chunks = resplitChunks(prev, chunks, next);
          assert.deepEqual(chunks, splitChunks(next));
          prev = next;
        }
      }),
      { numRuns: 2000, seed: 20241123 },
    );
  });

  it('the fast path for plain paragraphs and headings builds the block markdown-it would', () => {
    const same = (c: Chunk) => {
      const a = parseChunk(c);
      const b = parseChunkSlow(c);
      assert.deepEqual(
        { type: a.type, prose: a.prose, segments: a.segments, lists: a.lists, normalized: a.normalized },
        { type: b.type, prose: b.prose, segments: b.segments, lists: b.lists, normalized: b.normalized },
        JSON.stringify(c.text),
      );
      for (let o = 0; o <= a.prose.length; o++) assert.equal(a.toSource(o), b.toSource(o));
    };
    // Lines near the edge of "plain": markers without their space, NBSP-only
    // lines, indents, closing hashes, setext underlines, pipes, tabs.
    const line = fc.constantFrom('Tỷ lệ đạt 95%.', '  thụt hai', '    thụt bốn', '\tthụt tab', '\u00a0', '', '   ', '# Tiêu đề', '## Tiêu đề ##', '### x #', '#### #', '#', '####### bảy', '#không', '#\tTab', '-không', '- mục', '1. mục', '1.5 triệu', '2023) năm', '***', '===', '---', '> trích', '<b>', '[x]: /a', 'a | b', '*nhấn*', '_nghiêng_', 'a \\', 'x  ');
    const chunkText = fc.tuple(fc.array(line, { minLength: 1, maxLength: 5 }), fc.constantFrom('\n', '\r\n', '\r'), fc.constantFrom('', '\n', '\n\n')).map(([ls, eol, tail]) => ls.join(eol) + tail);
    fc.assert(fc.property(chunkText, (t) => same({ start: 0, text: t, kind: 'markdown' })), { numRuns: 3000, seed: 20241123 });
    fc.assert(fc.property(randomMarkdown, (doc) => splitChunks(doc).forEach(same)), { numRuns: 300, seed: 20241123 });
    for (const d of corpusDocs()) for (const text of [d.text, d.text.normalize('NFD')]) splitChunks(text).forEach(same);
  });
});
