// Generated from schemas/index.schema.json by scripts/generate-types.mjs. Do not edit: edit the schema.
import type { CitationKind, Kind } from './document.js'

/**
 * This interface was referenced by `CorpusIndex`'s JSON-Schema
 * via the `definition` "IndexedDocument".
 */
export type IndexedDocument = DocumentSummary & {
  name?: unknown
  path?: unknown
  symbol?: unknown
  kind?: unknown
  title?: unknown
  date?: unknown
  citations?: unknown
  citedBy: Backlink[]
}

/**
 * output/index.json: every document of the corpus, the documents it cites and those that cite it (backlinks), and the cited symbols that are not in the corpus.
 */
export interface CorpusIndex {
  undoc: string
  documents: IndexedDocument[]
  /**
   * Symbols cited by the corpus's documents that no document of the corpus has, sorted.
   */
  missing: MissingSymbol[]
}
/**
 * What the index needs of one built document: kept by the batch runner instead of the document. Strict as part of IndexedDocument.
 *
 * This interface was referenced by `CorpusIndex`'s JSON-Schema
 * via the `definition` "DocumentSummary".
 */
export interface DocumentSummary {
  name: string
  path: string
  symbol?: string
  kind: Kind
  title?: string
  date?: string
  citations: CitedSymbol[]
}
/**
 * This interface was referenced by `CorpusIndex`'s JSON-Schema
 * via the `definition` "CitedSymbol".
 */
export interface CitedSymbol {
  symbol: string
  kind: CitationKind
  count: number
  /**
   * Output name of the cited document when it is in the corpus.
   */
  target?: string
}
/**
 * This interface was referenced by `CorpusIndex`'s JSON-Schema
 * via the `definition` "Backlink".
 */
export interface Backlink {
  name: string
  symbol?: string
  count: number
}
/**
 * This interface was referenced by `CorpusIndex`'s JSON-Schema
 * via the `definition` "MissingSymbol".
 */
export interface MissingSymbol {
  symbol: string
  citedBy: string[]
}
