import { splitLines, isBlankLine } from '../../core/lines.js'
import type { Drop, Piece } from '../../model/mapped-text.js'
import { FOOTNOTE_DEFINITION } from '../../model/clause.js'
import type { NormalizeRule } from '../rule.js'

/** A line that holds a whole text has at least this many places where a paragraph runs into the next. */
const MIN_BREAKS = 3

export const runInParagraphs: NormalizeRule = {
  id: 'run-in-paragraphs',
  doc: 'Cuts a line that holds a whole text, its paragraphs run in with a space between them ("大会, 回顾……, 1.决定……;"), into one block a paragraph, where the language profile says a paragraph may end.',
  apply(text, lang) {
    const src = text.text
    const pieces: Piece[] = []
    const drops: Drop[] = []
    let at = 0
    for (const line of splitLines(src)) {
      if (isBlankLine(line)) continue
      const content = src.slice(line.contentStart, line.contentEnd)
      if (FOOTNOTE_DEFINITION.test(content)) continue
      const breaks = [...content.matchAll(lang.runInBreak)].filter((m) => m[0].length > 0)
      if (breaks.length < MIN_BREAKS) continue
      for (const m of breaks) {
        const start = line.contentStart + m.index
        const end = start + m[0].length
        pieces.push({ keep: [at, start] }, { insert: '\n\n', replaces: [start, end] })
        drops.push({ start, end, reason: 'space between two paragraphs run in on one line', replacement: '\n\n' })
        at = end
      }
    }
    if (drops.length === 0) return { text }
    pieces.push({ keep: [at, src.length] })
    return { text: text.rewrite(this.id, { pieces, drops }) }
  }
}
