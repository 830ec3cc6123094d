import type { LintMessage, LintRule } from '../rule.js'

const ORDERED = new Set(['ga-resolution', 'sc-resolution'])

/** Resolutions cited with their dates in one list ("…第37/4号、…第38/4号和…第65/140号决议") run from the oldest. */
export const citationOrder: LintRule = {
  id: 'citation-order',
  doc: 'Lists of resolutions cited with their dates run in chronological order.',
  defaultSeverity: 'warning',
  check(_document, { lang, text }) {
    const separator = new RegExp(`^\\s*(?:${lang.citations.separator})\\s*$`, 'u')
    // The words are patterns (either script of Chinese): "决议" is "[决決][议議]".
    const closing = new RegExp(`(?:${lang.citations.resolutionWord}|${lang.citations.decisionWord})\\s*$`, 'u')
    const out: LintMessage[] = []
    for (const block of text.blocks) {
      const cs = block.citations
      for (let i = 1; i < cs.length; i++) {
        const [a, b] = [cs[i - 1]!, cs[i]!]
        if (!ORDERED.has(a.node.kind) || !ORDERED.has(b.node.kind) || !a.node.date || !b.node.date) continue
        // Only a separator joins two items of one list; a closing word ("决议") ends the list.
        const closed = closing.test(block.text.slice(a.start, a.end))
        if (closed || !separator.test(block.text.slice(a.end, b.start))) continue
        if (b.node.date < a.node.date) {
          out.push({
            reason: `Resolution ${b.node.value ?? b.node.symbol} (${b.node.date}) is listed after resolution ${a.node.value ?? a.node.symbol} (${a.node.date}): a list of resolutions runs from the oldest.`,
            place: b.node.position
          })
        }
      }
    }
    return out
  }
}
