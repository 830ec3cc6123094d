// Character classes shared by normalization, structure and lint. They are Unicode properties,
// not a language's rules: what a language adds lives in pipeline/lang/.

const HAN = /\p{Script=Han}/u
/** The scripts set one em wide, and the CJK punctuation and full-width forms blocks. */
const WIDE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303f\uff01-\uff60\uffe0-\uffe6]/u
/** Code units below this are in none of those (Hangul Jamo start there), and most text of any language is below it. */
const FIRST_WIDE = 0x1100

/** A Han ideograph (the scripts whose words are not separated by spaces). */
export function isHan(c: string): boolean {
  return HAN.test(c)
}

/**
 * A character set one em wide in CJK typesetting: ideographs, kana, full-width forms and CJK
 * punctuation, and the marks a language sets wide that Unicode shares with the Latin script
 * (`Typesetting.widePunctuation`: Chinese sets "—", "…" and its curly quotes full-width, English does not).
 */
export function isWide(c: string, widePunctuation: string): boolean {
  // Every character goes through here when lines are measured: answer the common cases by code.
  const code = c.charCodeAt(0)
  if (code >= 0x4e00 && code <= 0x9fff) return true
  if (widePunctuation !== '' && c !== '' && widePunctuation.includes(c)) return true
  if (code < FIRST_WIDE) return false
  return WIDE.test(c)
}

/** Letters and digits of the scripts that separate words with spaces (Latin, Cyrillic, Greek, Arabic, digits). */
export function isSpacedWordChar(c: string): boolean {
  // Letters and digits: no language's wide punctuation is one.
  return /[\p{L}\p{N}]/u.test(c) && !isWide(c, '')
}

/** Horizontal white space, the ideographic space included. */
export function isBlank(c: string): boolean {
  return c === ' ' || c === '\t' || c === '\u3000' || c === '\u00a0' || c === '\u2002' || c === '\u2003' || c === '\u2009' || c === '\u202f' || c === '\f' || c === '\v'
}

/**
 * A pattern matching any one of the characters (each one code point), with the flag `u` and the
 * given flags: a pass that cares about a few characters goes from one to the next with `matchAll`
 * instead of taking each character of the text as a string of its own, which was most of its cost.
 */
export function anyOf(characters: Iterable<string>, flags = ''): RegExp {
  return new RegExp(`[${[...characters].map((c) => `\\u{${c.codePointAt(0)!.toString(16)}}`).join('')}]`, `u${flags}`)
}

/** Visual width in half-em units: 2 for wide characters (with the language's wide punctuation), 1 for the rest. */
export function visualWidth(s: string, widePunctuation: string): number {
  let w = 0
  for (const c of s) w += isWide(c, widePunctuation) ? 2 : 1
  return w
}

/** The same answers as the regular expression, by code: checked against it for every BMP character in a test. */
export const WIDE_PATTERN = WIDE
