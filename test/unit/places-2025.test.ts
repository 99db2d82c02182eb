// The commune-level units of the 2025 reorganisation (data/places-2025.json, from
// Công văn 1027/CTK-CSCL of Cục Thống kê): the data is what the annex states, and
// every unit's name, written after its own unit word, passes every rule.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { check } from '../helpers/engine';
import { REPO_ROOT } from '../helpers/corpus';
import { COMMUNES, COMMUNES_2025, PROVINCES_34, placeKeyData } from '../../server/src/engine/vietnamese/places';

describe('gazetteer: the 3.321 commune-level units from 01/07/2025', function () {
  this.timeout(120_000);
  const file = JSON.parse(readFileSync(join(REPO_ROOT, 'server/src/engine/data/places-2025.json'), 'utf8')) as { source: string; communes: string[][] };

  it('is valid against its schema, states its source, and has the annex totals', () => {
    const schema = JSON.parse(readFileSync(join(REPO_ROOT, 'schemas/places-2025.schema.json'), 'utf8'));
    const v = new Ajv({ strict: false }).compile(schema);
    assert.ok(v(file), JSON.stringify(v.errors));
    assert.match(file.source, /1027\/CTK-CSCL/);
    const byType = (t: string) => COMMUNES_2025.filter((c) => c[2] === t).length;
    assert.deepEqual([COMMUNES_2025.length, byType('xã'), byType('phường'), byType('đặc khu')], [3321, 2621, 687, 13]);
    assert.equal(new Set(COMMUNES_2025.map((c) => c[0])).size, 3321, 'codes are unique');
    const provinces = new Set(PROVINCES_34);
    for (const c of COMMUNES_2025) assert.ok(provinces.has(c[3]), `${c[1]}: ${c[3]}`);
    assert.equal(new Set(COMMUNES_2025.map((c) => c[3])).size, 34, 'every province has units');
    for (const c of COMMUNES_2025) assert.equal(c[1], c[1].normalize('NFC').trim(), c[1]);
  });

  it('every unit name is a known commune name', () => {
    const known = new Set(COMMUNES);
    assert.deepEqual(COMMUNES_2025.filter((c) => !known.has(c[1])).map((c) => c[1]), []);
  });

  it('every unit, after its own unit word, passes every rule (NFC and NFD)', () => {
    const bad: string[] = [];
    for (const [, name, type] of COMMUNES_2025) {
      const t = `Năm 2025, ${type} ${name} có 1 trạm y tế và 12 nhân viên y tế.\n`;
      if (check(t).length) bad.push(`${type} ${name}: ${check(t).map((f) => f.rule).join(', ')}`);
    }
    assert.deepEqual(bad, []);
    // Names new in 2025 whose syllables break the Vietnamese rules on purpose (minority languages).
    const nfd = 'Các xã Đakrông, La Êê, Ea Khăl, Ea Knuếc, Dur Kmăl và phường Văn Miếu - Quốc Tử Giám.\n'.normalize('NFD');
    assert.deepEqual(check(nfd).filter((f) => f.rule !== 'unicode-normalization').map((f) => f.rule), []);
  });
});

// The gazetteer's keys are computed by scripts/build.mjs (start-up would spend ~60 ms on them).
describe('gazetteer keys generated at build time', () => {
  it('equal what placeKeyData() computes from the data files now', () => {
    const live = placeKeyData();
    const built = JSON.parse(readFileSync(join(REPO_ROOT, 'server/src/engine/data/places-keys.generated.json'), 'utf8')) as typeof live;
    assert.ok(live.knownKeys.length > 5000 && live.nameSyllables.length > 1000 && live.variants.length > 0);
    assert.deepEqual(built, live);
  });
});
