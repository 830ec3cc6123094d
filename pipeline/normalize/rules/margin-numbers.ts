import { isWide } from '../../core/chars.js'
import { splitLines, isBlankLine, type Line } from '../../core/lines.js'
import type { Drop, Piece } from '../../model/mapped-text.js'
import { endsClause, FOOTNOTE_DEFINITION } from '../../model/clause.js'
import type { LanguageProfile } from '../../lang/profile.js'
import type { NormalizeRule } from '../rule.js'

const MOVED = 'line break around a paragraph number set in the margin, moved to the head of its paragraph'
const JOINED = 'line break after a paragraph number set in the margin'

export const marginNumbers: NormalizeRule = {
  id: 'margin-numbers',
  doc: 'Sets a paragraph number that stands alone on its line ("5.", "(b)", "(iv)"), as a PDF gives a number set in the margin, at the head of its paragraph: the line after it, or the line above it where that line opens a paragraph and runs on past the number (the extraction read the margin a line late).',
  apply(text, lang) {
    const src = text.text
    const lines = splitLines(src).filter((l) => !isBlankLine(l))
    const content = (l: Line) => src.slice(l.contentStart, l.contentEnd)
    const pieces: Piece[] = []
    const drops: Drop[] = []
    let at = 0
    /** The last line taken into a paragraph under a number: no other number goes before it. */
    let taken = -1
    for (let i = 0; i < lines.length; i++) {
      const number = lines[i]!
      const next = lines[i + 1]
      if (!next || !isLoneNumber(content(number), lang) || startsOwnBlock(content(next), lang)) continue
      const space = isWide(content(number).at(-1)!, lang.typesetting.widePunctuation) ? '' : ' '
      const above = lines[i - 1]
      const opens = lines[i - 2]
      if (
        above &&
        opens &&
        i - 1 > taken &&
        !startsOwnBlock(content(above), lang) &&
        !endsClause(content(above), lang.clauseMarks) &&
        !isLoneNumber(content(opens), lang) &&
        endsClause(content(opens), lang.clauseMarks)
      ) {
        // "Affirms that …\n4.\nCooperation share …": the number stood beside the line above it.
        pieces.push({ keep: [at, above.contentStart] }, { keep: [number.contentStart, number.contentEnd] }, { insert: space }, { keep: [above.contentStart, above.breakEnd] })
        drops.push({ start: above.breakEnd, end: number.contentStart, reason: MOVED }, { start: number.contentEnd, end: number.breakEnd, reason: MOVED, ...(space ? { replacement: space } : {}) })
        at = number.breakEnd
        taken = i
      } else {
        // "1.\n\nTakes note …": the number heads the line after it.
        pieces.push({ keep: [at, number.contentEnd] }, { insert: space })
        drops.push({ start: number.contentEnd, end: next.contentStart, reason: JOINED, ...(space ? { replacement: space } : {}) })
        at = next.contentStart
        taken = i + 1
      }
      i++
    }
    if (drops.length === 0) return { text }
    pieces.push({ keep: [at, src.length] })
    return { text: text.rewrite(this.id, { pieces, drops }) }
  }
}

/**
 * A line that is a paragraph number and nothing else: what the language reads as the number at
 * the head of a block, were its text on the same line (the space stands for the text).
 */
function isLoneNumber(line: string, lang: LanguageProfile): boolean {
  const m = lang.blockNumber.exec(`${line} `)
  return m !== null && m[0].length === line.length && /[\p{L}\p{N}]/u.test(line)
}

/** A line that is a block of its own whatever precedes it: a numbered one, a lone number, a footnote. */
function startsOwnBlock(line: string, lang: LanguageProfile): boolean {
  return lang.blockNumber.test(line) || isLoneNumber(line, lang) || FOOTNOTE_DEFINITION.test(line)
}
