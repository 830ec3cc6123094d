import type { RawMessage } from '../core/diagnostic.js'
import type { MappedText } from './mapped-text.js'
import type { Vote } from '../types/document.js'

/** Metadata a rule found in page furniture instead of throwing it away. */
export interface LiftedMeta {
  symbol?: string
  issued?: string
  originalLanguage?: string
  distribution?: string
  jobNumber?: string
  /** The vote a web page's information box states ("第8401次会议以15票赞成,0票反对通过 |"). */
  vote?: Vote
}

/**
 * The canonical text of a document: one block per line, blocks separated by a blank line, no
 * indents, footnote references as "[^n]" and footnotes as "[^n]: …" blocks after the text; with
 * the map of every character back to the raw text and the log of everything removed.
 */
export interface NormalizedText {
  readonly text: MappedText
  readonly lifted: LiftedMeta
  readonly messages: readonly RawMessage[]
}
