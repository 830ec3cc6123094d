import { splitLines } from '../../core/lines.js'
import type { NormalizeRule } from '../rule.js'

const RUN = /[ \t\u00a0\u3000\u2002\u2003\u2009\u202f\f\v]+/g

export const inlineWhitespace: NormalizeRule = {
  id: 'inline-whitespace',
  doc: 'Writes every run of white space inside a line as one space.',
  apply(text) {
    const src = text.text
    const edits = []
    for (const line of splitLines(src)) {
      for (const m of src.slice(line.contentStart, line.contentEnd).matchAll(RUN)) {
        if (m[0] === ' ') continue
        const start = line.contentStart + m.index
        edits.push({ start, end: start + m[0].length, text: ' ', reason: 'white space other than one space inside a line' })
      }
    }
    return { text: text.edit(this.id, edits) }
  }
}
