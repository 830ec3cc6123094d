import type { LanguageProfile } from './profile.js'
import { en } from './en.js'
import { detectScript } from './han-script.js'
import { zh, zhHant } from './zh.js'

const PROFILES: Record<string, LanguageProfile> = { 'zh-Hans': zh, 'zh-Hant': zhHant, zh, en }

/** The profile for a BCP 47 tag, or undefined when undoc has none yet. */
export function profileFor(tag: string): LanguageProfile | undefined {
  return PROFILES[tag] ?? PROFILES[tag.split('-')[0]!]
}

/**
 * The language a file name's tag gives ("a-res-67-264.zh.txt", "….en.txt"), as a BCP 47 tag. "zh"
 * names both scripts of Chinese: which one is read from the text.
 */
export function languageOfFileName(path: string, text: string): string | undefined {
  const m = /\.(zh|en|fr|es|ru|ar)(?:-[A-Za-z]+)?\.(?:txt|text|md|markdown)$/i.exec(path)
  if (!m) return undefined
  const code = m[1]!.toLowerCase()
  return code === 'zh' ? chineseTag(text) : code
}

/** The words that make up about a fifth of any English text, and of no other official language's. */
const ENGLISH_WORDS = new Set(['the', 'of', 'and', 'to', 'in', 'its', 'on', 'that', 'with', 'for'])

/**
 * Guesses the language of a text: Han-dominant text is Chinese, Simplified or Traditional;
 * Latin-script text whose commonest little words are English is English (French and Spanish
 * share the script, not these words).
 */
export function detectLanguage(text: string): string | undefined {
  const sample = text.slice(0, 20000)
  let han = 0
  let letters = 0
  let latin = 0
  for (const c of sample) {
    if (/\p{Script=Han}/u.test(c)) han++
    else if (/\p{L}/u.test(c)) {
      letters++
      if (/\p{Script=Latin}/u.test(c)) latin++
    }
  }
  if (han > 0 && han >= letters * 0.5) return chineseTag(sample)
  if (latin < letters * 0.9) return undefined
  const words = sample.toLowerCase().match(/\p{L}+/gu) ?? []
  const english = words.filter((w) => ENGLISH_WORDS.has(w)).length
  return words.length >= 3 && english >= words.length * 0.1 ? 'en' : undefined
}

/** The tag of a Chinese text by its script: zh-Hant for Traditional characters, zh-Hans otherwise. */
export function chineseTag(text: string): 'zh-Hans' | 'zh-Hant' {
  return detectScript(text.slice(0, 20000)) === 'Hant' ? 'zh-Hant' : 'zh-Hans'
}

export type { LanguageProfile } from './profile.js'
