import { readFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { fileDiagnostic } from '../core/diagnostic.js'
import { byCodeUnits } from '../core/order.js'
import { fingerprintStats, sha256, type Stamp } from '../io/fingerprint.js'
import { displayPath, type SourceFile } from '../io/sources.js'
import type { ManifestEntry } from '../types/manifest.js'
import { isMember, journalRefreshed, readEntry, readManifest, readMember, type EntryRecord, type Journal, type LineFiles, type ReadManifest } from './manifest.js'
import { outputsIntact } from './outputs-intact.js'
import { count, reportProgress, type RunState } from './run-state.js'
import { peekable, type Store } from './store.js'
import { TABLES } from './tables.js'

/**
 * The comparison with the manifest: the sources (table A) and the manifest's records, both by
 * path, gone through side by side. A source is up to date when it has the same bytes as its record
 * says (by size and time, else by hash) under the same pipeline, and its record is not pending:
 * its record goes into R. The others go into D (to build), with their previous records in W and
 * what they were last known to cite in G; records of sources gone from the paths given, into Z.
 */
export async function compareWithManifest(state: RunState): Promise<void> {
  const { options, cwd, store, writer, files, journal, out, manifestPath, key } = state
  // What the output folder holds from earlier builds, and which of it this run answers for.
  const scope = options.paths.map((p) => displayPath(resolve(cwd, p), cwd))
  const covers = (path: string) => state.inShare(path) && scope.some((s) => s === '' || path === s || path.startsWith(`${s}/`))

  state.total = state.accepted
  let sources = peekable(store.scan(TABLES.sources))
  let pending: ReturnType<Store['alongside']> | undefined
  const toBuild = async (source: SourceFile, old?: EntryRecord) => {
    await writer.put(TABLES.toBuild, [source.path], { source, ...(old ? {} : { fresh: true as const }) })
    state.dirty++
    if (!old) state.fresh++
    else {
      // What it was last known to cite, for its first links; its record, for its old outputs.
      await writer.put(TABLES.previousRecords, [source.path], old)
      if (isMember(old)) await writer.put(TABLES.lastCited, [source.path], await readMember(files, old))
    }
  }
  /** The sources before `path` (all that are left without it) have no record: they are new. */
  const newUpTo = async (path?: string) => {
    for (let a = await sources.peek(); a && (path === undefined || byCodeUnits(a[0][0]!, path) < 0); a = await sources.peek()) {
      await toBuild(a[1])
      await sources.next()
    }
  }
  const classify = async (r: EntryRecord, read: ReadManifest) => {
    if (pending === undefined) {
      await writer.flush()
      pending = store.alongside(TABLES.pending)
    }
    await newUpTo(r.path)
    const isPending = (await pending.at(r.path)) !== undefined
    const a = await sources.peek()
    if (a && a[0][0] === r.path) {
      await sources.next()
      const source = a[1]
      const now = !isPending && read.header.pipeline === key && !options.force ? await unchanged(source, r, read.mtimeNs, journal, files, out) : undefined
      if (now === undefined) return toBuild(source, isPending ? undefined : r)
      await writer.put(TABLES.records, [source.path], now)
      if (isMember(now)) state.keptMembers++
      count(state, now)
      state.upToDate++
      if (now !== r) state.refreshed = true
    } else if (isPending) return
    // Records of sources outside the paths given stay as they are; those of sources gone go.
    else if (!covers(r.path)) {
      await writer.put(TABLES.records, [r.path], r)
      state.outside++
      if (isMember(r)) state.keptMembers++
    } else {
      await writer.put(TABLES.gone, [r.path], r)
      state.removed++
    }
  }
  const refuse = (reason: string) => state.diagnostics.push(fileDiagnostic(displayPath(manifestPath!, cwd), `Refused this build manifest. ${reason}`, 'manifest-refused'))
  state.previous =
    manifestPath === undefined
      ? undefined
      : await readManifest(
          manifestPath,
          files,
          (path) => {
            state.pending++
            return writer.put(TABLES.pending, [path], true)
          },
          classify,
          refuse
        )
  await pending?.close()
  if (state.previous === undefined && pending !== undefined) {
    // The manifest turned out not to be valid, half-way through: as if there were none.
    await sources.close()
    await writer.flush()
    for (const table of [TABLES.toBuild, TABLES.lastCited, TABLES.records, TABLES.previousRecords, TABLES.gone]) await store.clear(table)
    state.upToDate = state.dirty = state.fresh = state.removed = state.pending = state.outside = state.keptMembers = 0
    state.refreshed = false
    state.tally.warnings = state.tally.errors = 0
    sources = peekable(store.scan(TABLES.sources))
  }
  await newUpTo()
  await sources.close()
  await writer.flush()
  state.done = state.upToDate
  reportProgress(state)
}

/**
 * The record again when the source and its sidecar are those it was built from (the same size and
 * modification time, older than the manifest so not changed within the tick it was written in,
 * or else the same hash) and its outputs are as it wrote them (outputsIntact); with the stamps
 * refreshed (a new entry in the journal) where a time changed and the hash did not.
 */
async function unchanged(source: SourceFile, record: EntryRecord, manifestTime: bigint, journal: Journal, files: LineFiles, out: string | undefined): Promise<EntryRecord | undefined> {
  const now = fingerprintStats(source)
  // The hashes stay on disk, in the entry: they are read only when a time has changed.
  let entry: ManifestEntry | undefined
  const same = async (path: string | undefined, stored: Stamp | undefined, current: Stamp | undefined, which: 'input' | 'sidecar'): Promise<Stamp | undefined | false> => {
    if (path === undefined || stored === undefined || current === undefined) return path === undefined && stored === undefined ? undefined : false
    if (stored.size !== current.size) return false
    if (stored.mtimeNs === current.mtimeNs && BigInt(stored.mtimeNs) < manifestTime) return stored
    const hash = await readFile(path).then(sha256, () => undefined)
    entry ??= await readEntry(files, record)
    return hash !== undefined && hash === entry[which]?.sha256 ? current : false
  }
  const input = await same(source.absolute, record.input, now.input, 'input')
  const sidecar = await same(source.sidecar, record.sidecar, now.sidecar, 'sidecar')
  if (input === false || input === undefined || sidecar === false) return undefined
  const outputs = out === undefined ? record.outputs : await outputsIntact(out, record.outputs, manifestTime, async () => (entry ??= await readEntry(files, record)))
  if (outputs === false) return undefined
  if (input === record.input && sidecar === record.sidecar && outputs === record.outputs) return record
  // A stamp changed only where its hash was compared, so the entry has been read.
  return journalRefreshed(journal, files, record, entry!, { input, ...(sidecar ? { sidecar } : {}), outputs })
}
