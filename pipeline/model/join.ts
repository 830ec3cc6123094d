import { isWide } from '../core/chars.js'

/**
 * What stands between two pieces of one line of text when a line break or a cut between them is
 * taken out: nothing where either side is of an unspaced script (Han, CJK punctuation) or is
 * punctuation the language sets wide (`Typesetting.widePunctuation`), one space between two
 * pieces of a spaced script.
 */
export function joiner(before: string, after: string, widePunctuation: string): string {
  const a = before.charAt(before.length - 1)
  const b = after.charAt(0)
  if (a === '' || b === '') return ''
  return isWide(a, widePunctuation) || isWide(b, widePunctuation) || /[\uD800-\uDFFF]/.test(a + b) ? '' : ' '
}
