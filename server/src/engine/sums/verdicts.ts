// The arithmetic on what the readers found, with the rounding as written: a
// written value v with half-unit h stands for any true value in [v-h, v+h]
// (rounded) or [v, v+2h) (truncated); a check fails only when no such values
// make the statement true.
import type { Msg } from '../types';
import { msg } from '../rule';
import type { Tok } from './lex';
import type { Breakdown, Part } from './breakdowns';
import type { Change } from './changes';
import { formatLike } from './figures';

export interface Issue {
  start: number;
  end: number;
  message: Msg;
  severity?: 'information';
  related: { start: number; end: number; message: Msg }[];
  fixes: { title: Msg; start: number; end: number; newText: string }[];
  data: Record<string, unknown>;
}

const EPS = 1e-9;
const grouped = (t: Tok) => /\d\.\d{3}/.test(t.k);
/** Digits for value v written in t's scale and style. */
function digitsLike(v: number, t: Tok, dec = t.dec): string {
  const f = t.num?.scale?.factor ?? 1;
  return formatLike(v / f, dec, grouped(t));
}
/** A computed value shown like t (scale word kept, % kept). */
function showLike(v: number, t: Tok, dec = t.dec): string {
  const sc = t.num?.scale;
  return digitsLike(v, t, dec) + (sc ? ` ${sc.word}` : '') + (t.pct ? '%' : '');
}
const shown = (t: Tok) => t.raw.replace(/\s+%/, '%');

// ---------------------------------------------------------------- breakdowns

export function breakdownIssues(b: Breakdown): Issue[] {
  const out: Issue[] = [];
  const parts = b.parts;
  const related = parts.map((p) => ({ start: p.s, end: p.e, message: msg(`Phần: ${partName(p)}`, `Part: ${partName(p)}`) }));
  if (parts.every((p) => p.q.pct)) {
    // Shares of an exhaustive split: they make 100%.
    if (b.kind !== 'exhaustive') return out;
    const sum = parts.reduce((a, p) => a + p.q.v, 0);
    const tol = parts.reduce((a, p) => a + p.q.half, 0) + EPS;
    if (Math.abs(sum - 100) <= tol) return out;
    const dec = Math.max(...parts.map((p) => p.q.dec));
    const expr = parts.map((p) => shown(p.q)).join(' + ');
    const s = formatLike(sum, dec, false);
    out.push({
      start: parts[0].q.s,
      end: parts[parts.length - 1].q.e,
      message: msg(
        `Các tỷ lệ của một phép chia đủ thành phần phải cộng lại bằng 100%: ${expr} = ${s}%.`,
        `The shares of a complete split must add up to 100%: ${expr} = ${s}%.`,
      ),
      related,
      fixes: [],
      data: { kind: 'shares', sum },
    });
    return out;
  }
  const total = b.total;
  if (!total) return out;
  const T = total.v;
  const sum = parts.reduce((a, p) => a + p.q.v, 0);
  const tol = parts.reduce((a, p) => a + p.q.half, 0) + total.half + EPS;
  const dec = Math.max(total.dec, ...parts.map((p) => p.q.dec));
  const expr = parts.map((p) => shown(p.q)).join(' + ');
  const s = showLike(sum, total, dec);
  const totalRel = { start: total.s, end: total.e, message: msg(`Tổng: ${shown(total)}`, `Total: ${shown(total)}`) };
  if (b.kind === 'exhaustive' && Math.abs(sum - T) > tol) {
    const fixes: Issue['fixes'] = [{ title: msg(`Sửa tổng thành ${s}`, `Change the total to ${s}`), start: total.ns, end: total.ne, newText: digitsLike(sum, total, dec) }];
    for (const p of parts) {
      const need = T - (sum - p.q.v);
      if (need > 0 && fixes.length < 7) fixes.push({ title: msg(`Sửa ${shown(p.q)} thành ${showLike(need, p.q, dec)}`, `Change ${shown(p.q)} to ${showLike(need, p.q, dec)}`), start: p.q.ns, end: p.q.ne, newText: digitsLike(need, p.q, dec) });
    }
    out.push({
      start: total.s,
      end: total.e,
      message: msg(`Tổng không khớp với các phần: ${expr} = ${s}, viết ${shown(total)}.`, `The total does not match its parts: ${expr} = ${s}, written ${shown(total)}.`),
      related,
      fixes,
      data: { kind: 'total', sum, total: T },
    });
  } else if (b.kind === 'subset' && b.parallel && sum - T > tol) {
    out.push({
      start: total.s,
      end: total.e,
      message: msg(
        `Các phần "trong đó" lớn hơn tổng: ${expr} = ${s}, nhưng tổng là ${shown(total)}.`,
        `The parts ("trong đó") exceed the total: ${expr} = ${s}, but the total is ${shown(total)}.`,
      ),
      related,
      fixes: [{ title: msg(`Sửa tổng thành ${s}`, `Change the total to ${s}`), start: total.ns, end: total.ne, newText: digitsLike(sum, total, dec) }],
      data: { kind: 'subset', sum, total: T },
    });
  }
  // A share written with its count: the count over the total.
  for (const p of parts) {
    if (!p.share || p.shareHedge || total.pct || T <= 0) continue;
    const lo = (100 * (p.q.v - p.q.half)) / (T + total.half);
    const hi = (100 * (p.q.v + p.q.half)) / Math.max(EPS, T - total.half);
    const w = p.share.v;
    const h = p.share.half;
    // Rounded [w-h, w+h] or truncated [w, w+2h].
    if (hi >= w - h - EPS && lo <= w + 2 * h + EPS) continue;
    const exact = (100 * p.q.v) / T;
    const right = formatLike(exact, p.share.dec, false);
    out.push({
      start: p.share.s,
      end: p.share.e,
      message: msg(
        `Tỷ lệ không khớp với số đếm: ${shown(p.q)} / ${shown(total)} = ${formatLike(exact, p.share.dec + 1, false)}%, viết ${shown(p.share)}.`,
        `The share does not match its count: ${shown(p.q)} / ${shown(total)} = ${formatLike(exact, p.share.dec + 1, false)}%, written ${shown(p.share)}.`,
      ),
      related: [
        { start: p.s, end: p.e, message: msg(`Số đếm: ${shown(p.q)}`, `Count: ${shown(p.q)}`) },
        totalRel,
      ],
      fixes: [{ title: msg(`Sửa thành ${right}%`, `Change to ${right}%`), start: p.share.ns, end: p.share.ne, newText: right }],
      data: { kind: 'share', exact },
    });
  }
  return out;
}

