import type { LanguageProfile } from './profile.js'
import { zh } from './zh.js'

const PROFILES: Record<string, LanguageProfile> = { 'zh-Hans': zh, zh }

/** The profile for a BCP 47 tag, or undefined when undoc has none yet. */
export function profileFor(tag: string): LanguageProfile | undefined {
  return PROFILES[tag] ?? PROFILES[tag.split('-')[0]!]
}

/** Guesses the language of a text from its script: Han-dominant text is Chinese. */
export function detectLanguage(text: string): string | undefined {
  let han = 0
  let letters = 0
  for (const c of text.slice(0, 20000)) {
    if (/\p{Script=Han}/u.test(c)) han++
    else if (/\p{L}/u.test(c)) letters++
  }
  if (han > 0 && han >= letters * 0.5) return 'zh-Hans'
  return undefined
}

export type { LanguageProfile } from './profile.js'
