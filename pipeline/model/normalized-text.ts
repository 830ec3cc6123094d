import type { RawMessage } from '../core/diagnostic.js'
import type { MappedText } from './mapped-text.js'

/** Metadata a rule found in page furniture instead of throwing it away. */
export interface LiftedMeta {
  symbol?: string
  issued?: string
  originalLanguage?: string
  distribution?: string
  jobNumber?: string
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
