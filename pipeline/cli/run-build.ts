import { mkdir } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { buildDocument, outputName, type DocumentBuild } from '../build/document.js'
import { compareDiagnostics, type Diagnostic } from '../core/diagnostic.js'
import { findSources, readSource, type SourceFile } from '../io/sources.js'
import { removeStaleTemps, writeAtomic } from '../io/write.js'
import type { Emitter } from '../emit/index.js'

export interface RunOptions {
  readonly paths: readonly string[]
  /** Output folder; undefined to build without writing (validate). */
  readonly out?: string
  readonly emitters?: readonly Emitter[]
  readonly cwd?: string
}

export interface RunResult {
  readonly diagnostics: Diagnostic[]
  readonly builds: DocumentBuild[]
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
  const builds: DocumentBuild[] = []
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
  for (const source of sources) {
    if (clashes.refused.has(source.path)) continue
    const input = await readSource(source, cwd)
    if ('ruleId' in input) {
      diagnostics.push(input)
      ioError = true
      continue
    }
    const build = await buildDocument(input, { corpus: new Map() }, options.emitters)
    builds.push(build)
    diagnostics.push(...build.diagnostics)
    if (options.out === undefined) continue
    for (const output of build.outputs) {
      try {
        await writeAtomic(resolve(cwd, options.out, output.name), output.content)
      } catch (error) {
        diagnostics.push(ioDiagnostic(join(options.out, output.name), `Cannot write the output (${(error as NodeJS.ErrnoException).code ?? String(error)}).`))
        ioError = true
      }
    }
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
