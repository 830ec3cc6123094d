import { splitLines, isBlankLine, type Line } from '../../core/lines.js'
import type { Drop, Piece } from '../../model/mapped-text.js'
import type { NormalizeRule } from '../rule.js'

const LONE_NUMBER = /^\d{1,4}$/
/** A footnote as footnote-blocks sets it after the text, by a number of four digits. */
const LONG_LABEL = /^\[\^(\d{4})\]: /gm

export const footnoteReferences: NormalizeRule = {
  id: 'footnote-references',
  doc: 'Reads a footnote number alone on a line, right under a line of text, as a reference at that point: "组织\\n1\\n 以观察员" becomes "组织[^1]以观察员"; a number of four digits only when the text has that footnote (else it may be a year or a page).',
  apply(text) {
    const src = text.text
    const lines = splitLines(src)
    const longLabels = new Set(Array.from(src.matchAll(LONG_LABEL), (m) => m[1]!))
    const isReference = (line: Line) => {
      const number = src.slice(line.contentStart, line.contentEnd)
      return LONE_NUMBER.test(number) && (number.length < 4 || longLabels.has(number))
    }
    const pieces: Piece[] = []
    const drops: Drop[] = []
    let at = 0
    for (let k = 1; k < lines.length; k++) {
      const line = lines[k]!
      const prev = lines[k - 1]!
      if (!isReference(line) || isBlankLine(prev)) continue
      // The superscript number was set on a line of its own: it belongs to the line above.
      pieces.push({ keep: [at, prev.contentEnd] })
      drops.push({ start: prev.contentEnd, end: line.contentStart, reason: 'line break before a footnote reference' })
      pieces.push({ insert: '[^' }, { keep: [line.contentStart, line.contentEnd] }, { insert: ']' })
      at = line.contentEnd
      const next = lines[k + 1]
      if (next && !isBlankLine(next) && !isReference(next)) {
        // The text after the superscript went on on the next line: it is the same line of text.
        drops.push({ start: line.contentEnd, end: next.contentStart, reason: 'line break after a footnote reference' })
        at = next.contentStart
        k++
      }
    }
    if (drops.length === 0) return { text }
    if (at < src.length) pieces.push({ keep: [at, src.length] })
    return { text: text.rewrite(this.id, { pieces, drops }) }
  }
}
