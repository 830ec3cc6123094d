import { isBlankLine, splitLines } from '../../core/lines.js'
import type { Drop } from '../../model/mapped-text.js'
import type { NormalizeRule } from '../rule.js'
import { keptBetween } from './page-furniture.js'

const LONE_NUMBER = /^\d{1,4}$/

export const pageNumbers: NormalizeRule = {
  id: 'page-numbers',
  doc: 'Removes a number alone on a line that is not a footnote reference (it has a blank line above it): a page number, with the blank lines under it.',
  apply(text) {
    const src = text.text
    const drops: Drop[] = []
    for (const line of splitLines(src)) {
      if (LONE_NUMBER.test(src.slice(line.contentStart, line.contentEnd))) {
        drops.push({ start: line.start, end: line.breakEnd, reason: 'page furniture: page number' })
      } else if (isBlankLine(line) && drops[drops.length - 1]?.end === line.start) {
        // The blank lines under it were the page's: the text goes on as if it were not there.
        drops.push({ start: line.start, end: line.breakEnd, reason: 'blank line under page furniture' })
      }
    }
    if (drops.length === 0) return { text }
    return { text: text.rewrite(this.id, { pieces: keptBetween(drops, src.length), drops }) }
  }
}
