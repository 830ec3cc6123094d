import { isBlank } from '../../core/chars.js'
import type { LintMessage, LintRule } from '../rule.js'
import type { BlockText } from '../text.js'

/**
 * The clauses of a resolution: preambular paragraphs end with the preambular mark ("，"),
 * operative ones with the operative mark ("；"), the last with the closing mark ("。"); a
 * paragraph followed by its subparagraphs may introduce them ("：").
 */
export const clausePunctuation: LintRule = {
  id: 'clause-punctuation',
  doc: 'Preambular paragraphs of a resolution end with "，", operative paragraphs with "；" and the last with "。".',
  defaultSeverity: 'warning',
  schema: {
    type: 'object',
    additionalProperties: false,
    properties: {
      kinds: {
        description: 'The kinds of document whose clauses are checked.',
        type: 'array',
        items: { type: 'string', enum: ['ga-resolution', 'ga-decision', 'sc-resolution'] },
        uniqueItems: true,
        default: ['ga-resolution', 'sc-resolution']
      }
    }
  },
  check(document, { lang, options, text }) {
    if (!(options.kinds as string[]).includes(document.metadata.kind)) return []
    const endings = lang.punctuation.clauseEndings
    const clauses = text.blocks.filter((b) => b.place.annex === 0 && b.block.type === 'paragraph' && (b.block.role === 'preambular' || b.block.role === 'operative'))
    const lastOperative = clauses.findLast((b) => b.place.part === 'body')
    const out: LintMessage[] = []
    clauses.forEach((clause, i) => {
      const next = clauses[i + 1]
      const level = (b: BlockText) => (b.block.type === 'paragraph' ? (b.block.level ?? 1) : 1)
      const introduces = next !== undefined && next.place.part === clause.place.part && level(next) > level(clause)
      const what = clause.place.part === 'preamble' ? 'preambular' : clause === lastOperative ? 'last' : 'operative'
      const allowed = [...endings[what], ...(introduces ? endings.introducing : [])]
      const at = finalMark(clause.text, lang.clauseMarks.closers)
      if (at < 0 || allowed.includes(clause.text[at]!)) return
      const name = what === 'last' ? 'The last operative paragraph' : what === 'preambular' ? 'A preambular paragraph' : 'An operative paragraph'
      const mark = clause.text[at]!
      out.push({ reason: `${name} ends with ${allowed.map((m) => `"${m}"`).join(' or ')}, not "${mark}".`, place: clause.span(at, at + 1) })
    })
    return out
  }
}

/** Index of the character that ends a clause: the last one before trailing blanks and the language's closing quotes. */
function finalMark(s: string, closers: string): number {
  let i = s.length - 1
  while (i >= 0 && isBlank(s[i]!)) i--
  const end = i
  while (i >= 0 && closers.includes(s[i]!)) i--
  return i >= 0 ? i : end
}
