import { splitLines, isBlankLine } from '../../core/lines.js'
import { endsClause } from '../../model/clause.js'
import type { Piece } from '../../model/mapped-text.js'
import type { LanguageProfile } from '../../lang/profile.js'
import type { NormalizeRule } from '../rule.js'

/**
 * The number of a paragraph at the start of a line ("4." alone, or "4. Affirms…"), as the profile
 * writes its block numbers: its value when it is in digits, and whether it stands alone.
 */
function paragraphNumber(content: string, lang: LanguageProfile): { value: number; alone: boolean } | null {
  const m = lang.blockNumber.exec(`${content} `)
  const digits = m && /^\D{0,2}(\d{1,3})\D*$/.exec(m[0].trim())
  if (!m || !digits) return null
  return { value: Number(digits[1]), alone: m[0].trimEnd() === content.trimEnd() }
}

export const hangingNumbers: NormalizeRule = {
  id: 'hanging-numbers',
  doc: 'Puts back a hanging paragraph number that a PDF extraction set under the first line of its paragraph ("Affirms that the United Nations and the\\n4.\\nOrganization…"): the next number, alone on its line, under a line that opens a paragraph and ends no clause, is moved above that line.',
  apply(text, lang) {
    const src = text.text
    const lines = splitLines(src)
    const pieces: Piece[] = []
    let at = 0
    let last = 0
    // The last line with text at or above each line, found in one pass: looking back from every
    // numbered line was quadratic on a text of many numbered paragraphs.
    const lastWithText: (number | undefined)[] = []
    lines.forEach((l, j) => lastWithText.push(isBlankLine(l) ? lastWithText[j - 1] : j))
    for (let i = 0; i < lines.length - 1; i++) {
      const line = lines[i]!
      const number = paragraphNumber(src.slice(line.contentStart, line.contentEnd), lang)
      if (!number) continue
      const above = lines[i - 1]
      const aboveText = above ? src.slice(above.contentStart, above.contentEnd) : ''
      const beforeAt = i >= 2 ? lastWithText[i - 2] : undefined
      const before = beforeAt === undefined ? undefined : lines[beforeAt]
      const moved =
        above !== undefined &&
        number.alone &&
        number.value === last + 1 &&
        !isBlankLine(above) &&
        !isBlankLine(lines[i + 1]!) &&
        paragraphNumber(aboveText, lang) === null &&
        !endsClause(aboveText, lang.clauseMarks) &&
        before !== undefined &&
        endsClause(src.slice(before.contentStart, before.contentEnd), lang.clauseMarks)
      last = number.value
      if (!moved || !above) continue
      pieces.push({ keep: [at, above.start] }, { keep: [line.start, line.breakEnd] }, { keep: [above.start, above.breakEnd] })
      at = line.breakEnd
    }
    if (pieces.length === 0) return { text }
    pieces.push({ keep: [at, src.length] })
    return { text: text.rewrite(this.id, { pieces, drops: [] }) }
  }
}
