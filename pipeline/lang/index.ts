import type { LanguageProfile } from './profile.js'
import { zh } from './zh.js'

const PROFILES: Record<string, LanguageProfile> = { 'zh-Hans': zh, zh }

/** The profile for a BCP 47 tag, or undefined when undoc has none yet. */
export function profileFor(tag: string): LanguageProfile | undefined {
  return PROFILES[tag] ?? PROFILES[tag.split('-')[0]!]
}

/** The language a file name's tag gives ("a-res-67-264.zh.txt" → zh-Hans, "….en.txt" → en), as a BCP 47 tag. */
export function languageOfFileName(path: string): string | undefined {
  const m = /\.(zh|en|fr|es|ru|ar)(?:-[A-Za-z]+)?\.(?:txt|text|md|markdown)$/i.exec(path)
  if (!m) return undefined
  const code = m[1]!.toLowerCase()
  // The UN's Chinese editions are in Simplified script; "zh" alone names them.
  return code === 'zh' ? 'zh-Hans' : code
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
