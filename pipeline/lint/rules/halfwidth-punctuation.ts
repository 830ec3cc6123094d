import { anyOf, isBlank, isHan } from '../../core/chars.js'
import type { LintMessage, LintRule } from '../rule.js'

/** ASCII marks between two Han characters, where the text wants the language's full-width marks. */
export const halfwidthPunctuation: LintRule = {
  id: 'halfwidth-punctuation',
  doc: 'No ASCII , ; : ? ! between Han characters: the full-width mark belongs there.',
  defaultSeverity: 'warning',
  check(_document, { lang, text }) {
    const fullwidth = lang.punctuation.fullwidth
    const marks = anyOf(Object.keys(fullwidth), 'g')
    const out: LintMessage[] = []
    for (const block of text.blocks) {
      const s = block.text
      for (const { index: i, 0: mark } of s.matchAll(marks)) {
        const wanted = fullwidth[mark]!
        let before = i - 1
        while (before >= 0 && isBlank(s[before]!)) before--
        let after = i + 1
        while (after < s.length && isBlank(s[after]!)) after++
        if (before >= 0 && after < s.length && isHan(s[before]!) && isHan(s[after]!)) {
          out.push({ reason: `ASCII "${mark}" between Han characters: write "${wanted}".`, place: block.span(i, i + 1) })
        }
      }
    }
    return out
  }
}
