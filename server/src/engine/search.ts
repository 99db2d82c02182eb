// Binary search over ascending offsets: the one implementation (line starts,
// block starts, token starts, disable ranges, applied edits all use it).

/** Index of the first element for which `past` holds, in an array where it holds for a suffix. */
function firstWhere<T>(arr: ArrayLike<T>, past: (e: T) => boolean): number {
  let lo = 0;
  let hi = arr.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (past(arr[mid])) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Index of the first element whose key is >= x, in an array ascending by key (= how many keys are below x). */
export function lowerBound<T>(arr: ArrayLike<T>, x: number, key: (e: T) => number): number {
  return firstWhere(arr, (e) => key(e) >= x);
}

/** Index of the first element whose key is > x (= how many keys are at or below x). */
export function upperBound<T>(arr: ArrayLike<T>, x: number, key: (e: T) => number): number {
  return firstWhere(arr, (e) => key(e) > x);
}

const self = (n: number) => n;
const startOf = (e: { start: number }) => e.start;

/** How many entries of the ascending `sorted` are below `x`. */
export function countBelow(sorted: ArrayLike<number>, x: number): number {
  return lowerBound(sorted, x, self);
}

/** How many entries of the ascending `sorted` are at or below `x` (the last one at or below is this minus 1). */
export function countAtOrBelow(sorted: ArrayLike<number>, x: number): number {
  return upperBound(sorted, x, self);
}

/** Index of the first element of an array sorted by `start` whose start is at or after `offset`. */
export function firstStartAtOrAfter(arr: ArrayLike<{ start: number }>, offset: number): number {
  return lowerBound(arr, offset, startOf);
}
