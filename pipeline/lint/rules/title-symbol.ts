import { symbolFromNumber } from '../../model/un-symbol.js'
import type { LintRule } from '../rule.js'

/** A resolution's number, as its title prints it, is the number of its symbol (67/264 ↔ A/RES/67/264). */
export const titleSymbol: LintRule = {
  id: 'title-symbol',
  doc: "The number in a resolution's title matches its symbol.",
  defaultSeverity: 'error',
  check(document, { text }) {
    const { kind, number, symbol } = document.metadata
    if (number === undefined || symbol === undefined) return []
    const expected = symbolFromNumber(kind, number.replace(/\s/g, ''))
    if (expected === undefined || expected === symbol.replace(/\s/g, '')) return []
    const title = text.blocks.find((b) => b.place.annex === 0 && b.block.type === 'heading' && b.block.role === 'title')
    return [
      {
        reason: `The title numbers this document ${number}, which is ${expected}, but its symbol is ${symbol}: one of them is wrong.`,
        place: title ? title.block.position : document.tree.position.start
      }
    ]
  }
}
