import { createHash } from 'node:crypto'
import { mkdir, readdir, readFile, stat, unlink } from 'node:fs/promises'
import { availableParallelism, tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Piscina } from 'piscina'
import type { BuildTask, TaskResult } from '../build/worker.js'
import { fingerprintStats, sha256, type Stamp } from '../io/fingerprint.js'
import { compareDiagnostics, counts, errorCode, fileDiagnostic, type Diagnostic, type Severity } from '../core/diagnostic.js'
import { byCodeUnits } from '../core/order.js'
import { PACKAGE_ROOT, VERSION } from '../core/package-root.js'
import { CorpusGraph, corpusMember, CorpusTable, indexedDocument, type CorpusMember } from '../crossref/corpus-index.js'
import {
  journalEntry,
  isMember,
  journalRefreshed,
  MANIFEST_NAME,
  openJournal,
  pipelineKey,
  MANIFEST_DAMAGED,
  readDiagnostics,
  readEntry,
  readManifest,
  removeJournal,
  removePending,
  SHARD_FILE,
  shardFileName,
  writeManifest,
  writePending,
  type EntryRecord,
  type LineFile
} from '../io/manifest.js'
import { displayPath, findSources, outputName, type SourceFile } from '../io/sources.js'
import { removeStaleTemps, removeTemps, writeAtomic } from '../io/write.js'
import type { Fingerprint, ManifestEntry, Shard } from '../types/manifest.js'
import { validate } from '../validate/index.js'

/** The corpus index's file in the output folder. */
export const INDEX_NAME = 'index.json'

/** How far a run has got, reported after each document. */
export interface Progress {
  readonly done: number
  readonly total: number
  readonly warnings: number
  readonly errors: number
}

export interface RunOptions {
  readonly paths: readonly string[]
  /** Output folder; undefined to build without writing (validate). */
  readonly out?: string
  readonly cwd?: string
  /** Documents built at once, on worker threads when more than one (default: the cores). */
  readonly jobs?: number
  /** Build every source again, even those the manifest says are up to date. */
  readonly force?: boolean
  /** Build only this share of the sources, into a shard file instead of index.json. */
  readonly shard?: Shard
  readonly onProgress?: (progress: Progress) => void
  /** Aborted (on Ctrl-C): no document is started any more, workers end, temporary files go. */
  readonly signal?: AbortSignal
  /** Lint every document, with this configuration file (default: undoc.config.json if there is one). */
  readonly lint?: { readonly config?: string }
  /** The editions to write, by format (default: every emitter's). */
  readonly formats?: readonly string[]
  /** The heap limit of a worker thread, in MB (default WORKER_HEAP_MB). */
  readonly workerHeapMb?: number
  /**
   * Takes the run's diagnostics once it is done, sorted, a source at a time: those of the sources
   * are read back from the manifest, so a corpus's diagnostics are never all in memory.
   */
  readonly report?: DiagnosticSink
}

export interface DiagnosticSink {
  /** The severities it takes (default: all). */
  readonly severities?: readonly Severity[]
  write(diagnostic: Diagnostic): void
}

export interface RunStats {
  /** Sources this run is responsible for. */
  readonly documents: number
  /** Sources built by this run. */
  readonly built: number
  /** Sources that were up to date. The rest, in an interrupted run, were not built. */
  readonly skipped: number
  /** Documents built, counting a second build (with the corpus's links) again. */
  readonly work: number
  /** Pages of the PDF editions, when there are any. */
  readonly pages?: number
}

export interface RunResult {
  readonly errors: number
  readonly warnings: number
  /** The sources it answers for that were built or were up to date, by path. */
  readonly sources: string[]
  /** Set when the run itself could not go on (usage or I/O), as opposed to a document's errors. */
  readonly ioError: boolean
  /** Set when the run was aborted: not every source was built. */
  readonly interrupted: boolean
  readonly stats: RunStats
}

/**
 * A worker's heap limit, in MB. Below 2 GB, V8 lets a heap grow to about twice what was live after
 * a collection, where above it lets it grow fourfold: a worker then holds about 145 MB where it
 * held 195 (10,000 documents with PDF: 420 MB for the whole run against 525), for a few per cent
 * more time collecting. A document that needs more than this is built again in the main thread.
 */
export const WORKER_HEAP_MB = 2047