function partName(p: Part): string {
  return `${p.label.join(' ')} ${shown(p.q)}`.trim();
}

// ---------------------------------------------------------------- changes

/** Does [a1,a2] meet [b1,b2]? */
const meets = (a1: number, a2: number, b1: number, b2: number) => a2 >= b1 - EPS && a1 <= b2 + EPS;
/** Just below a truncation bound: 0,3 truncates values below 0,4, not 0,4 itself. */
const OPEN = 1e-6;

export function changeIssue(c: Change): Issue | undefined {
  if (c.hedged || c.dHedge) return undefined;
  const { cur, prev, d } = c;
  if (cur.pct !== prev.pct) return undefined;
  const actual = cur.v - prev.v;
  // An estimate may be one unit of its last digit off.
  const est = c.est ? Math.pow(10, -cur.dec) / 4 : 0;
  const tolAbs = cur.half + prev.half + est + EPS;
  const upWord = c.word ?? (c.dir === 'up' ? 'tăng' : 'giảm');
  const related = [
    { start: prev.s, end: prev.e, message: msg(`Giá trị trước / so sánh: ${shown(prev)}`, `Earlier / reference value: ${shown(prev)}`) },
    { start: cur.s, end: cur.e, message: msg(`Giá trị sau: ${shown(cur)}`, `Later value: ${shown(cur)}`) },
  ];
  if (c.shape === 'total') {
    if (!d) return undefined;
    const sum = prev.v + d.v;
    if (Math.abs(sum - cur.v) <= prev.half + d.half + cur.half + EPS) return undefined;
    const dec = Math.max(prev.dec, d.dec, cur.dec);
    const s = showLike(sum, cur, dec);
    return {
      start: cur.s,
      end: cur.e,
      message: msg(`Tổng sau khi tăng không khớp: ${shown(prev)} + ${shown(d)} = ${s}, viết ${shown(cur)}.`, `The new total does not match: ${shown(prev)} + ${shown(d)} = ${s}, written ${shown(cur)}.`),
      related: [related[0], { start: d.s, end: d.e, message: msg(`Mức tăng: ${shown(d)}`, `Increase: ${shown(d)}`) }],
      fixes: [{ title: msg(`Sửa thành ${s}`, `Change to ${s}`), start: cur.ns, end: cur.ne, newText: digitsLike(sum, cur, dec) }],
      data: { kind: 'total', expected: sum },
    };
  }
  // Direction first: "tăng" between falling values.
  const wrongWay = c.dir === 'up' ? actual < -tolAbs : actual > tolAbs;
  if (!d) {
    if (!wrongWay) return undefined;
    return {
      start: prev.s,
      end: cur.e,
      message: msg(
        `Chiều thay đổi ngược với số liệu: từ ${shown(prev)} ${c.dir === 'up' ? 'lên' : 'xuống'} ${shown(cur)} là ${actual < 0 ? 'giảm' : 'tăng'}.`,
        `The direction contradicts the figures: from ${shown(prev)} to ${shown(cur)} is ${actual < 0 ? 'a decrease' : 'an increase'}.`,
      ),
      related,
      fixes: [],
      data: { kind: 'direction' },
    };
  }
  const sign = c.dir === 'up' ? 1 : -1;
  const h = d.half;
  // The stated change as an interval of true signed values (rounded or truncated).
  const [s1, s2] = sign > 0 ? [d.v - h, d.v + Math.max(0, 2 * h - OPEN)] : [-d.v - Math.max(0, 2 * h - OPEN), -d.v + h];
  const absOk = meets(actual - tolAbs, actual + tolAbs, s1, s2);
  const relOf = () => {
    if (prev.v - prev.half <= 0) return undefined;
    const lo = ((cur.v - cur.half) / (prev.v + prev.half) - 1) * 100;
    const hi = ((cur.v + cur.half) / (prev.v - prev.half) - 1) * 100;
    return { lo, hi, mid: (cur.v / prev.v - 1) * 100 };
  };
  const dec = Math.max(d.dec, cur.dec, prev.dec);
  const fixAbs = formatLike(Math.abs(actual), dec, grouped(d));
  const dNum = { start: d.ns, end: d.ne };
  if (d.pct) {
    const rel = relOf();
    if (!rel) return undefined;
    const relOk = meets(rel.lo, rel.hi, s1, s2);
    if (relOk) return undefined;
    const relText = formatLike(Math.abs(rel.mid), Math.max(1, d.dec), false);
    if (cur.pct && absOk && !wrongWay) {
      return {
        start: d.s,
        end: d.e,
        severity: 'information',
        message: msg(
          `"${upWord} ${shown(d)}" là hiệu của hai tỷ lệ (${shown(cur)} − ${shown(prev)} = ${fixAbs} điểm phần trăm); tăng/giảm tương đối là ${relText}%. Nên viết "${fixAbs} điểm phần trăm".`,
          `"${upWord} ${shown(d)}" is the difference of two percentages (${shown(cur)} − ${shown(prev)} = ${fixAbs} percentage points); the relative change is ${relText}%. Write "${fixAbs} điểm phần trăm".`,
        ),
        related,
        fixes: [{ title: msg(`Viết "${fixAbs} điểm phần trăm"`, `Write "${fixAbs} điểm phần trăm"`), start: d.ns, end: d.e, newText: `${d.k} điểm phần trăm` }],
        data: { kind: 'points' },
      };
    }
    const relFix = formatLike(Math.abs(rel.mid), d.dec, false);
    const also = cur.pct ? ` (hiệu: ${formatLike(actual, dec, false)} điểm phần trăm)` : '';
    const alsoEn = cur.pct ? ` (difference: ${formatLike(actual, dec, false)} percentage points)` : '';
    return {
      start: d.s,
      end: d.e,
      message: msg(
        `Mức thay đổi không khớp: từ ${shown(prev)} đến ${shown(cur)} là ${rel.mid < 0 ? 'giảm' : 'tăng'} ${relText}%${also}, viết ${upWord} ${shown(d)}.`,
        `The stated change does not match: ${shown(prev)} to ${shown(cur)} is ${rel.mid < 0 ? 'a decrease' : 'an increase'} of ${relText}%${alsoEn}, written ${upWord} ${shown(d)}.`,
      ),
      related,
      fixes: wrongWay ? [] : [{ title: msg(`Sửa thành ${relFix}%`, `Change to ${relFix}%`), ...dNum, newText: relFix }],
      data: { kind: 'relative', expected: rel.mid },
    };
  }
  // Points or counts: the difference itself.
  const unitOk = c.dUnit === 'pp' || (c.dUnit === 'điểm' && cur.pct) ? cur.pct : c.dUnit === undefined || c.dUnit === (c.curUnit ?? c.prevUnit);
  if (!unitOk || c.dUnit === '%') return undefined;
  if (absOk) return undefined;
  const unitText = cur.pct ? ' điểm phần trăm' : '';
  return {
    start: d.s,
    end: d.e,
    message: msg(
      `Mức thay đổi không khớp: ${shown(cur)} − ${shown(prev)} = ${formatLike(actual, dec, grouped(d))}${unitText}, viết ${upWord} ${shown(d)}.`,
      `The stated change does not match: ${shown(cur)} − ${shown(prev)} = ${formatLike(actual, dec, grouped(d))}${cur.pct ? ' percentage points' : ''}, written ${c.dir === 'up' ? 'an increase' : 'a decrease'} of ${shown(d)}.`,
    ),
    related,
    fixes: wrongWay ? [] : [{ title: msg(`Sửa thành ${fixAbs}`, `Change to ${fixAbs}`), ...dNum, newText: fixAbs }],
    data: { kind: 'absolute', expected: actual },
  };
}
