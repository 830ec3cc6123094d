import { unlink } from 'node:fs/promises'
import { availableParallelism } from 'node:os'
import { join, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Piscina } from 'piscina'
import { counts, errorCode, fileDiagnostic, type Diagnostic } from '../core/diagnostic.js'
import { PACKAGE_ROOT } from '../core/package-root.js'
import { outputPath } from '../io/output-folder.js'
import { corpusMember, linksAmong, type CorpusMember } from './corpus-index.js'
import type { KeptIndex } from './kept-index.js'
import { otherShards } from './load-manifest.js'
import { isMember, journalEntry, MANIFEST_NAME, writePending, type EntryRecord } from './manifest.js'
import { DISK_FULL, diskFull } from '../io/write.js'
import { count, reportProgress, stopped, type RunState } from './run-state.js'
import { TABLES, type Relink, type Table, type ToBuild } from './tables.js'
import type { BuildTask, TaskResult } from './worker.js'

/**
 * A worker's heap limit, in MB. Below 2 GB, V8 lets a heap grow to about twice what was live after
 * a collection, where above it lets it grow fourfold: a worker then holds about 145 MB where it
 * held 195 (10,000 documents with PDF: 420 MB for the whole run against 525), for a few per cent
 * more time collecting. A document that needs more than this is built again in the main thread.
 */
const WORKER_HEAP_MB = 2047

/**
 * The documents a worker thread is started for when --jobs does not say: a worker costs about a
 * second of CPU to start (Node, the pipeline's code, the fonts it parses), more than it saves on a
 * few dozen documents. Measured idle on 2 cores, all editions: 16 documents took 2.6–3.0 s in the
 * main thread and 3.2–3.4 s on two workers; 2 documents 1.2–1.3 s against 1.8–2.0 s.
 */
const DOCUMENTS_PER_THREAD = 32

/**
 * The compiled worker of the build of the package this module belongs to. Compiled, it finds it at
 * ../batch/worker.js from its own file, in tsc's output (dist/pipeline/) as in the bundle the bin
 * runs (dist/bundle/, every file of it one folder deep). Loaded from its TypeScript source (by a
 * test runner), it has no compiled worker beside it, and worker threads run plain JavaScript: it
 * takes the bundle's, which `npm run build` (part of `npm test` and of installing) makes, and
 * which the bin runs. A worker loads it from a few files where tsc's output is two hundred, each
 * resolved and read on its own: a tenth of a second less for each worker a test starts.
 */
const WORKER = ((): string => {
  const self = fileURLToPath(import.meta.url)
  const compiled = self.startsWith(join(PACKAGE_ROOT, 'dist') + sep)
  return compiled ? fileURLToPath(new URL('../batch/worker.js', import.meta.url)) : join(PACKAGE_ROOT, 'dist', 'bundle', 'batch', 'worker.js')
})()

/**
 * The builds of a run: documents built on a pool of worker threads (or in this thread, with one
 * job), each result settled into the store (its record, or its failure) as it comes.
 */
export class Builder {
  private pool: Piscina<BuildTask, TaskResult> | undefined
  // Set when the pool fails outside a task (its workers cannot start): the run goes on here.
  private poolFailed = false
  private readonly onAbort = () => void this.pool?.destroy()

  constructor(private readonly state: RunState) {
    state.options.signal?.addEventListener('abort', this.onAbort)
  }