/**
 * Under vitest this module runs from its TypeScript source, which worker threads (plain Node)
 * cannot load: they run the compiled worker that `npm run build` (part of `npm test`) makes.
 */
const WORKER = import.meta.url.endsWith('.ts') ? join(PACKAGE_ROOT, 'dist', 'pipeline', 'build', 'worker.js') : fileURLToPath(new URL('../build/worker.js', import.meta.url))

/**
 * Builds every source under the given paths, on worker threads, each writing its document's
 * outputs atomically as soon as it is built; one bad file never stops the others. A manifest in
 * the output folder makes rebuilds incremental: a source whose bytes, sidecar, corpus links and
 * pipeline are unchanged is not built again, and the index is made from the stored summaries.
 */
export async function runBuild(options: RunOptions): Promise<RunResult> {
  const cwd = options.cwd ?? process.cwd()
  const found = await findSources(options.paths, cwd)
  const diagnostics = found.diagnostics
  let ioError = diagnostics.some((d) => d.ruleId === 'io-error' || d.ruleId === 'usage')
  const clashes = nameClashes(found.sources)
  diagnostics.push(...clashes.diagnostics)
  const shard = options.shard
  const inShare = (path: string) => shard === undefined || shardOf(path, shard.count) === shard.index
  const accepted = found.sources.filter((s) => !clashes.refused.has(s.path) && inShare(s.path))
  const out = options.out === undefined ? undefined : resolve(cwd, options.out)
  const empty: RunStats = { documents: accepted.length, built: 0, skipped: 0, work: 0 }
  const fail = async (d: Diagnostic): Promise<RunResult> => {
    diagnostics.push(d)
    await send(diagnostics, [], options.report)
    return { ...counts(diagnostics), sources: [], ioError: true, interrupted: false, stats: empty }
  }
  if (out !== undefined) {
    try {
      await mkdir(out, { recursive: true })
      await removeStaleTemps(out)
    } catch (error) {
      return fail(fileDiagnostic(options.out!, `Cannot create the output folder (${errorCode(error)}).`))
    }
  }
  // What a run holds of a document is its record; its entry waits on disk, in the manifest it
  // came from or in this run's journal, until the manifest is written again.
  let journal: LineFile
  try {
    journal = await openJournal(out ?? tmpdir())
  } catch (error) {
    return fail(fileDiagnostic(options.out ?? tmpdir(), `Cannot write in this folder (${errorCode(error)}).`))
  }
  const files: LineFile[] = [journal]
  const table = new CorpusTable()

  try {
    // What the output folder holds from earlier builds, and which of it this run answers for.
    const manifestPath = out === undefined ? undefined : join(out, shard ? shardFileName(shard) : MANIFEST_NAME)
    const key = await pipelineKey(cwd, options.lint?.config, options.formats)
    const previous = manifestPath === undefined ? undefined : await readManifest(manifestPath, table)
    if (previous) files.push(previous.file)
    const before = new Map((previous?.records ?? []).map((r) => [r.path, r]))
    const reusable = previous !== undefined && previous.header.pipeline === key && !options.force
    const scope = options.paths.map((p) => displayPath(resolve(cwd, p), cwd))
    const covers = (path: string) => inShare(path) && scope.some((s) => s === '' || path === s || path.startsWith(`${s}/`))
    const present = new Set(accepted.map((s) => s.path))
    const records = new Map<string, EntryRecord>()
    const removed: EntryRecord[] = []
    for (const r of before.values()) {
      if (!covers(r.path)) records.set(r.path, r)
      else if (!present.has(r.path)) removed.push(r)
    }

    const remove = async (names: readonly string[]) => {
      for (const name of names) await unlink(join(out!, name)).catch(() => undefined)
    }
    const outputsOf = async (r: EntryRecord) => (r.wrote ? (await readEntry(r)).outputs : [])
    // Set once index.json is known to be the one this manifest describes.
    let indexPrint: Fingerprint | undefined
    /** Writes the manifest of the records; false when it cannot be written. */
    const saveManifest = async (): Promise<boolean> => {
      if (manifestPath === undefined) return false
      const sorted = [...records.values()].sort((a, b) => byCodeUnits(a.path, b.path))
      try {
        files.push(await writeManifest(manifestPath, { undoc: VERSION, pipeline: key, ...(shard ? { shard } : {}), ...(indexPrint ? { index: indexPrint } : {}) }, sorted))
        return true
      } catch (error) {
        diagnostics.push(fileDiagnostic(join(options.out!, MANIFEST_NAME), `Cannot write the build manifest (${errorCode(error)}).`))
        ioError = true
        return false
      }
    }
    // Sources this run is about to rewrite or remove, named in the pending file before it does.
    const pending = new Set<string>()
    const markPending = async (paths: readonly string[]) => {
      for (const p of paths) pending.add(p)
      try {
        await writePending(manifestPath!, [...pending].sort(byCodeUnits))
      } catch (error) {
        diagnostics.push(fileDiagnostic(join(options.out!, MANIFEST_NAME), `Cannot write the build manifest's pending file (${errorCode(error)}).`))
        ioError = true
      }
    }

    // Up to date: the same bytes (by size and time, else by hash) under the same pipeline.
    const upToDate = await mapLimit(accepted, 64, async (source) => {
      const record = before.get(source.path)
      if (!reusable || record === undefined) return undefined
      return unchanged(source, record, previous!.mtimeNs, journal, table)
    })
    const dirty: SourceFile[] = []
    let refreshed = false
    accepted.forEach((source, i) => {
      const record = upToDate[i]
      if (record) records.set(source.path, record)
      else dirty.push(source)
      if (record && record !== before.get(source.path)) refreshed = true
    })

    const failures = new Map<string, Diagnostic[]>()
    const builtPaths = new Set<string>()
    let work = 0
    let done = accepted.length - dirty.length
    let total = accepted.length
    const tally = { warnings: 0, errors: 0 }
    const count = (r: { warnings: number; errors: number }, sign = 1) => {
      tally.warnings += sign * r.warnings
      tally.errors += sign * r.errors
    }
    for (const r of records.values()) if (present.has(r.path)) count(r)
    const report = () => options.onProgress?.({ done, total, ...tally })
    report()

    const jobs = Math.max(1, options.jobs ?? availableParallelism())
    let pool: Piscina<BuildTask, TaskResult> | undefined
    const signal = options.signal
    const onAbort = () => void pool?.destroy()
    signal?.addEventListener('abort', onAbort)
    // Set when the pool fails outside a task (its workers cannot start): the run goes on here.
    let poolFailed = false
    const exec = (task: BuildTask, threads: number): Promise<TaskResult> => {
      // The pipeline is loaded only when a document is built in this thread: a run with nothing
      // to build, or one on workers, starts without it.
      const inThread = () => import('../build/worker.js').then((w) => w.runTask(task))
      if (threads <= 1 || poolFailed) return inThread()
      if (pool === undefined) {
        const started = new Piscina<BuildTask, TaskResult>({
          filename: WORKER,
          minThreads: threads,
          maxThreads: threads,
          idleTimeout: 1000,
          resourceLimits: { maxOldGenerationSizeMb: options.workerHeapMb ?? WORKER_HEAP_MB }
        })
        started.on('error', () => {
          poolFailed = true
          void started.destroy()
        })
        pool = started
      }
      return pool.run(task, { ...(signal ? { signal } : {}) }).catch((error: unknown) => {
        // A document too large for a worker's heap, or one a failed pool dropped, is built here,
        // where the heap has the machine's limit.
        if (signal?.aborted || !(poolFailed || (error as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY')) throw error
        return inThread()
      })
    }
    const removals: Promise<void>[] = []
    const settle = async (result: TaskResult) => {
      work++
      builtPaths.add(result.path)
      const old = records.get(result.path) ?? before.get(result.path)
      if (result.entry) {
        const record = await journalEntry(journal, result.entry, result.diagnostics, table)
        records.set(result.path, record)
        failures.delete(result.path)
        count(record)
        // Outputs it no longer writes (it has errors now, or a format went) would be stale.
        const now = result.entry.outputs
        if (old) removals.push(outputsOf(old).then((names) => remove(names.filter((n) => !now.includes(n)))))
      } else {
        records.delete(result.path)
        failures.set(result.path, result.diagnostics)
        count(counts(result.diagnostics))
        ioError = true
      }
      done++
      report()
    }
    const buildAll = async (sources: readonly SourceFile[], linksOf: (s: SourceFile) => Record<string, string>) => {
      const threads = Math.min(jobs, sources.length)
      await mapLimit(sources, threads * 4, async (source) => {
        if (signal?.aborted) return
        const task: BuildTask = { source, cwd, ...(out !== undefined ? { out } : {}), links: linksOf(source), ...(options.lint ? { lint: options.lint } : {}), ...(options.formats ? { formats: options.formats } : {}) }
        let result: TaskResult
        try {
          result = await exec(task, threads)
        } catch (error) {
          if (signal?.aborted) return
          result = { path: source.path, diagnostics: [internalError(source.path, error)], ioError: true }
        }
        await settle(result)
      })
    }

    let indexed: EntryRecord[] | undefined
    try {
      // Outputs of sources that are gone go with them; the pending file names what is about to
      // be rewritten before anything is, so a build killed half-way never leaves an entry that lies.
      if (out !== undefined && (removed.length > 0 || dirty.length > 0)) {
        for (const r of removed) await remove(await outputsOf(r))
        await markPending([...removed.map((r) => r.path), ...dirty.map((s) => s.path)])
      }
      // A source is first built with the links its citations had in the corpus as it was. A new
      // source has no citations known; new sources are first read without writing anything (a
      // small share of the cost of writing their editions, a PDF above all) so that they are
      // written once, with their links, instead of written and then written again.
      const fresh = out === undefined ? [] : dirty.filter((s) => !before.has(s.path))
      const firstRead = new Map<SourceFile, CorpusMember>()
      if (fresh.length > 0) {
        const threads = Math.min(jobs, fresh.length)
        await mapLimit(fresh, threads * 4, async (source) => {
          if (signal?.aborted) return
          const summary = await exec({ source, cwd, links: {} }, threads).then((r) => r.entry?.summary, () => undefined)
          if (summary) firstRead.set(source, corpusMember(summary, table))
        })
      }
      // A source built before counts with what it cited then (a --force build links each once).
      const guess = (s: SourceFile) => firstRead.get(s) ?? memberOf(before.get(s.path))
      // A shard links to the documents of the other shards whose manifests are beside its own.
      const others = shard === undefined || out === undefined ? [] : await otherShards(out, shard, table)
      const known = new CorpusGraph([...membersOf(records.values()), ...dirty.flatMap((s) => guess(s) ?? []), ...others], table)
      await buildAll(dirty, (s) => {
        const member = guess(s)
        return member ? known.links(member) : {}
      })

      // Citations of documents that are in this corpus point at them: a document whose links to
      // the corpus are not those it was built with is built again with them.
      const corpus = new CorpusGraph([...membersOf(records.values()), ...others], table)
      const relink = new Map<SourceFile, CorpusMember>()
      if (out !== undefined && !signal?.aborted) {
        for (const s of accepted) {
          const r = records.get(s.path)
          if (!isMember(r) || !r.wrote) continue
          if (!sameNumbers(corpus.linkIds(r), table.numbers(r.links))) relink.set(s, r)
        }
      }
      if (relink.size > 0) {
        total += relink.size
        for (const s of relink.keys()) {
          // Its diagnostics come again with its second build.
          count(records.get(s.path)!, -1)
          records.delete(s.path)
        }
        await markPending([...relink.keys()].map((s) => s.path))
        await buildAll([...relink.keys()], (s) => corpus.links(relink.get(s)!))
      }
      if (out !== undefined && shard === undefined && !signal?.aborted) indexed = [...records.values()]
    } finally {
      signal?.removeEventListener('abort', onAbort)
      if (pool) await endPool(pool)
      await Promise.all(removals)
    }
    const interrupted = signal?.aborted ?? false
    // Workers stopped half-way through a write leave their temporary files (named with our pid).
    // The journal is among them: it stays readable through its open handle until the run ends.
    if (interrupted && out !== undefined) await removeTemps(out, (pid) => pid === process.pid)
    const changed = work > 0 || removed.length > 0 || refreshed || previous?.header.pipeline !== key
    let rewrote = false
    if (indexed !== undefined) {
      // Nothing changed and index.json is as the last build wrote it: it is right as it is.
      const kept = previous?.header.index
      const now = !changed && kept ? await stat(join(out!, INDEX_NAME), { bigint: true }).catch(() => undefined) : undefined
      if (kept && now && Number(now.size) === kept.size && now.mtimeNs.toString() === kept.mtimeNs) indexPrint = kept
      else {
        const written = await writeCorpusIndex(out!, indexed, table, options.out!)
        rewrote = true
        if ('ruleId' in written) {
          diagnostics.push(written)
          ioError = true
        } else indexPrint = written
      }
    }
    // Even an interrupted build records what it finished, so the next one goes on from there.
    if (out !== undefined && (changed || rewrote) && (await saveManifest())) await removePending(manifestPath!)

    let pages: number | undefined
    const answered = accepted.flatMap((s) => {
      const r = records.get(s.path)
      if (r?.pages !== undefined) pages = (pages ?? 0) + r.pages
      return r ? [r] : []
    })
    for (const failed of failures.values()) diagnostics.push(...failed)
    const { damaged } = await send(diagnostics, answered, options.report)
    const { errors, warnings } = counts(diagnostics)
    const stats: RunStats = { documents: accepted.length, built: builtPaths.size, skipped: accepted.filter((s, i) => upToDate[i] !== undefined && !builtPaths.has(s.path)).length, work, ...(pages !== undefined ? { pages } : {}) }
    return {
      errors: answered.reduce((n, r) => n + r.errors, errors + damaged),
      warnings: answered.reduce((n, r) => n + r.warnings, warnings),
      sources: answered.map((r) => r.path),
      ioError,
      interrupted,
      stats
    }
  } finally {
    for (const f of files) if (f !== journal) await f.close().catch(() => undefined)
    await removeJournal(journal)
  }
}

/**
 * Hands the diagnostics to the sink in order: by file, those of each source (read back from its
 * entry's line) with the run's own in their place among them.
 */
async function send(own: Diagnostic[], records: readonly EntryRecord[], sink: DiagnosticSink | undefined): Promise<{ damaged: number }> {
  let damaged = 0
  if (sink === undefined) return { damaged }
  const takes = (severity: Severity) => sink.severities === undefined || sink.severities.includes(severity)
  const loose = own.filter((d) => takes(d.severity)).sort(compareDiagnostics)
  let next = 0
  for (const r of records) {
    while (next < loose.length && byCodeUnits(loose[next]!.file, r.path) < 0) sink.write(loose[next++]!)
    const wanted = (r.errors > 0 && takes('error')) || (r.warnings > 0 && takes('warning')) || takes('info')
    if (!wanted) continue
    const read = await readDiagnostics(r)
    if (read.length === 1 && read[0]!.ruleId === MANIFEST_DAMAGED) damaged++
    const mine = read.filter((d) => takes(d.severity))
    while (next < loose.length && loose[next]!.file === r.path) mine.push(loose[next++]!)
    for (const d of mine.sort(compareDiagnostics)) sink.write(d)
  }
  while (next < loose.length) sink.write(loose[next++]!)
  return { damaged }
}

class InvalidIndexError extends Error {}

/**
 * Writes the corpus index of these records into `out` atomically, a document at a time (each
 * summary read back from its entry's line); returns its fingerprint, or the diagnostic when it
 * cannot be written (`shown` is the folder as the user named it).
 */
export async function writeCorpusIndex(out: string, records: readonly EntryRecord[], table: CorpusTable, shown: string): Promise<Fingerprint | Diagnostic> {
  const graph = new CorpusGraph(membersOf(records), table)
  const { citedBy, missing } = graph.citers()
  const checked = <T>(definition: string, value: T): T => {
    const invalid = validate(`index.schema.json#/definitions/${definition}`, value)
    if (invalid.length > 0) throw new InvalidIndexError(`The corpus index is not valid against index.schema.json: ${invalid.map((v) => `${v.pointer} ${v.message}`).join('; ')}`)
    return value
  }
  const path = join(out, INDEX_NAME)
  const hash = createHash('sha256')
  const hashed = (part: string) => {
    hash.update(part)
    return part
  }
  try {
    // The bytes of JSON.stringify of the whole index (as emitJson writes it), made in parts.
    await writeAtomic(path, async function* () {
      yield hashed(`{"undoc":${JSON.stringify(VERSION)},"documents":[`)
      for (const [i, record] of graph.members.entries()) {
        const summary = (await readEntry(record)).summary!
        yield hashed(`${i > 0 ? ',' : ''}${JSON.stringify(checked('IndexedDocument', indexedDocument(summary, graph, citedBy(i))))}`)
      }
      yield hashed('],"missing":[')
      let first = true
      for (const symbol of missing()) {
        yield hashed(`${first ? '' : ','}${JSON.stringify(checked('MissingSymbol', symbol))}`)
        first = false
      }
      yield hashed(']}\n')
    })
    const written = await stat(path, { bigint: true })
    return { sha256: hash.digest('hex'), size: Number(written.size), mtimeNs: written.mtimeNs.toString() }
  } catch (error) {
    // An index not valid is undoc's own bug, not a failure to write it.
    if (error instanceof InvalidIndexError) throw error
    return fileDiagnostic(join(shown, INDEX_NAME), `Cannot write the output (${errorCode(error)}).`)
  }
}

/**
 * The documents of the other shards of the same split whose manifests are in the output folder,
 * as members that cite nothing: their names and symbols, all a shard needs to link to them.
 */
async function otherShards(out: string, shard: Shard, table: CorpusTable): Promise<CorpusMember[]> {
  const members: CorpusMember[] = []
  const none = table.list([])
  for (const name of (await readdir(out).catch(() => [])).sort()) {
    const m = SHARD_FILE.exec(name)
    if (!m || Number(m[2]) !== shard.count || Number(m[1]) === shard.index) continue
    const read = await readManifest(join(out, name), table)
    if (!read) continue
    await read.file.close()
    for (const r of read.records) if (r.symbol !== undefined) members.push({ name: r.name, symbol: r.symbol, citations: none })
  }
  return members
}

/** The corpus members of records: those of documents that were built. */
export function* membersOf(records: Iterable<EntryRecord>): Generator<EntryRecord & CorpusMember> {
  for (const r of records) if (isMember(r)) yield r
}

function memberOf(record: EntryRecord | undefined): CorpusMember | undefined {
  return isMember(record) ? record : undefined
}

function sameNumbers(a: Uint32Array, b: Uint32Array): boolean {
  return a.length === b.length && a.every((n, i) => n === b[i])
}

/** Which shard (1…count) a source belongs to: by a hash of its path, so it stays put when others come and go. */
export function shardOf(path: string, count: number): number {
  return (createHash('sha256').update(path).digest().readUInt32BE(0) % count) + 1
}

/**
 * The record again when the source and its sidecar are those it was built from: the same size and
 * modification time (older than the manifest, so not changed within the tick it was written in),
 * or else the same hash; with the stamps refreshed (a new entry in the journal) in that case.
 */
async function unchanged(source: SourceFile, record: EntryRecord, manifestTime: bigint, journal: LineFile, table: CorpusTable): Promise<EntryRecord | undefined> {
  const now = fingerprintStats(source)
  // The hashes stay on disk, in the entry: they are read only when a time has changed.
  let entry: ManifestEntry | undefined
  const same = async (path: string | undefined, stored: Stamp | undefined, current: Stamp | undefined, which: 'input' | 'sidecar'): Promise<Stamp | undefined | false> => {
    if (path === undefined || stored === undefined || current === undefined) return path === undefined && stored === undefined ? undefined : false
    if (stored.size !== current.size) return false
    if (stored.mtimeNs === current.mtimeNs && BigInt(stored.mtimeNs) < manifestTime) return stored
    const hash = await readFile(path).then(sha256, () => undefined)
    entry ??= await readEntry(record)
    return hash !== undefined && hash === entry[which]?.sha256 ? current : false
  }
  const input = await same(source.absolute, record.input, now.input, 'input')
  const sidecar = await same(source.sidecar, record.sidecar, now.sidecar, 'sidecar')
  if (input === false || input === undefined || sidecar === false) return undefined
  if (input === record.input && sidecar === record.sidecar) return record
  // A stamp changed only where its hash was compared, so the entry has been read.
  return journalRefreshed(journal, record, entry!, { input, ...(sidecar ? { sidecar } : {}) }, table)
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
  const ended = await Promise.race([pool.destroy().then(() => 'ended' as const, () => 'ended' as const), late])
  clearTimeout(timer)
  if (ended === 'late') for (const thread of threads) thread.unref()
}

/** Runs `fn` over the items with at most `limit` at once; results in the items' order. */
async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length)
  let next = 0
  const lane = async () => {
    while (next < items.length) {
      const i = next++
      results[i] = await fn(items[i]!)
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane))
  return results
}

function internalError(file: string, error: unknown): Diagnostic {
  return fileDiagnostic(file, `undoc failed on this file (${error instanceof Error ? error.message : String(error)}). Please report it with the file.`, 'internal-error')
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

