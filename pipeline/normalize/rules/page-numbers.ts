import { isBlankLine, splitLines, type Line } from '../../core/lines.js'
import type { LanguageProfile } from '../../lang/profile.js'
import type { Drop } from '../../model/mapped-text.js'
import type { NormalizeRule } from '../rule.js'
import { keptBetween } from './page-furniture.js'

const LONE_NUMBER = /^\d{1,4}$/

/**
 * Whether a number alone on its line is the year of a date the line right above it starts ("…report of
 * 22 December" / "2006"), as an extraction sets the words of a widely spaced line one a line.
 */
function completesDate(src: string, above: Line | undefined, year: string, lang: LanguageProfile): boolean {
  if (above === undefined || isBlankLine(above)) return false
  const joined = `${src.slice(above.contentStart, above.contentEnd)} ${year}`
  return lang.dates(joined).some((d) => d.index + d.length === joined.length && d.length > year.length + 1)
}

export const pageNumbers: NormalizeRule = {
  id: 'page-numbers',
  doc: 'Removes a number alone on a line that is not a footnote reference (it has a blank line above it) nor the year of a date the line right above starts: a page number, with the blank lines under it.',
  apply(text, lang) {
    const src = text.text
    const drops: Drop[] = []
    const lines = splitLines(src)
    lines.forEach((line, i) => {
      const content = src.slice(line.contentStart, line.contentEnd)
      if (LONE_NUMBER.test(content) && !completesDate(src, lines[i - 1], content, lang)) {
        drops.push({ start: line.start, end: line.breakEnd, reason: 'page furniture: page number' })
      } else if (isBlankLine(line) && drops[drops.length - 1]?.end === line.start) {
        // The blank lines under it were the page's: the text goes on as if it were not there.
        drops.push({ start: line.start, end: line.breakEnd, reason: 'blank line under page furniture' })
      }
    })
    if (drops.length === 0) return { text }
    return { text: text.rewrite(this.id, { pieces: keptBetween(drops, src.length), drops }) }
  }
}
