// Regenerates server/src/engine/data/places.json from the npm package `dvhcvn`
// (daohoangson/dvhcvn, GSO/Tổng cục Thống kê list of administrative units as of
// 01/03/2025, GPL-3.0: only the names, which are public facts, are taken).
// Not part of the build: run by hand after `npm pack dvhcvn && tar xzf dvhcvn-*.tgz`:
//   node scripts/places.mjs /path/to/package
// The 2025 provinces (Nghị quyết 202/2025/QH15) and the variants are kept from
// the current file (written by hand, sources stated there).
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const pkg = process.argv[2];
if (!pkg) throw new Error('usage: node scripts/places.mjs <unpacked dvhcvn package dir>');
const d = createRequire(import.meta.url)(join(pkg, 'lib/index.js'));
const version = JSON.parse(readFileSync(join(pkg, 'package.json'), 'utf8')).version;
const out = join(root, 'server/src/engine/data/places.json');
const old = JSON.parse(readFileSync(out, 'utf8'));

const L1 = { 5: 'tỉnh', 7: 'thành phố' };
const L2 = { 0: 'huyện', 1: 'quận', 4: 'thị xã', 6: 'thành phố' };
const strip = (s) =>
  s
    .normalize('NFC')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^(Thành phố|Tỉnh|Quận|Huyện|Thị xã|Phường|Xã|Thị trấn) /i, '')
    .replace(/\s*-\s*/g, ' - ')
    .replace(/' /g, "'");
const provinces = d.level1s.map((a) => {
  let name = strip(a.name);
  const p = { name, type: L1[a.type] };
  // Thừa Thiên Huế became the centrally-run city of Huế on 01/01/2025 (NQ 1314/NQ-UBTVQH15):
  // the 63-province list keeps the old name, the new one is an official alias.
  if (name === 'Huế') Object.assign(p, { name: 'Thừa Thiên Huế', type: 'tỉnh', also: ['Huế'] });
  p.districts = a.children.map((b) => [strip(b.name), L2[b.type]]);
  return p;
});
const communes = new Set();
for (const a of d.level1s) for (const b of a.children) for (const c of b.children) {
  const n = strip(c.name);
  if (/\p{L}/u.test(n)) communes.add(n);
}
const data = {
  $schema: '../../../../schemas/places.schema.json',
  source: old.source,
  sourceVersion: `dvhcvn ${version}`,
  provinces,
  provinces2025: old.provinces2025,
  variants: old.variants,
  communes: [...communes].sort((a, b) => a.localeCompare(b, 'vi')),
};
writeFileSync(out, JSON.stringify(data, null, 1).replace(/\[\n\s+("[^"]*"),\n\s+("[^"]*")\n\s+\]/g, '[$1, $2]') + '\n');
console.log(provinces.length, 'provinces,', provinces.reduce((n, p) => n + p.districts.length, 0), 'districts,', communes.size, 'commune names');
