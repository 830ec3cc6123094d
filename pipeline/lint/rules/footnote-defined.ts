import type { LintRule } from '../rule.js'
import { footnoteDefinitions } from '../text.js'

/** Every footnote reference has a footnote with its label. */
export const footnoteDefined: LintRule = {
  id: 'footnote-defined',
  doc: 'Every footnote reference has a footnote.',
  defaultSeverity: 'error',
  check(_document, { text }) {
    const defined = new Set(footnoteDefinitions(text).map((d) => d.identifier))
    return text.blocks.flatMap((b) =>
      b.references
        .filter((r) => !defined.has(r.node.identifier))
        .map((r) => ({ reason: `Footnote ${r.node.label} is referenced here but there is no footnote ${r.node.label}.`, place: r.node.position }))
    )
  }
}
