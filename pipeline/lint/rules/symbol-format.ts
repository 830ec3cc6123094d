import { symbols } from '../../model/citation-grammar.js'
import { isSeries, isUnSymbol, splitJointSymbol } from '../../model/un-symbol.js'
import { SYMBOL } from '../../model/citation-tokens.js'
import type { LintMessage, LintRule } from '../rule.js'

const GRAMMAR = 'a series (A, S, E/CN.4…), then "/"-separated components of capitals, digits and dots, then suffixes such as Rev.1, Add.2, Corr.1'

/**
 * Symbols follow the symbol grammar: the document's own, the cited ones, and every
 * symbol-shaped string of the text that starts with a series but could not be read as a symbol
 * ("A/67/L.5/rev.1"), which is therefore not linked.
 */
export const symbolFormat: LintRule = {
  id: 'symbol-format',
  doc: "Document symbols (the document's own and those cited) follow the UN symbol grammar.",
  defaultSeverity: 'error',
  check(document, { text }) {
    const out: LintMessage[] = []
    const own = document.metadata.symbol
    if (own !== undefined && splitJointSymbol(own) === null) {
      out.push({ reason: `The document's symbol "${own}" does not follow the symbol grammar: ${GRAMMAR}.`, place: document.tree.position.start })
    }
    const shape = new RegExp(SYMBOL, 'gu')
    for (const block of text.blocks) {
      for (const c of block.citations) {
        if (c.node.kind === 'document' && c.node.symbol !== undefined && !isUnSymbol(c.node.symbol)) {
          out.push({ reason: `The cited symbol "${c.node.symbol}" does not follow the symbol grammar: ${GRAMMAR}.`, place: c.node.position })
        }
      }
      let citation = 0
      for (const m of block.text.matchAll(shape)) {
        const end = m.index + m[0].length
        while (citation < block.citations.length && block.citations[citation]!.end <= m.index) citation++
        const inCitation = citation < block.citations.length && block.citations[citation]!.start < end
        if (inCitation || !isSeries(m[0].split('/')[0]!) || !/\d/.test(m[0]) || symbols(m[0], m.index) !== null) continue
        out.push({ reason: `"${m[0]}" looks like a document symbol but does not follow the symbol grammar (${GRAMMAR}), so it is not linked.`, place: block.span(m.index, end) })
      }
    }
    return out
  }
}
