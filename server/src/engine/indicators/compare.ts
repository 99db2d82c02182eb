// What range of true values a written figure stands for, and whether two
// figures can be the same fact. "12,5" covers 12,45..12,6 (rounded or
// truncated), "khoảng 40" ±5%, "trên 90%" 90 and up, "dưới 109" up to 109.

export type Hedge = 'approx' | 'estimate' | 'near' | 'lower' | 'upper';

export interface Figure {
  value: number;
  /** Second value of a range ("2,0 - 2,1"). */
  hi?: number;
  decimals: number;
  hedge?: Hedge;
}

/** The interval a figure stands for, scaled by `factor` (unit conversion). */
export function intervalOf(f: Figure, factor = 1): [number, number] {
  const u = Math.pow(10, -f.decimals);
  const v = f.value;
  const top = f.hi ?? v;
  let lo: number;
  let hi: number;
  const a = Math.abs(v);
  switch (f.hedge) {
    case 'approx': {
      // "khoảng 74,8": a couple of percent, at least two units of the last digit written.
      const tol = Math.max(0.02 * a, 2 * u);
      lo = v - tol;
      hi = top + tol;
      break;
    }
    case 'estimate': {
      const tol = Math.max(0.01 * a, u);
      lo = v - tol;
      hi = top + tol;
      break;
    }
    case 'near':
      lo = v - Math.max(0.03 * a, 2 * u);
      hi = top + u / 2;
      break;
    case 'lower':
      lo = v - u / 2;
      hi = Infinity;
      break;
    case 'upper':
      lo = -Infinity;
      hi = top + u;
      break;
    default:
      // Rounded (±half a unit of the last digit) or truncated (+ one unit).
      lo = v - u / 2;
      hi = top + u;
  }
  return factor >= 0 ? [lo * factor, hi * factor] : [hi * factor, lo * factor];
}

const EPS = 1e-9;
export function overlaps(a: [number, number], b: [number, number]): boolean {
  return a[0] <= b[1] + EPS * Math.max(1, Math.abs(b[1])) && b[0] <= a[1] + EPS * Math.max(1, Math.abs(a[1]));
}

/** Format a number the Vietnamese way with `decimals` digits: 1.234,5. */
export function formatVi(x: number, decimals: number): string {
  const neg = x < 0;
  const s = Math.abs(x).toFixed(Math.max(0, decimals));
  const [int, frac] = s.split('.');
  const grouped = int.length > 3 ? int.replace(/\B(?=(\d{3})+(?!\d))/g, '.') : int;
  return (neg ? '-' : '') + grouped + (frac ? ',' + frac : '');
}

/** Round half away from zero at `decimals` (what writers do), robust to binary noise. */
export function roundTo(x: number, decimals: number): number {
  const f = Math.pow(10, decimals);
  return Math.sign(x) * Math.round(Math.abs(x) * f + 1e-9) / f;
}

/** Truncate at `decimals` (also common: 66,37 written 66,3). */
export function truncTo(x: number, decimals: number): number {
  const f = Math.pow(10, decimals);
  return Math.sign(x) * Math.floor(Math.abs(x) * f + 1e-9) / f;
}
