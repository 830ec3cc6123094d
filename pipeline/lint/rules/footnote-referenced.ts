import type { LintRule } from '../rule.js'
import { footnoteDefinitions } from '../text.js'

/** Every footnote is referenced from the text. */
export const footnoteReferenced: LintRule = {
  id: 'footnote-referenced',
  doc: 'Every footnote is referenced in the text.',
  defaultSeverity: 'error',
  check(_document, { text }) {
    const referenced = new Set(text.blocks.flatMap((b) => b.references.map((r) => r.node.identifier)))
    return footnoteDefinitions(text)
      .filter((d) => !referenced.has(d.identifier))
      .map((d) => {
        const { start } = d.position
        // The footnote's label stands at its start.
        return {
          reason: `Footnote ${d.label} is never referenced in the text.`,
          place: { start, end: { line: start.line, column: start.column + d.label.length, offset: start.offset + d.label.length } }
        }
      })
  }
}
