// Simplified and Traditional Chinese script, by OpenCC's character table (opencc-js). A profile
// writes its words once, in Simplified characters; the helpers here let the same words read a
// Traditional text (大会 → 大[会會], 鉴于 → 鉴[于於] with 鑑, 鑒), so that no rule is copied per
// script. Only the Traditional-to-Simplified table is loaded: it is small and holds every variant
// (为 ← 為, 爲), which the other direction's converter, choosing one form, would not give.
import { Locale } from 'opencc-js/t2cn'

export type ChineseScript = 'Hans' | 'Hant'

/** OpenCC's character table (TSCharacters): "為 为|爲 为|…", Traditional then Simplified. */
function characterTable(): string {
  for (const group of Locale.to.cn ?? []) {
    for (const dict of group) {
      if (typeof dict === 'string' && /^\S \S\|/u.test(dict)) return dict
    }
  }
  throw new Error('opencc-js no longer ships its Traditional-to-Simplified character table where undoc looks for it')
}

/** Each Simplified character and the Traditional characters that OpenCC turns into it. */
const TRADITIONAL_FORMS = new Map<string, string[]>()
/** Each Traditional character that differs from its Simplified form. */
const TRADITIONAL_ONLY = new Set<string>()
for (const entry of characterTable().split('|')) {
  const [traditional, simplified] = entry.split(' ')
  if (!traditional || !simplified || traditional === simplified) continue
  TRADITIONAL_ONLY.add(traditional)
  const forms = TRADITIONAL_FORMS.get(simplified) ?? []
  forms.push(traditional)
  TRADITIONAL_FORMS.set(simplified, forms)
}
const HAN = /\p{Script=Han}/u

/** The character and its Traditional forms (only the one-code-unit ones when `unitsOnly`). */
function formsOf(char: string, unitsOnly: boolean): string[] {
  const forms = (TRADITIONAL_FORMS.get(char) ?? []).filter((f) => !unitsOnly || f.length === 1)
  return [char, ...forms]
}

function escapeForClass(char: string): string {
  return /[\\\]^-]/.test(char) ? `\\${char}` : char
}

/**
 * Simplified words as patterns that read them in either script: ["大会"] → ["大[会會]"].
 * Regular-expression source, ready to join into an alternation.
 */
export function eitherScript(words: readonly string[]): string[] {
  return words.map((word) =>
    [...word]
      .map((c) => {
        const forms = formsOf(c, false)
        if (forms.length > 1) return forms.every((f) => f.length === 1) ? `[${forms.join('')}]` : `(?:${forms.join('|')})`
        return c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')
      })
      .join('')
  )
}

/**
 * A pattern written in Simplified characters that reads both scripts: each Han character outside
 * a character class becomes a class of its forms, and a class gets the forms of its characters.
 * Escapes and ranges are left as written.
 */
export function eitherScriptPattern(pattern: RegExp): RegExp {
  const src = pattern.source
  const unitsOnly = !pattern.unicode && !pattern.flags.includes('v')
  let out = ''
  let inClass = false
  for (let i = 0; i < src.length; i++) {
    const c = src[i]!
    if (c === '\\') {
      // An escape, with its braces: \p{…}, \u{…}.
      const braced = /^\\[pPuk][{<][^}>]*[}>]/.exec(src.slice(i))
      const escape = braced ? braced[0] : src.slice(i, i + 2)
      out += escape
      i += escape.length - 1
      continue
    }
    if (c === '[' && !inClass) inClass = true
    else if (c === ']' && inClass) inClass = false
    const code = src.codePointAt(i)!
    const char = String.fromCodePoint(code)
    if (char.length === 2) i++
    if (!HAN.test(char)) {
      out += char
      continue
    }
    const inRange = inClass && (src[i - char.length] === '-' || src[i + 1] === '-')
    const forms = inRange ? [char] : formsOf(char, unitsOnly)
    if (inClass) out += forms.map(escapeForClass).join('')
    else out += forms.length > 1 ? `[${forms.map(escapeForClass).join('')}]` : char
  }
  return new RegExp(out, pattern.flags)
}

/** A value with every pattern in it made to read both scripts (profile tables of patterns and words). */
export function inEitherScript<T>(value: T): T {
  if (value instanceof RegExp) return eitherScriptPattern(value) as T
  if (Array.isArray(value)) return value.map((v: unknown) => inEitherScript(v)) as T
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, inEitherScript(v)])) as T
  }
  return value
}

/**
 * The script a Chinese text is written in: Traditional when more of its characters exist only in
 * Traditional (會, 議, 於) than only in Simplified (会, 议, 于); undefined when it has neither.
 */
export function detectScript(text: string): ChineseScript | undefined {
  let traditional = 0
  let simplified = 0
  for (const c of text) {
    if (TRADITIONAL_ONLY.has(c)) traditional++
    else if (TRADITIONAL_FORMS.has(c)) simplified++
  }
  if (traditional === 0 && simplified === 0) return undefined
  return traditional > simplified ? 'Hant' : 'Hans'
}
