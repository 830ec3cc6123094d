// Chinese is written in two scripts: the UN's editions since the 1970s in Simplified characters,
// its older documents (and many copies of them) in Traditional ones (大會, 決議案, 號). A profile
// writes its words once, in Simplified, and reads both: the Traditional forms of its characters
// come from OpenCC's data (scripts/generate-traditional-forms.mjs), not from a second copy of
// every pattern.
import { TRADITIONAL_FORMS } from './traditional-forms.js'

/** The Traditional forms of a Simplified character ("会" → "會"), or "" when it has none of its own. */
export function traditionalForms(c: string): string {
  return TRADITIONAL_FORMS[c] ?? ''
}

const SIMPLIFIED = new Map<string, string>(Object.entries(TRADITIONAL_FORMS).flatMap(([s, forms]) => [...forms].map((t): [string, string] => [t, s])))

/** A text in either script with the profiles' characters in their Simplified form ("大會" → "大会"), for lookups by Simplified words. */
export function simplified(text: string): string {
  let out = ''
  for (const c of text) out += SIMPLIFIED.get(c) ?? c
  return out
}

/**
 * A regular-expression source (or a regular expression, flags kept) that matches in either
 * script what it says in Simplified: a character with Traditional forms becomes a class of all
 * its forms ("决议" → "[决決][议議]"), and inside a class its forms join it.
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
      out += c + (pattern[i + 1] ?? '')
      i++
      continue
    }
    if (inClass && c === ']') inClass = false
    else if (!inClass && c === '[') inClass = true
    const forms = traditionalForms(c)
    out += forms === '' ? c : inClass ? c + forms : `[${c}${forms}]`
  }
  return out
}

/** A record keyed by Simplified words with each key also in every Traditional spelling ("大会" and "大會"). */
export function keyedInEitherScript<T>(record: Readonly<Record<string, T>>): Readonly<Record<string, T>> {
  const spellings = (word: string): string[] =>
    [...word].reduce<string[]>((heads, c) => heads.flatMap((h) => [c, ...traditionalForms(c)].map((f) => h + f)), [''])
  return Object.fromEntries(Object.entries(record).flatMap(([word, value]) => spellings(word).map((s): [string, T] => [s, value])))
}
