import type { LanguageProfile } from './profile.js'
import { detectScript } from './han-script.js'
import { zh, zhHant } from './zh.js'

const PROFILES: Record<string, LanguageProfile> = { 'zh-Hans': zh, 'zh-Hant': zhHant, zh }

/** The profile for a BCP 47 tag, or undefined when undoc has none yet. */
export function profileFor(tag: string): LanguageProfile | undefined {
  return PROFILES[tag] ?? PROFILES[tag.split('-')[0]!]
}

/** Guesses the language of a text from its script: Han-dominant text is Chinese, Simplified or Traditional. */
export function detectLanguage(text: string): string | undefined {
  let han = 0
  let letters = 0
  const sample = text.slice(0, 20000)
  for (const c of sample) {
    if (/\p{Script=Han}/u.test(c)) han++
    else if (/\p{L}/u.test(c)) letters++
  }
  if (han > 0 && han >= letters * 0.5) return chineseTag(sample)
  return undefined
}

/** The tag of a Chinese text by its script: zh-Hant for Traditional characters, zh-Hans otherwise. */
export function chineseTag(text: string): 'zh-Hans' | 'zh-Hant' {
  return detectScript(text.slice(0, 20000)) === 'Hant' ? 'zh-Hant' : 'zh-Hans'
}

export type { LanguageProfile } from './profile.js'
