import { createRequire } from 'node:module'

const SOFT_HYPHEN = '\u00ad'

/**
 * The TeX patterns (en-us) are a module of 100 KB that takes tens of milliseconds to load, and
 * only the PDF's line breaker asks where a word may break: they are required on the first word,
 * not by every run that loads a language profile (a JSON or Markdown build, `undoc validate`).
 */
const load = createRequire(import.meta.url)
let english: (typeof import('hyphen/en-us/index.js'))['default'] | undefined

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
  english ??= load('hyphen/en-us/index.js') as NonNullable<typeof english>
  return softHyphens(english.hyphenateSync(word, { hyphenChar: SOFT_HYPHEN, minWordLength: 5 }))
}
