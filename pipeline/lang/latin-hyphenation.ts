import english from 'hyphen/en-us/index.js'

const SOFT_HYPHEN = '\u00ad'

/** The offsets of the soft hyphens a hyphenator put into a word, in the word without them. */
function softHyphens(hyphenated: string): number[] {
  const points: number[] = []
  let at = 0
  for (const c of hyphenated) {
    if (c === SOFT_HYPHEN) points.push(at)
    else at += c.length
  }
  return points
}

/** Where an English word may be hyphenated, by the TeX patterns (en-us), as offsets into it: for Latin text in any edition. */
export function hyphenateEnglish(word: string): number[] {
  return softHyphens(english.hyphenateSync(word, { hyphenChar: SOFT_HYPHEN, minWordLength: 5 }))
}
