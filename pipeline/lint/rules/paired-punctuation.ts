import { anyOf } from '../../core/chars.js'
import type { LintMessage, LintRule } from '../rule.js'

/**
 * Paired marks balance and nest within each block (paragraph, heading, footnote). A quotation
 * that runs over several paragraphs is left open at the end of each but the last, whose next
 * paragraph opens it again.
 */
export const pairedPunctuation: LintRule = {
  id: 'paired-punctuation',
  doc: 'Paired punctuation (title marks, brackets, quotation marks) is balanced and properly nested within each paragraph.',
  defaultSeverity: 'warning',
  check(_document, { lang, text }) {
    const closerOf = new Map(lang.punctuation.pairs.map(([open, close]) => [open, close]))
    const openerOf = new Map(lang.punctuation.pairs.map(([open, close]) => [close, open]))
    const marks = anyOf(lang.punctuation.pairs.flat(), 'g')
    const out: LintMessage[] = []
    text.blocks.forEach((block, b) => {
      const next = text.blocks[b + 1]
      const nextOpening = next?.place.part === block.place.part ? next.text.trimStart() : undefined
      const reopened = (mark: string) => lang.punctuation.continuedQuotes.includes(mark) && nextOpening?.startsWith(mark) === true
      const open: { mark: string; at: number }[] = []
      // How many of each opening mark are on the stack: an unmatched closer is found without a scan.
      const opened = new Map<string, number>()
      for (const { index: i, 0: c } of block.text.matchAll(marks)) {
        if (closerOf.has(c)) {
          open.push({ mark: c, at: i })
          opened.set(c, (opened.get(c) ?? 0) + 1)
          continue
        }
        const opener = openerOf.get(c)
        if (opener === undefined) continue
        if (!opened.get(opener)) {
          out.push({ reason: `Unpaired ${c}: no ${opener} opens it in this paragraph.`, place: block.span(i, i + 1) })
          continue
        }
        // Marks opened inside this pair and not closed before it: the pairs cross or one is unclosed.
        let depth = open.length - 1
        while (open[depth]!.mark !== opener) depth--
        const [, ...inside] = open.splice(depth)
        opened.set(opener, opened.get(opener)! - 1)
        for (const inner of inside) {
          opened.set(inner.mark, opened.get(inner.mark)! - 1)
          out.push({
            reason: `${inner.mark} is not closed before the ${c} that closes the ${opener} around it: add ${closerOf.get(inner.mark)!} or move it.`,
            place: block.span(inner.at, inner.at + 1)
          })
        }
      }
      for (const o of open) {
        if (!reopened(o.mark)) out.push({ reason: `Unpaired ${o.mark}: no ${closerOf.get(o.mark)!} closes it in this paragraph.`, place: block.span(o.at, o.at + 1) })
      }
    })
    return out
  }
}
