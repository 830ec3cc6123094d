import type { LanguageProfile } from '../lang/profile.js'
import type { Alignment } from '../model/alignment.js'
import type { Point, Position, UndocDocument } from '../types/document.js'
import type { DocumentText } from './text.js'

/** How much a finding matters; "off" turns a rule off in a configuration. */
export type LintSeverity = 'error' | 'warning'

/** A finding of a rule: what is wrong, and where in the raw file. */
export interface LintMessage {
  readonly reason: string
  readonly place: Position | Point
}

/** What a rule gets besides the document: its language, its options and the document's text by blocks. */
export interface LintContext {
  readonly lang: LanguageProfile
  /** The rule's options, valid against its schema, with the schema's defaults filled in. */
  readonly options: Readonly<Record<string, unknown>>
  readonly text: DocumentText
}

/** One lint rule: one file in pipeline/lint/rules/, listed in pipeline/lint/index.ts. */
export interface LintRule {
  readonly id: string
  /** One line: what the rule checks. */
  readonly doc: string
  readonly defaultSeverity: LintSeverity
  /** JSON Schema (draft-07) of the options object, with defaults; absent when the rule takes none. */
  readonly schema?: Readonly<Record<string, unknown>>
  check(document: UndocDocument, ctx: LintContext): LintMessage[]
}

/** Two language versions of one document, each with its language, and their alignment. */
export interface VersionPair {
  readonly a: UndocDocument
  readonly b: UndocDocument
  readonly alignment: Alignment
}

/** A finding about two versions: what differs, and where it stands in each raw file. */
export interface ParallelLintMessage {
  readonly reason: string
  /** The version the finding is reported on: the one that has what the other lacks. */
  readonly side: 'a' | 'b'
  readonly a: Position | Point
  readonly b: Position | Point
}

/** A rule over two language versions of one document (listed in pipeline/lint/parallel.ts). */
export interface ParallelLintRule {
  readonly id: string
  readonly doc: string
  readonly defaultSeverity: LintSeverity
  check(pair: VersionPair): ParallelLintMessage[]
}
