import { join } from 'node:path'
import type { Diagnostic } from '../core/diagnostic.js'
import { summarize } from './corpus-index.js'
import { EMITTERS } from '../emit/index.js'
import { loadLinter, type Linter } from './linter.js'
import { fingerprintStats, sha256 } from '../io/fingerprint.js'
import { displayPath, readSource, type SourceFile } from '../io/sources.js'
import { commit, DISK_FULL, diskFull, stage, type StagedFile, type WriteChunk } from '../io/write.js'
import { outputPath } from '../io/output-folder.js'
import type { ManifestEntry, Output } from '../types/manifest.js'
import { buildDocument } from '../document/build.js'
import { counts, errorCode, fileDiagnostic, type Outcome } from '../core/diagnostic.js'

/**
 * One source to build: plain data, so that it crosses to a worker thread. The worker reads the
 * source and writes the outputs itself, so the main thread never holds a document.
 */
export interface BuildTask {
  readonly source: SourceFile
  readonly cwd: string
  /** Absolute output folder; undefined to build without writing (validate). */
  readonly out?: string
  /** The corpus to resolve citations against: output name by symbol. */
  readonly links: Readonly<Record<string, string>>
  /** Lint the document, with the configuration at this path (relative to cwd; default undoc.config.json). */
  readonly lint?: { readonly config?: string }
  /** The editions to write, by format (default: every emitter's). */
  readonly formats?: readonly string[]
}

const linters = new Map<string, Promise<Linter>>()

/**
 * The linter of a configuration, loaded once per thread. The command checked the configuration
 * before any build began, so here it cannot fail but by a change under our feet: then it is an error.
 */
function linterFor(cwd: string, config: string | undefined): Promise<Linter> {
  const key = `${cwd}\0${config ?? ''}`
  let linter = linters.get(key)
  if (!linter) {
    linter = loadLinter(cwd, config).then((loaded) => {
      if (!loaded.ok) throw new Error(`the configuration changed during the build: ${loaded.diagnostics.map((d) => d.reason).join(' ')}`)
      return loaded.value
    })
    linters.set(key, linter)
  }
  return linter
}

/** What a build leaves: the manifest entry (absent when the source could not be read) and its diagnostics. */
export interface TaskResult {
  readonly path: string
  readonly entry?: ManifestEntry
  readonly diagnostics: Diagnostic[]
  /** Set when the source could not be read or an output could not be written. */
  readonly ioError: boolean
  /** Set when an output could not be written for a full disk (or a spent quota): its `disk-full` diagnostics are the run's to report. */
  readonly diskFull?: 'ENOSPC' | 'EDQUOT'
}

/**
 * Builds one source and writes its outputs atomically: the whole of a document's life, in
 * whichever thread runs it. Schemas and fonts are loaded once per thread by their module caches.
 * `write` writes the outputs' chunks (RunOptions.fileSystem), in the caller's thread only.
 */
async function runTask(task: BuildTask, write?: WriteChunk): Promise<TaskResult> {
  const { source } = task
  const staged = await buildStaged(task, write)
  if (!staged.ok) return { path: source.path, diagnostics: staged.diagnostics, ioError: true }
  const built = staged.value
  const { diagnostics } = built
  // Flushed together, and only now that the document is let go: the flushes overlap, and the
  // thread holds no tree while it waits on the disk.
  const committed = await Promise.all(
    built.staged.map(({ file }) =>
      commit(file).then(
        (written) => ({ written }),
        (error: unknown) => ({ error })
      )
    )
  )
  const outputs: Output[] = []
  let ioError = built.ioError
  let full = built.diskFull
  committed.forEach((result, i) => {
    const { name } = built.staged[i]!
    if ('written' in result) outputs.push({ name, ...result.written })
    else {
      diagnostics.push(cannotWrite(task, name, result.error))
      full ??= diskFull(result.error)
      ioError = true
    }
  })
  const entry: ManifestEntry = { ...built.entry, outputs, ...counts(diagnostics) }
  // An output that could not be written leaves the document unfinished: no entry, so it is built again.
  return ioError ? { path: source.path, diagnostics, ioError, ...(full ? { diskFull: full } : {}) } : { path: source.path, entry, diagnostics, ioError }
}

/** A document built and its outputs staged: what its task keeps of it once its tree is let go. */
interface Built {
  /** Its entry but for its counts, and its outputs yet to be written (placed as the manifest orders them). */
  readonly entry: Omit<ManifestEntry, 'errors' | 'warnings'>
  readonly diagnostics: Diagnostic[]
  readonly staged: { readonly name: string; readonly file: StagedFile }[]
  /** An output could not be staged; for a full disk, when diskFull is set. */
  readonly ioError: boolean
  readonly diskFull?: 'ENOSPC' | 'EDQUOT'
}

/** Reads, builds, lints a source and stages its outputs; the diagnostic when it cannot be read. */
async function buildStaged(task: BuildTask, write?: WriteChunk): Promise<Outcome<Built>> {
  const { source } = task
  const before = fingerprintStats(source)
  const read = readSource(source, task.cwd)
  if (!read.ok) return read
  const input = read.value
  // Without an output folder nothing is written, so no edition is made either.
  const emitters = task.out === undefined ? [] : EMITTERS.filter((e) => task.formats === undefined || task.formats.includes(e.format))
  const lint = task.lint ? await linterFor(task.cwd, task.lint.config) : undefined
  const build = await buildDocument(input, { corpus: new Map(Object.entries(task.links)), ...(lint ? { lint } : {}) }, emitters)
  const diagnostics = build.diagnostics
  const staged: Built['staged'][number][] = []
  let pages: number | undefined
  let ioError = false
  let full: 'ENOSPC' | 'EDQUOT' | undefined
  if (task.out !== undefined) {
    for (const output of build.outputs) {
      try {
        staged.push({ name: output.name, file: await stage(outputPath(task.out, output.name), output.content, write) })
      } catch (error) {
        diagnostics.push(cannotWrite(task, output.name, error))
        full ??= diskFull(error)
        ioError = true
      }
      if (output.pages !== undefined) pages = (pages ?? 0) + output.pages
    }
  }
  return {
    ok: true,
    value: {
      entry: {
        path: source.path,
        name: build.name,
        input: { ...before.input, sha256: sha256(input.bytes) },
        ...(before.sidecar && input.sidecar ? { sidecar: { ...before.sidecar, sha256: sha256(input.sidecar.bytes) } } : {}),
        outputs: [],
        links: { ...task.links },
        ...(pages !== undefined ? { pages } : {}),
        ...(build.document ? { summary: summarize(build.document) } : {})
      },
      diagnostics,
      staged,
      ioError,
      ...(full ? { diskFull: full } : {})
    }
  }
}

/** An output not written; on a full disk, a `disk-full` the run takes for its own (one for the run, not one an output). */
function cannotWrite(task: BuildTask, name: string, error: unknown): Diagnostic {
  const full = diskFull(error)
  return fileDiagnostic(displayPath(join(task.out!, name), task.cwd), `Cannot write the output (${full ?? errorCode(error)}).`, full ? DISK_FULL : undefined)
}

export default runTask
