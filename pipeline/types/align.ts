// Generated from schemas/align.schema.json by scripts/generate-types.mjs. Do not edit: edit the schema.
import type { Position } from './document.js'

/**
 * This interface was referenced by `ParallelAlignment`'s JSON-Schema
 * via the `definition` "UnitKind".
 */
export type UnitKind =
  'title' | 'heading' | 'formula' | 'preambular' | 'operative' | 'text' | 'adoption' | 'signature' | 'footnote'

/**
 * Two language versions of one document aligned paragraph by paragraph (output/NAME.align.json): the two sources, every unit of both in reading order (paired, or alone where the other version has nothing for it), and where the versions disagree.
 */
export interface ParallelAlignment {
  /**
   * Version of undoc that aligned the two.
   */
  undoc: string
  /**
   * The two versions: `a` is the first, `b` the second.
   *
   * @minItems 2
   * @maxItems 2
   */
  sources: [AlignedSource, AlignedSource]
  rows: AlignmentRow[]
  disagreements: Disagreement[]
}
/**
 * This interface was referenced by `ParallelAlignment`'s JSON-Schema
 * via the `definition` "AlignedSource".
 */
export interface AlignedSource {
  /**
   * Path of the raw file as given on the command line, with / separators.
   */
  path: string
  /**
   * Output base name of the version (NAME.json).
   */
  name: string
  /**
   * BCP 47 tag of the version.
   */
  language: string
  sha256: string
}
/**
 * A pair of units, one of each version, or a unit of one version that has no counterpart in the other.
 *
 * This interface was referenced by `ParallelAlignment`'s JSON-Schema
 * via the `definition` "AlignmentRow".
 */
export interface AlignmentRow {
  a?: AlignedNode
  b?: AlignedNode
}
/**
 * This interface was referenced by `ParallelAlignment`'s JSON-Schema
 * via the `definition` "AlignedNode".
 */
export interface AlignedNode {
  /**
   * JSON pointer of the node in its version's NAME.json ('/tree/children/2/children/0'): its id in that document.
   */
  pointer: string
  /**
   * The node's own id, when it has one ('para-3', 'fn-1').
   */
  id?: string
  kind: UnitKind
  /**
   * The paragraph's or heading's number as printed.
   */
  number?: string
  position: Position
}
/**
 * A place where the versions say different things, with where it is in each raw file.
 *
 * This interface was referenced by `ParallelAlignment`'s JSON-Schema
 * via the `definition` "Disagreement".
 */
export interface Disagreement {
  ruleId: string
  reason: string
  a: Place
  b: Place
}
/**
 * This interface was referenced by `ParallelAlignment`'s JSON-Schema
 * via the `definition` "Place".
 */
export interface Place {
  line: number
  column: number
  endLine?: number
  endColumn?: number
}
