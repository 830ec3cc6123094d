import { mkdir } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { buildDocument, outputName } from '../build/document.js'
import { compareDiagnostics, type Diagnostic } from '../core/diagnostic.js'
import { buildCorpusIndex, summarize } from '../crossref/corpus-index.js'
import { findSources, readSource, type SourceFile } from '../io/sources.js'
import { removeStaleTemps, writeAtomic } from '../io/write.js'
import type { EmitOutput, Emitter } from '../emit/index.js'
import { emitJson } from '../emit/json/index.js'
import type { UndocDocument } from '../types/document.js'
import type { DocumentSummary } from '../types/index.js'
import { validate } from '../validate/index.js'

/** What a run keeps of each document: not the document itself, so memory does not grow with the corpus. */
export interface BuiltSource {
  readonly path: string
  readonly name: string
  /** False when the document had errors and nothing of it was written. */
  readonly built: boolean
  readonly summary?: DocumentSummary
}

/** The corpus index's file in the output folder. */
export const INDEX_NAME = 'index.json'

export interface RunOptions {
  readonly paths: readonly string[]
  /** Output folder; undefined to build without writing (validate). */
  readonly out?: string
  readonly emitters?: readonly Emitter[]
  readonly cwd?: string
  /** Lints each document built without errors; lint findings never stop its outputs being written. */
  readonly lint?: (document: UndocDocument) => Diagnostic[]
  /**
   * Receives each output instead of its being written (undoc check compares them with the files).
   * A document that cites others in the corpus gives its outputs a second time, as they are final.
   */
  readonly collect?: (name: string, content: EmitOutput) => Promise<void>
}

export interface RunResult {
  readonly diagnostics: Diagnostic[]
  readonly builds: BuiltSource[]
  /** Set when the run itself could not go on (usage or I/O), as opposed to a document's errors. */
  readonly ioError: boolean
}

/**
 * Builds every source under the given paths, one after the other, writing each document's
 * outputs atomically as soon as it is built; one bad file never stops the others.
 */
export async function runBuild(options: RunOptions): Promise<RunResult> {
  const cwd = options.cwd ?? process.cwd()
  const { sources, diagnostics } = await findSources(options.paths, cwd)
  let ioError = diagnostics.some((d) => d.ruleId === 'io-error' || d.ruleId === 'usage')
  const builds: BuiltSource[] = []
  const clashes = nameClashes(sources)
  diagnostics.push(...clashes.diagnostics)
  if (options.out !== undefined) {
    try {
      await mkdir(resolve(cwd, options.out), { recursive: true })
      await removeStaleTemps(resolve(cwd, options.out))
    } catch (error) {
      diagnostics.push(ioDiagnostic(options.out, `Cannot create the output folder (${(error as NodeJS.ErrnoException).code ?? String(error)}).`))
      return { diagnostics: diagnostics.sort(compareDiagnostics), builds, ioError: true }
    }
  }
  const producing = options.out !== undefined || options.collect !== undefined
  const write = async (name: string, content: EmitOutput) => {
    if (options.collect) return options.collect(name, content)
    if (options.out === undefined) return
    try {
      await writeAtomic(resolve(cwd, options.out, name), content)
    } catch (error) {
      diagnostics.push(ioDiagnostic(join(options.out, name), `Cannot write the output (${(error as NodeJS.ErrnoException).code ?? String(error)}).`))
      ioError = true
    }
  }
  // Builds one source against a corpus (symbol → output name); keeps its summary, writes its outputs.
  const buildOne = async (source: SourceFile, corpus: ReadonlyMap<string, string>, report: boolean): Promise<BuiltSource | undefined> => {
    const input = await readSource(source, cwd)
    if ('ruleId' in input) {
      if (report) diagnostics.push(input)
      ioError = true
      return undefined
    }
    const build = await buildDocument(input, { corpus }, options.emitters)
    if (report) diagnostics.push(...build.diagnostics)
    if (report && options.lint && build.document && !build.diagnostics.some((d) => d.severity === 'error')) diagnostics.push(...options.lint(build.document))
    for (const output of build.outputs) await write(output.name, output.content)
    return { path: build.path, name: build.name, built: build.outputs.length > 0, ...(build.document ? { summary: summarize(build.document) } : {}) }
  }
  const accepted = sources.filter((s) => !clashes.refused.has(s.path))
  for (const source of accepted) {
    const built = await buildOne(source, new Map(), true)
    if (built) builds.push(built)
  }
  if (producing) {
    // Citations of documents that are in this corpus point at them: the documents that cite one
    // are built again with the corpus's symbols, once every symbol is known.
    const summaries = builds.flatMap((b) => (b.summary ? [b.summary] : []))
    const corpus = new Map<string, string>()
    for (const s of [...summaries].sort((a, b) => (a.name < b.name ? -1 : 1))) if (s.symbol && !corpus.has(s.symbol)) corpus.set(s.symbol, s.name)
    const citing = new Set(summaries.filter((s) => s.citations.some((c) => corpus.has(c.symbol) && corpus.get(c.symbol) !== s.name)).map((s) => s.path))
    for (const source of accepted) if (citing.has(source.path)) await buildOne(source, corpus, false)
    const index = buildCorpusIndex(summaries)
    const invalid = validate('index.schema.json', index)
    if (invalid.length > 0) throw new Error(`The corpus index is not valid against index.schema.json: ${invalid.map((v) => `${v.pointer} ${v.message}`).join('; ')}`)
    await write(INDEX_NAME, () => emitJson(index))
  }
  return { diagnostics: diagnostics.sort(compareDiagnostics), builds, ioError }
}

/** Two sources that would write the same output name are both refused, each naming the other. */
function nameClashes(sources: readonly SourceFile[]): { refused: Set<string>; diagnostics: Diagnostic[] } {
  const byName = new Map<string, SourceFile[]>()
  for (const s of sources) {
    const name = outputName(s.path)
    byName.set(name, [...(byName.get(name) ?? []), s])
  }
  const refused = new Set<string>()
  const diagnostics: Diagnostic[] = []
  for (const [name, group] of byName) {
    if (group.length < 2) continue
    for (const s of group) {
      refused.add(s.path)
      const others = group.filter((o) => o !== s).map((o) => o.path).join(', ')
      diagnostics.push({ file: s.path, line: 1, column: 1, severity: 'error', ruleId: 'output-clash', source: 'undoc', reason: `Both this file and ${others} would write the outputs named "${name}": rename one of them.` })
    }
  }
  return { refused, diagnostics }
}

function ioDiagnostic(file: string, reason: string): Diagnostic {
  return { file: file.split('\\').join('/'), line: 1, column: 1, severity: 'error', ruleId: 'io-error', source: 'undoc', reason }
}
