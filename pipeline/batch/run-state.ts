import type { Diagnostic, Severity } from '../core/diagnostic.js'
import type { Fingerprint, Shard } from '../types/manifest.js'
import type { StoredCorpus } from './corpus-index.js'
import type { KeptIndex } from './kept-index.js'
import type { Journal, LineFiles, ReadManifest } from './manifest.js'
import type { WriteChunk } from '../io/write.js'
import type { Store, StoreWriter, StoreWriteHook } from './store.js'

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
  /** Documents built at once, on worker threads when more than one (default: a worker for each 32 documents to build, up to one per core). */
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
  /** Follow symbolic links wherever they lead, not only within the folders given (see walkSources). */
  readonly followLinks?: boolean
  /** The heap limit of a worker thread, in MB (default WORKER_HEAP_MB). */
  readonly workerHeapMb?: number
  /**
   * Takes the run's diagnostics once it is done, sorted, a source at a time: those of the sources
   * are read back from the manifest, so a corpus's diagnostics are never all in memory.
   */
  readonly report?: DiagnosticSink
  /**
   * The run's writes, Node's file system's unless given: a test gives its own to make them fail as
   * a full disk does, at the write it chooses. Given, documents are built in this thread (a
   * function does not cross to a worker thread).
   */
  readonly fileSystem?: RunFileSystem
}

export interface RunFileSystem {
  /** Writes each chunk of an output, of the index and of the manifest. */
  readonly write?: WriteChunk
  /** Called before each write to the run's store. */
  readonly storeWrite?: StoreWriteHook
}

export interface DiagnosticSink {
  /** The severities it takes (default: all). */
  readonly severities?: readonly Severity[]
  write(diagnostic: Diagnostic): void
  /** Takes, in order, the path of each source the run answers for that was built or was up to date. */
  source?(path: string): void
}

export interface RunStats {
  /** Sources this run is responsible for. */
  readonly documents: number
  /** Sources built by this run. */
  readonly built: number
  /** Sources this run tried to build and could not (an error, or an output it could not write). */
  readonly failed: number
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
  /** Set when the run itself could not go on (usage or I/O), as opposed to a document's errors. */
  readonly ioError: boolean
  /** Set when the run was aborted: not every source was built. */
  readonly interrupted: boolean
  /** Set when the disk (or the user's quota) was full: the run stopped writing (see the `disk-full` diagnostic). */
  readonly diskFull?: true
  readonly stats: RunStats
}

/**
 * What a run knows as it goes from phase to phase (run-build.ts): what it was given and opened,
 * and what each phase found, for the phases after it. What it knows of each document is in the
 * store, never here; this holds counts, flags and handles.
 */
export interface RunState {
  readonly options: RunOptions
  readonly cwd: string
  /** The output folder, resolved; undefined when the run writes nothing (validate). */
  readonly out: string | undefined
  readonly shard: Shard | undefined
  /** Whether a source (by path) is in the run's share: every one when it is not sharded. */
  readonly inShare: (path: string) => boolean
  /** The manifest (or shard file) of the output folder; undefined when the run writes nothing. */
  readonly manifestPath: string | undefined
  /**
   * The folder the run writes in, as diagnostics name it: the output folder as the user named it,
   * else the temporary folder that holds a run's scratch files when it writes no outputs.
   */
  readonly writesIn: string
  /** The pipeline's key (pipelineKey): a record made under another is not up to date. */
  readonly key: string
  readonly files: LineFiles
  /** The journal new entries go into as documents are built. */
  readonly journal: Journal
  readonly store: Store
  readonly writer: StoreWriter
  readonly corpus: StoredCorpus
  /** Diagnostics of the run itself (not read back from a source's entry), sent with the others at the end. */
  readonly diagnostics: Diagnostic[]
  /** Set when the run could not do part of what it should: a path unreadable, a file unwritten. */
  ioError: boolean
  /** The error code (ENOSPC, EDQUOT) once a write found the disk full: nothing more is built or relinked. */
  diskFull: string | undefined

  // walk
  /** Sources in the run's share, less those refused. */
  accepted: number

  // compare with the manifest
  /** The manifest as read; undefined when there was none, or it was refused. */
  previous: ReadManifest | undefined
  /** Sources whose records stand (table R) without a build. */
  upToDate: number
  /** Sources to build (table D), and of them those the manifest has no record of. */
  dirty: number
  fresh: number
  /** Sources gone from the paths given (table Z). */
  removed: number
  /** Sources the manifest's pending file names: a build was killed since it was written. */
  pending: number
  /** Records kept that are not the run's to build (their sources are outside the paths given). */
  outside: number
  /** Members of the corpus among the records that stand without a build (table R before the build). */
  keptMembers: number
  /** The index the last build wrote, when the run updates it (keptIndex). */
  kept: KeptIndex | undefined
  /** Set when a record stands with new stamps (its source was touched, not changed). */
  refreshed: boolean

  // build and relink
  /** What onProgress is told: documents done of the total, and their errors and warnings. */
  done: number
  total: number
  readonly tally: { warnings: number; errors: number }
  /** Documents built, a second build counted again; and of them those whose outputs were all written. */
  work: number
  written: number
  /** Sources built again with the corpus's links (table L). */
  relinked: number
  /** Set once every document's links are checked against the corpus as it is. */
  linked: boolean

  // the index
  /** Set when this run wrote (or tried to write) index.json. */
  wroteIndex: boolean
  /** Set once index.json is known to be the one the manifest describes. */
  indexPrint: Fingerprint | undefined
}

/** Adds (or, with sign -1, takes away) a document's errors and warnings to the run's tally. */
export function count(state: RunState, r: { warnings: number; errors: number }, sign = 1): void {
  state.tally.warnings += sign * r.warnings
  state.tally.errors += sign * r.errors
}

/** Tells onProgress how far the run has got. */
export function reportProgress(state: RunState): void {
  state.options.onProgress?.({ done: state.done, total: state.total, ...state.tally })
}

/** Whether the corpus may have changed since the manifest was written: something built or removed, a record refreshed, another pipeline. */
export function corpusChanged(state: RunState): boolean {
  return state.work > 0 || state.removed > 0 || state.refreshed || state.previous?.header.pipeline !== state.key
}

/** Whether the run stops starting work: it was aborted, or the disk is full. */
export function stopped(state: RunState): boolean {
  return state.options.signal?.aborted === true || state.diskFull !== undefined
}

/** Whether a sink takes diagnostics of this severity. */
export function takes(sink: DiagnosticSink | undefined, severity: Severity): boolean {
  return sink !== undefined && (sink.severities === undefined || sink.severities.includes(severity))
}
