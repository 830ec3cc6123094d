import { isWide } from '../../core/chars.js'
import { splitLines } from '../../core/lines.js'
import { FOOTNOTE_DEFINITION } from '../../model/clause.js'
import type { NormalizeRule } from '../rule.js'

const SPACE_RUN = /[ \t\u00a0\u3000\u2002\u2003\u2009\u202f\f\v]+/g

export const hanSpacing: NormalizeRule = {
  id: 'han-spacing',
  doc: 'Removes spaces next to Han characters and CJK punctuation ("2011 年 7 月" → "2011年7月"): the space between Han and Latin or digits is the typesetter\'s job.',
  optIn: true,
  apply(text, lang) {
    const src = text.text
    const edits = []
    for (const line of splitLines(src)) {
      const content = src.slice(line.contentStart, line.contentEnd)
      // The space after a paragraph number or a footnote label is the block's syntax, not spacing.
      const head = lang.blockNumber.exec(content)?.[0].length ?? FOOTNOTE_DEFINITION.exec(content)?.[0].length ?? 0
      for (const m of content.matchAll(SPACE_RUN)) {
        if (m.index === 0 || m.index + m[0].length === content.length || m.index === head) continue
        const a = content[m.index - 1]!
        const b = content[m.index + m[0].length]!
        if (isWide(a, lang.typesetting.widePunctuation) || isWide(b, lang.typesetting.widePunctuation)) {
          const start = line.contentStart + m.index
          edits.push({ start, end: start + m[0].length, text: '', reason: 'space next to a Han character or CJK punctuation (the typesetter spaces Han and Latin)' })
        }
      }
    }
    return { text: text.edit(this.id, edits) }
  }
}
