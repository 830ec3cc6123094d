// Generated from schemas/corpus-gold.schema.json by scripts/generate-types.mjs. Do not edit: edit the schema.
import type { Kind, Vote } from './document.js'

/**
 * What a real text of the evaluation corpus says, written by reading it (never by running undoc): test/corpus/<lang>/<slug>.<lang>.gold.json beside <slug>.<lang>.txt. npm run eval scores undoc's reading of the text against it.
 */
export interface CorpusGold {
  $schema?: string
  language: 'zh-Hans' | 'zh-Hant' | 'en'
  kind: Kind
  /**
   * The document's own symbol, canonical (A/RES/396(V), S/RES/242(1967), S/PRST/2012/1), or null when the text has none.
   */
  symbol: string | null
  /**
   * Top-level operative paragraphs (level 1, all parts A, B, C… together).
   */
  operative: number
  /**
   * The printed numbers of the operative paragraphs in order, in Arabic digits ('一、' is '1'); empty when they are not numbered.
   */
  paragraphNumbers: string[]
  /**
   * Lettered or numbered sub-items ((a), (甲), (i)…) at any deeper level.
   */
  subItems: number
  /**
   * Preambular paragraphs: after the formula, before the operative part.
   */
  preambular: number
  /**
   * Footnotes (their definitions) in the text.
   */
  footnotes: number
  /**
   * The distinct canonical symbols of every UN document the text cites (a joint symbol is two), sorted by code units; not the document's own symbol unless its body cites it.
   */
  citations: string[]
  /**
   * The distinct full dates (day precision) the text states, in ISO, sorted; dates whose year or month is carried over from a neighbour and both ends of a range too.
   */
  dates: string[]
  /**
   * The adoption's vote: the counts, 'unanimous', 'without-vote', or null when the text states none.
   */
  vote: null | Vote
}
