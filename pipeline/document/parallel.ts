import { Messages, type Diagnostic } from '../core/diagnostic.js'
import { VERSION } from '../core/package-root.js'
import type { SourceInput } from '../io/sources.js'
import { profileFor } from '../lang/index.js'
import { lintParallel } from '../lint/parallel.js'
import type { VersionPair } from '../lint/rule.js'
import { alignDocuments, type AlignedUnit } from '../model/alignment.js'
import type { AlignedNode, AlignedSource, ParallelAlignment } from '../types/align.js'
import type { UndocDocument } from '../types/document.js'
import { validate } from '../validate/index.js'
import { buildDocument, type DocumentBuild } from './build.js'

/** Two language versions of one document built, aligned and checked against each other. */
export interface ParallelBuild {
  /** Output base name of the pair: "a-res-67-264.zh-en" for a-res-67-264.zh and a-res-67-264.en. */
  readonly name: string
  readonly a: DocumentBuild
  readonly b: DocumentBuild
  /** Both versions' diagnostics, then where they disagree (each with the other version's place). */
  readonly diagnostics: Diagnostic[]
  /** Absent when a version did not build. */
  readonly pair?: VersionPair
  /** What NAME.align.json holds. */
  readonly file?: ParallelAlignment
}

/** The primary language subtag of a version ("zh-Hans" → "zh"). */
function languageCode(document: UndocDocument): string {
  return document.metadata.language.split('-')[0]!.toLowerCase()
}

/**
 * The pair's output name: the versions' common name with both languages ("a.zh" and "a.en" →
 * "a.zh-en"), or both names when they have none in common.
 */
function pairName(a: UndocDocument, b: UndocDocument): string {
  const codeA = languageCode(a)
  const codeB = languageCode(b)
  const base = (d: UndocDocument, code: string) => d.source.name.replace(new RegExp(`\\.${code}(?:-[a-z]+)?$`, 'i'), '')
  const common = base(a, codeA)
  return common === base(b, codeB) ? `${common}.${codeA}-${codeB}` : `${a.source.name}+${b.source.name}`
}

function alignedNode(u: AlignedUnit): AlignedNode {
  const id = 'id' in u.node ? u.node.id : undefined
  return { pointer: u.pointer, ...(id !== undefined ? { id } : {}), kind: u.kind, ...(u.number !== undefined ? { number: u.number } : {}), position: u.node.position }
}

function source(d: UndocDocument): AlignedSource {
  return { path: d.source.path, name: d.source.name, language: d.metadata.language, sha256: d.source.sha256 }
}

/**
 * Builds two language versions of one document (without their editions), aligns them paragraph
 * by paragraph and checks that they agree. Problems with either input are diagnostics.
 */
export async function buildParallel(inputA: SourceInput, inputB: SourceInput): Promise<ParallelBuild> {
  const [a, b] = await Promise.all([buildDocument(inputA, undefined, []), buildDocument(inputB, undefined, [])])
  const built = [...a.diagnostics, ...b.diagnostics]
  const fallbackName = `${a.name}+${b.name}`
  if (!a.document || !b.document || built.some((d) => d.severity === 'error')) return { name: fallbackName, a, b, diagnostics: built }
  const alignment = alignDocuments(a.document, b.document, profileFor(a.document.metadata.language), profileFor(b.document.metadata.language))
  const pair: VersionPair = { a: a.document, b: b.document, alignment }
  const disagreements = lintParallel(pair)
  const placeOf = (d: { line: number; column: number; endLine?: number; endColumn?: number }) => ({
    line: d.line,
    column: d.column,
    ...(d.endLine !== undefined && d.endColumn !== undefined ? { endLine: d.endLine, endColumn: d.endColumn } : {})
  })
  const file: ParallelAlignment = {
    undoc: VERSION,
    sources: [source(a.document), source(b.document)],
    rows: alignment.rows.map((r) => ({ ...(r.a !== undefined ? { a: alignedNode(alignment.a[r.a]!) } : {}), ...(r.b !== undefined ? { b: alignedNode(alignment.b[r.b]!) } : {}) })),
    disagreements: disagreements.map((d) => {
      const here = placeOf(d)
      const there = placeOf(d.related![0]!)
      return { ruleId: d.ruleId, reason: d.reason, ...(d.file === a.document!.source.path ? { a: here, b: there } : { a: there, b: here }) }
    })
  }
  const name = pairName(a.document, b.document)
  const problems = new Messages(`${name}.align.json`)
  for (const v of validate('align.schema.json', file)) problems.add('error', `The alignment is not valid against align.schema.json at ${v.pointer}: ${v.message}.`, 'schema', undefined)
  return { name, a, b, diagnostics: [...built, ...disagreements, ...problems.toData()], pair, ...(problems.hasErrors ? {} : { file }) }
}
