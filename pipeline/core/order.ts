/**
 * Orders strings by UTF-16 code units, the same on every machine and in every locale (unlike
 * localeCompare): what undoc prints and writes must not depend on where it runs.
 */
export function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/** Index of the first of the ascending numbers that is at least `value` (their length when none is). */
export function firstAtOrAfter(sorted: readonly number[], value: number): number {
  let lo = 0
  let hi = sorted.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (sorted[mid]! < value) lo = mid + 1
    else hi = mid
  }
  return lo
}
