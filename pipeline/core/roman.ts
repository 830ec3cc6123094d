const VALUES: Readonly<Record<string, number>> = { I: 1, V: 5, X: 10, L: 50, C: 100, D: 500, M: 1000 }

/** The value of a Roman numeral ("XXX" → 30, "xiv" → 14), or null when it is not one. */
export function romanValue(text: string): number | null {
  const s = text.toUpperCase()
  if (!/^M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})$/.test(s) || s === '') return null
  let total = 0
  for (let i = 0; i < s.length; i++) {
    const v = VALUES[s[i]!]!
    const next = VALUES[s[i + 1] ?? ''] ?? 0
    total += v < next ? -v : v
  }
  return total
}

const NUMERALS: readonly (readonly [number, string])[] = [
  [1000, 'M'],
  [900, 'CM'],
  [500, 'D'],
  [400, 'CD'],
  [100, 'C'],
  [90, 'XC'],
  [50, 'L'],
  [40, 'XL'],
  [10, 'X'],
  [9, 'IX'],
  [5, 'V'],
  [4, 'IV'],
  [1, 'I']
]

/** The Roman numeral of a number from 1 to 3999 (30 → "XXX"). */
export function romanNumeral(n: number): string {
  let out = ''
  for (const [value, numeral] of NUMERALS) for (; n >= value; n -= value) out += numeral
  return out
}
