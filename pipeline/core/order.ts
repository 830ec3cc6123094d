/**
 * Orders strings by UTF-16 code units, the same on every machine and in every locale (unlike
 * localeCompare): what undoc prints and writes must not depend on where it runs.
 */
export function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
