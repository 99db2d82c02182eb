// A total broken down by status ("Trong 12 nhiệm vụ: hoàn thành 7, 4 đang triển khai, 1 chưa triển khai")
// and the rest of a count told by status ("14/18 nhiệm vụ, 4 nhiệm vụ đang triển khai"): what is read
// as a status, what stops the addition, and what each rule says.
import { strict as assert } from 'node:assert';
import { buildDocModel, check, getDefaultConfig } from '../helpers/engine';
import { taskFactsOf } from '../../server/src/engine/tasks/counts';
import { breakdownOf, restByStatusOf } from '../../server/src/engine/tasks/breakdown';

const config = getDefaultConfig();

function counts(text: string) {
  const doc = buildDocModel(text, config);
  const b = doc.blocks.find((x) => x.segments.length)!;
  return taskFactsOf(b, config).counts;
}

function statuses(text: string): string[] {
  return counts(text).map((c) => `${c.x.value}:${c.status ?? '-'}${c.whole ? ':whole' : ''}`);
}

function ids(text: string): string[] {
  return check(text, config, { only: ['task-breakdown-mismatch', 'task-count-incomplete'] }).map((f) => f.rule);
}

describe('task breakdowns: status words', () => {
  it('reads the status after the noun, else the verb before it', () => {
    assert.deepEqual(statuses('Trong 12 nhiệm vụ, đã hoàn thành 7 nhiệm vụ, 4 nhiệm vụ đang triển khai và 1 nhiệm vụ chưa triển khai.'), ['12:-:whole', '7:done', '4:progress', '1:notstarted']);
    assert.deepEqual(statuses('Năm 2025 có 22 chỉ tiêu, trong đó 18 chỉ tiêu đạt và vượt, 3 chỉ tiêu không đạt, 1 chỉ tiêu chưa hoàn thành.'), ['22:-:whole', '18:met', '3:notmet', '1:notdone']);
    assert.deepEqual(statuses('Tổng số 9 giải pháp: 6 giải pháp đã hoàn thành, 3 giải pháp vẫn đang thực hiện.'), ['9:-:whole', '6:done', '3:progress']);
  });

  it('a part without a status stops the addition', () => {
    const cs = counts('Trong 20 chỉ tiêu, có 15 chỉ tiêu đạt, 2 chỉ tiêu chưa có số liệu.');
    assert.equal(breakdownOf(cs, 0), undefined);
  });

  it('a status seen twice, or "đạt" beside a bare "vượt", may overlap: nothing is added', () => {
    assert.equal(breakdownOf(counts('Trong 10 nhiệm vụ, hoàn thành 7 nhiệm vụ, trong đó 3 nhiệm vụ hoàn thành sớm.'), 0), undefined);
    assert.equal(breakdownOf(counts('Trong 12 chỉ tiêu, 9 chỉ tiêu đạt, 5 chỉ tiêu vượt.'), 0), undefined);
  });

  it('another group or another noun ends the parts', () => {
    const b = breakdownOf(counts('Trong 12 nhiệm vụ trọng tâm, hoàn thành 9 nhiệm vụ, 6 nhiệm vụ thường xuyên đang triển khai.'), 0);
    assert.deepEqual(b?.parts.map((p) => p.x.value), [9]);
    const b2 = breakdownOf(counts('Trong 12 nhiệm vụ, hoàn thành 9 nhiệm vụ và 30 chỉ tiêu.'), 0);
    assert.deepEqual(b2?.parts.map((p) => p.x.value), [9]);
  });

  it('the rest of a fraction may be told in the next sentence', () => {
    const r = restByStatusOf(counts('Ngành đạt 18/22 chỉ tiêu. Còn 2 chỉ tiêu chưa đạt và 2 chỉ tiêu đang thực hiện.'), 0);
    assert.equal(r?.sum, 4);
    assert.equal(r?.sameSentence, false);
  });
});

describe('task breakdowns: rules', () => {
  it('more parts than the whole is flagged; an exhaustive shortfall too', () => {
    assert.deepEqual(ids('Trong 12 nhiệm vụ, đã hoàn thành 8 nhiệm vụ, 4 nhiệm vụ đang triển khai và 1 nhiệm vụ chưa triển khai.'), ['task-breakdown-mismatch']);
    assert.deepEqual(ids('Trong 15 nhiệm vụ, hoàn thành 10 nhiệm vụ, chưa hoàn thành 4 nhiệm vụ.'), ['task-breakdown-mismatch']);
  });

  it('a shortfall is not flagged when a status may be unsaid, or when the next sentence gives another part', () => {
    assert.deepEqual(ids('Tổng số 15 nhiệm vụ, trong đó 10 nhiệm vụ hoàn thành, 3 nhiệm vụ đang triển khai.'), []);
    assert.deepEqual(ids('Trong 20 chỉ tiêu, có 15 chỉ tiêu đạt, 3 chỉ tiêu chưa đạt; 2 chỉ tiêu chưa đánh giá được do chưa có số liệu.'), []);
  });

  it('a rest told by status silences the information when it adds up, warns when it is more', () => {
    assert.deepEqual(ids('Trung tâm hoàn thành 14/18 nhiệm vụ, 4 nhiệm vụ đang triển khai.'), []);
    assert.deepEqual(ids('Trung tâm hoàn thành 14/18 nhiệm vụ, 2 nhiệm vụ đang triển khai và 2 nhiệm vụ chưa triển khai.'), []);
    assert.deepEqual(ids('Trung tâm hoàn thành 14/18 nhiệm vụ.'), ['task-count-incomplete']);
    const f = check('Trung tâm hoàn thành 14/18 nhiệm vụ, 5 nhiệm vụ đang triển khai.', config, { only: ['task-count-incomplete'] });
    assert.equal(f.length, 1);
    assert.equal(f[0].severity, 'warning');
  });

  it('reads NFD text and CRLF line ends the same', () => {
    const t = 'Trong 12 nhiệm vụ, đã hoàn thành 8 nhiệm vụ,\r\n4 nhiệm vụ đang triển khai và 1 nhiệm vụ chưa triển khai.';
    assert.deepEqual(ids(t.normalize('NFD')).filter((id) => id === 'task-breakdown-mismatch'), ['task-breakdown-mismatch']);
    assert.deepEqual(ids(t.replace(/8 nhiệm/, '7 nhiệm')), []);
  });
});