  /** Builds a document, on `threads` workers when more than one. */
  async exec(task: BuildTask, threads: number): Promise<TaskResult> {
    const signal = this.state.options.signal
    // The pipeline is loaded only when a document is built in this thread: a run with nothing
    // to build, or one on workers, starts without it.
    const fileSystem = this.state.options.fileSystem
    const inThread = () => import('./worker.js').then((w) => w.default(task, fileSystem?.write))
    if (threads <= 1 || this.poolFailed || fileSystem !== undefined) return inThread()
    if (this.pool === undefined) {
      // The pool is loaded only when one starts: a run that builds in this thread (one document,
      // or a small run without --jobs) goes without it. Its CommonJS exports are the default export, in the bundle as in Node.
      const { Piscina } = (await import('piscina')).default
      // Every lane of buildAll asks at once and waits on the import above: the first back starts
      // the pool, the others take it. Each had started its own (four pools where one was meant,
      // all but the last left running: 16 threads for an 8-document build on 2 cores).
      this.pool ??= this.startPool(Piscina, threads)
    }
    return this.pool.run(task, { ...(signal ? { signal } : {}) }).catch((error: unknown) => {
      // A document too large for a worker's heap, or one a failed pool dropped, is built here,
      // where the heap has the machine's limit.
      if (signal?.aborted || !(this.poolFailed || (error as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY')) throw error
      return inThread()
    })
  }

  private startPool(Pool: typeof Piscina, threads: number): Piscina<BuildTask, TaskResult> {
    const started = new Pool<BuildTask, TaskResult>({
      filename: WORKER,
      minThreads: threads,
      maxThreads: threads,
      idleTimeout: 1000,
      resourceLimits: { maxOldGenerationSizeMb: this.state.options.workerHeapMb ?? WORKER_HEAP_MB }
    })
    started.on('error', () => {
      this.poolFailed = true
      void started.destroy()
    })
    return started
  }

  /**
   * How many documents of `size` are built at once: --jobs of them, or, when it is not given, a
   * worker thread for each DOCUMENTS_PER_THREAD documents, up to one per core (fewer: in this thread).
   */
  threads(size: number): number {
    const jobs = this.state.options.jobs
    if (jobs !== undefined) return Math.min(Math.max(1, jobs), size)
    return Math.min(availableParallelism(), Math.max(1, Math.floor(size / DOCUMENTS_PER_THREAD)))
  }

  /** Builds the sources of a table (`size` of them), each with its source and links as `toBuild` reads them from its entry. */
  async buildAll<V>(table: Table<[path: string], V>, size: number, toBuild: (path: string, value: V) => Promise<Relink>): Promise<void> {
    const { options, cwd, out, store } = this.state
    const threads = this.threads(size)
    await eachLimit(store.scan(table), threads * 4, async ([[path], value]) => {
      if (stopped(this.state)) return
      const { source, links } = await toBuild(path!, value)
      const task: BuildTask = { source, cwd, ...(out !== undefined ? { out } : {}), links, ...(options.lint ? { lint: options.lint } : {}), ...(options.formats ? { formats: options.formats } : {}) }
      let result: TaskResult
      try {
        result = await this.exec(task, threads)
      } catch (error) {
        if (options.signal?.aborted) return
        result = { path: path!, diagnostics: [internalError(path!, error)], ioError: true }
      }
      await this.settle(result)
    })
  }

  /**
   * A build's result into the store: its record (and its stale outputs removed), or its failure. A
   * full disk (an output, the journal or the store) stops the run's building: it is the run's
   * diagnostic, not the document's.
   */
  private async settle(result: TaskResult): Promise<void> {
    if (result.diskFull) {
      this.state.diskFull ??= result.diskFull
      result = { ...result, diagnostics: result.diagnostics.filter((d) => d.ruleId !== DISK_FULL) }
    }
    try {
      await this.record(result)
    } catch (error) {
      const code = diskFull(error)
      if (code === undefined) throw error
      this.state.diskFull ??= code
    }
  }

  private async record(result: TaskResult): Promise<void> {
    const state = this.state
    const store = state.store
    state.work++
    await store.put(TABLES.built, [result.path], true)
    // Built, or failed: its last build had an error of the pipeline (lint errors never stop outputs).
    if (failedBuild(result)) await store.put(TABLES.failedBuilds, [result.path], true)
    else await store.del(TABLES.failedBuilds, [result.path])
    // A source built again with the corpus's links counts its second build's diagnostics only.
    const current = await store.get(TABLES.records, [result.path])
    if (current) count(state, current, -1)
    const old = current ?? (await store.get(TABLES.previousRecords, [result.path]))
    if (result.entry) {
      state.written++
      const now = await journalEntry(state.journal, result.entry, result.diagnostics)
      await store.put(TABLES.records, [result.path], now)
      await store.del(TABLES.failures, [result.path])
      count(state, now)
      // Outputs it no longer writes (it has errors now, or a format went) would be stale.
      const names = result.entry.outputs.map((o) => o.name)
      if (old)
        await removeOutputs(
          state,
          outputsOf(old).filter((n) => !names.includes(n))
        )
    } else {
      await store.del(TABLES.records, [result.path])
      await store.put(TABLES.failures, [result.path], result.diagnostics)
      count(state, counts(result.diagnostics))
      state.ioError = true
    }
    state.done++
    reportProgress(state)
  }

  /** Ends the pool's workers. */
  async end(): Promise<void> {
    this.state.options.signal?.removeEventListener('abort', this.onAbort)
    if (this.pool) await endPool(this.pool)
  }
}

/**
 * The build of what changed: the outputs of sources gone removed, then the sources to build (table
 * D) built with the links their citations had in the corpus as it was.
 */
export async function buildChanged(state: RunState, builder: Builder): Promise<void> {
  const { out, store, shard, files } = state
  // Outputs of sources that are gone go with them; the pending file names what is about to
  // be rewritten before anything is, so a build killed half-way never leaves an entry that lies.
  if (out !== undefined && (state.removed > 0 || state.dirty > 0)) {
    for await (const [, r] of store.scan(TABLES.gone)) await removeOutputs(state, outputsOf(r))
    await markPending(state, TABLES.gone, TABLES.toBuild)
  }
  // A source is first built with the links its citations had in the corpus as it was. A new
  // source has no citations known; new sources are first read without writing anything (a
  // small share of the cost of writing their editions, a PDF above all) so that they are
  // written once, with their links, instead of written and then written again.
  if (out !== undefined && state.fresh > 0) {
    const threads = builder.threads(state.fresh)
    await eachLimit(store.scan(TABLES.toBuild), threads * 4, async ([[path], { source, fresh }]) => {
      if (!fresh || stopped(state)) return
      const summary = await builder.exec({ source, cwd: state.cwd, links: {} }, threads).then(
        (r) => r.entry?.summary,
        () => undefined
      )
      if (summary) await store.put(TABLES.lastCited, [path], corpusMember(summary))
    })
  }
  // A shard links to the documents of the other shards whose manifests are beside its own.
  if (shard !== undefined && out !== undefined) await otherShards(store, out, shard, files)
  // The corpus as it was: its records, and what the sources to build were last known to cite.
  if (state.dirty > 0) {
    const links = state.kept ? await keptLinks(state, state.kept) : await storedLinks(state)
    /** A source to build, with the links its citations had in the corpus as it was. */
    await builder.buildAll(TABLES.toBuild, state.dirty, async (path: string, value: ToBuild) => {
      const guess = await store.get(TABLES.lastCited, [path])
      return { source: value.source, links: guess === undefined ? {} : await links(guess) }
    })
  }
}

/** The links of a member in the corpus as it was, from the records in the store. */
async function storedLinks(state: RunState): Promise<(member: CorpusMember) => Promise<Record<string, string>>> {
  const { store, writer, corpus } = state
  for await (const [, r] of store.scan(TABLES.records)) if (isMember(r)) await corpus.add(writer, r)
  for await (const [, member] of store.scan(TABLES.lastCited)) await corpus.add(writer, member)
  for await (const [, member] of store.scan(TABLES.otherShards)) await corpus.add(writer, member)
  await corpus.seal(writer)
  return (member) => corpus.links(member)
}

/**
 * The links of a member in the corpus as it was, from the kept index: its documents less those
 * gone, with what the sources to build were last known to cite (the new ones' first reading).
 */
async function keptLinks(state: RunState, kept: KeptIndex): Promise<(member: CorpusMember) => Promise<Record<string, string>>> {
  const gone = new Set<string>()
  for await (const [, r] of state.store.scan(TABLES.gone)) gone.add(r.name)
  const cited: CorpusMember[] = []
  for await (const [, member] of state.store.scan(TABLES.lastCited)) cited.push(member)
  const target = kept.before(gone, cited)
  return (member) => Promise.resolve(linksAmong(member, { get: target }))
}

/** Names in the pending file the sources a table holds, before their outputs are touched. */
export async function markPending(state: RunState, ...tables: Table<[path: string], unknown>[]): Promise<void> {
  try {
    await writePending(
      state.manifestPath!,
      (async function* () {
        for (const table of tables) for await (const [[path]] of state.store.scan(table)) yield path!
      })()
    )
  } catch (error) {
    state.ioError = true
    const full = diskFull(error)
    if (full) state.diskFull ??= full
    else state.diagnostics.push(fileDiagnostic(join(state.options.out!, MANIFEST_NAME), `Cannot write the build manifest's pending file (${errorCode(error)}).`))
  }
}

async function removeOutputs(state: RunState, names: readonly string[]): Promise<void> {
  for (const name of names) await unlink(outputPath(state.out!, name)).catch(() => undefined)
}

function outputsOf(r: EntryRecord): string[] {
  return r.outputs.map((o) => o.name)
}

/** Whether a build failed: the source could not be read or an output written, or the pipeline found an error (lint errors never stop outputs). */
function failedBuild(result: TaskResult): boolean {
  return result.entry === undefined || result.diagnostics.some((d) => d.severity === 'error' && d.source !== 'undoc-lint')
}

/** How long a run waits for its workers to exit once they are told to. */
const POOL_EXIT_MS = 10_000

/**
 * Ends a pool's workers. Under heavy load, about one run in a few hundred (seen in stress runs of
 * a five-document build) waited forever for a worker's exit after every document was done; the
 * cause is not found. A worker that has not exited in time is left to the end of the process,
 * which it no longer holds up, and the run goes on.
 */
async function endPool(pool: Piscina<BuildTask, TaskResult>): Promise<void> {
  const threads = [...pool.threads]
  let timer: NodeJS.Timeout | undefined
  const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), POOL_EXIT_MS)))
  const ended = await Promise.race([
    pool.destroy().then(
      () => 'ended' as const,
      () => 'ended' as const
    ),
    late
  ])
  clearTimeout(timer)
  if (ended === 'late') for (const thread of threads) thread.unref()
}

/** Runs `fn` over a stream's items with at most `limit` at once. */
async function eachLimit<T>(items: AsyncIterable<T>, limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  const iterator = items[Symbol.asyncIterator]()
  // An async generator queues the calls of next() made at once: each lane gets its own item.
  const lane = async () => {
    for (let item = await iterator.next(); !item.done; item = await iterator.next()) await fn(item.value)
  }
  await Promise.all(Array.from({ length: Math.max(1, limit) }, lane))
}

function internalError(file: string, error: unknown): Diagnostic {
  return fileDiagnostic(file, `undoc failed on this file (${error instanceof Error ? error.message : String(error)}). Please report it with the file.`, 'internal-error')
}
