// Chinese is written in two scripts: the UN's editions since the 1970s in Simplified characters,
// its older documents (and many copies of them) in Traditional ones (大會, 決議案, 號). A profile
// writes its words once, in Simplified, and reads both: the Traditional forms of its characters
// come from OpenCC's data through a table generated at build time
// (scripts/generate-traditional-forms.mjs), not from a second copy of every pattern, and not from
// OpenCC itself, whose loading would hold up every worker's start.
import { TRADITIONAL_FORMS } from './traditional-forms.js'

export type ChineseScript = 'Hans' | 'Hant'

/** The Traditional forms of a Simplified character ("会" → "會", "鉴" → "鑑鑒"), or "" when it has none of its own. */
export function traditionalForms(c: string): string {
  return TRADITIONAL_FORMS[c] ?? ''
}

/**
 * Each Traditional form and the Simplified character it reads as. A form that the profiles also
 * write as a Simplified character of its own is not one: it reads as itself.
 */
const SIMPLIFIED = new Map<string, string>(Object.entries(TRADITIONAL_FORMS).flatMap(([s, forms]) => [...forms].filter((t) => !(t in TRADITIONAL_FORMS)).map((t): [string, string] => [t, s])))

/** A text in either script with the profiles' characters in their Simplified form ("大會" → "大会"), for lookups by Simplified words. */
export function simplified(text: string): string {
  let out = ''
  for (const c of text) out += SIMPLIFIED.get(c) ?? c
  return out
}

const HAN = /^\p{Script=Han}$/u

/**
 * A regular-expression source (or a regular expression, flags kept) that matches in either
 * script what it says in Simplified: a Han character with Traditional forms becomes a class of
 * all its forms ("决议" → "[决決][议議]"), a class gets the forms of its characters ("[^为]" →
 * "[^为為爲]"). Escapes (with their braces: \p{…}, \u{…}, \k<…>) and the ends of a range
 * ("[一-九]") are left as written.
 */
export function eitherScript(source: string): string
export function eitherScript(pattern: RegExp): RegExp
export function eitherScript(pattern: string | RegExp): string | RegExp {
  if (pattern instanceof RegExp) return new RegExp(eitherScript(pattern.source), pattern.flags)
  let out = ''
  let inClass = false
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!
    if (c === '\\') {
      const escape = /^\\[pPuk][{<][^}>]*[}>]/.exec(pattern.slice(i))?.[0] ?? pattern.slice(i, i + 2)
      out += escape
      i += escape.length - 1
      continue
    }
    if (c === '[' && !inClass) inClass = true
    else if (c === ']' && inClass) inClass = false
    const char = String.fromCodePoint(pattern.codePointAt(i)!)
    i += char.length - 1
    const forms = HAN.test(char) ? traditionalForms(char) : ''
    const inRange = inClass && (pattern[i - char.length] === '-' || pattern[i + 1] === '-')
    if (forms === '' || inRange) out += char
    else out += inClass ? char + forms : `[${char}${forms}]`
  }
  return out
}

/** A value with every regular expression in it made to read both scripts (a profile's tables of patterns); other values kept. */
export function inEitherScript<T>(value: T): T {
  if (value instanceof RegExp) return eitherScript(value) as T
  if (Array.isArray(value)) return value.map((v: unknown) => inEitherScript(v)) as T
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, inEitherScript(v)])) as T
  }
  return value
}

/** A record keyed by Simplified words with each key also in every Traditional spelling ("大会" and "大會"). */
export function keyedInEitherScript<T>(record: Readonly<Record<string, T>>): Readonly<Record<string, T>> {
  const spellings = (word: string): string[] => [...word].reduce<string[]>((heads, c) => heads.flatMap((h) => [c, ...traditionalForms(c)].map((f) => h + f)), [''])
  return Object.fromEntries(Object.entries(record).flatMap(([word, value]) => spellings(word).map((s): [string, T] => [s, value])))
}

const TRADITIONAL = 1
const SIMPLIFIED_WITH_FORMS = 2

/**
 * What each character of the Basic Multilingual Plane tells of a text's script, by its UTF-16 code
 * unit: a Traditional form, a Simplified character with forms of its own, or nothing. Every text
 * built is scanned whole for its script; looked up in the tables character by character, that was
 * a millisecond and a half for a 15 KB text.
 */
const SCRIPT_OF_UNIT = ((): Uint8Array => {
  const table = new Uint8Array(0x10000)
  for (const c of Object.keys(TRADITIONAL_FORMS)) if (c.length === 1 && TRADITIONAL_FORMS[c] !== '') table[c.charCodeAt(0)] = SIMPLIFIED_WITH_FORMS
  // A Traditional form counts as one first, as the tables' order says.
  for (const c of SIMPLIFIED.keys()) if (c.length === 1) table[c.charCodeAt(0)] = TRADITIONAL
  return table
})()

/**
 * The script a Chinese text is written in: Traditional when more of its characters are the
 * Traditional forms of the profiles' characters (會, 議, 於) than are the Simplified ones (会, 议,
 * 于); undefined when it has neither. The profiles' words (联合国, 大会, 决议, 会议…) are what a
 * UN text is made of, so their characters are enough to tell.
 */
export function detectScript(text: string): ChineseScript | undefined {
  let traditional = 0
  let simplifiedCount = 0
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i)
    let script = SCRIPT_OF_UNIT[unit]!
    const next = text.charCodeAt(i + 1)
    if (unit >= 0xd800 && unit < 0xdc00 && next >= 0xdc00 && next < 0xe000) {
      // A character outside the Basic Multilingual Plane (CJK extensions): looked up whole.
      const c = String.fromCodePoint(text.codePointAt(i)!)
      script = SIMPLIFIED.has(c) ? TRADITIONAL : traditionalForms(c) !== '' ? SIMPLIFIED_WITH_FORMS : 0
      i++
    }
    if (script === TRADITIONAL) traditional++
    else if (script === SIMPLIFIED_WITH_FORMS) simplifiedCount++
  }
  if (traditional === 0 && simplifiedCount === 0) return undefined
  return traditional > simplifiedCount ? 'Hant' : 'Hans'
}
