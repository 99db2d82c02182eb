// Regenerates server/src/engine/data/places-2025.json: the 3.321 commune-level
// units (xã, phường, đặc khu) in force from 01/07/2025, from the annex of Công văn
// 1027/CTK-CSCL (25/6/2025) of Cục Thống kê, "Danh mục và mã số các đơn vị hành
// chính cấp xã". The annex as Markdown is input/docs/1027_CTK-CSCL.md of the public
// repository dvhcvn/20250701 (MIT; only the names and codes, public facts, are taken).
// Not part of the build: run by hand with the path of that file:
//   node scripts/places-2025.mjs /path/to/1027_CTK-CSCL.md
// Checks what the annex itself states: numbered 1..3321 without gaps, unique 5-digit
// codes, 2.621 xã + 687 phường + 13 đặc khu, provinces among the 34 of places.json.
import { readFileSync, writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const src = process.argv[2];
if (!src) throw new Error('usage: node scripts/places-2025.mjs <1027_CTK-CSCL.md>');
const places = JSON.parse(readFileSync(join(root, 'server/src/engine/data/places.json'), 'utf8'));
const provinces34 = new Set(places.provinces2025.map((p) => p.name));
const clean = (s) => s.replace(/<br\s*\/?>/gi, ' ').normalize('NFC').replace(/\s+/g, ' ').trim();
const TYPES = { Xã: 'xã', Phường: 'phường', 'Đặc khu': 'đặc khu' };

const communes = [];
for (const line of readFileSync(src, 'utf8').split(/\r?\n/)) {
  if (!line.startsWith('|')) continue;
  const cells = line.trim().replace(/^\||\|$/g, '').split('|').map((c) => c.trim());
  if (!/^\d+$/.test(cells[0] ?? '')) continue;
  const [stt, code, rawName, rawProvince] = cells;
  const name = clean(rawName);
  const m = /^(Xã|Phường|Đặc khu) (.+)$/u.exec(name);
  if (!m) throw new Error(`row ${stt}: no unit type in "${name}"`);
  const province = clean(rawProvince).replace(/^(?:Tỉnh|Thành phố|Tp\.?) /u, '');
  if (!provinces34.has(province)) throw new Error(`row ${stt}: unknown province "${province}"`);
  if (!/^\d{5}$/.test(code)) throw new Error(`row ${stt}: code "${code}"`);
  communes.push({ stt: Number(stt), code, name: m[2].replace(/\s*-\s*/g, ' - '), type: TYPES[m[1]], province });
}
communes.forEach((c, i) => {
  if (c.stt !== i + 1) throw new Error(`row ${i + 1} is numbered ${c.stt}`);
});
if (communes.length !== 3321) throw new Error(`${communes.length} units, the annex has 3321`);
if (new Set(communes.map((c) => c.code)).size !== communes.length) throw new Error('duplicate codes');
const count = (t) => communes.filter((c) => c.type === t).length;
if (count('xã') !== 2621 || count('phường') !== 687 || count('đặc khu') !== 13) throw new Error('type counts differ from 2621/687/13');

const data = {
  $schema: '../../../../schemas/places-2025.schema.json',
  source:
    'Commune-level units (xã, phường, đặc khu) in force from 01/07/2025: Phụ lục I of Công văn 1027/CTK-CSCL (25/6/2025) of Cục Thống kê (Tổng cục Thống kê), "Danh mục và mã số các đơn vị hành chính cấp xã", per the 34 Nghị quyết 1654–1687/NQ-UBTVQH15 on arranging commune-level units. Taken from the Markdown transcription of the annex in the public repository dvhcvn/20250701 (input/docs/1027_CTK-CSCL.md) by scripts/places-2025.mjs, which checks the annex numbering 1–3321, unique codes and the totals 2.621 xã, 687 phường, 13 đặc khu.',
  communes: communes.map((c) => [c.code, c.name, c.type, c.province]),
};
const out = join(root, 'server/src/engine/data/places-2025.json');
writeFileSync(out, JSON.stringify(data, null, 1).replace(/\[\n\s+("[^"]*"),\n\s+("[^"]*"),\n\s+("[^"]*"),\n\s+("[^"]*")\n\s+\]/g, '[$1, $2, $3, $4]') + '\n');
console.log(communes.length, 'units:', count('xã'), 'xã,', count('phường'), 'phường,', count('đặc khu'), 'đặc khu;', new Set(communes.map((c) => c.name)).size, 'distinct names');
