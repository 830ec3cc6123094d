import { join, dirname } from 'node:path'
import { VERSION } from '../core/package-root.js'
import { isPlainName } from '../io/output-folder.js'
import { staleTempsOf, writeAtomic } from '../io/write.js'
import type { ManifestEntry, ManifestHeader } from '../types/manifest.js'
import { validate } from '../validate/index.js'
import { entryRecord, journalName, LineFile, pendingFileName, readManifest, removePending, writeManifest, type LineFiles } from './manifest.js'
import { mapped, type Store } from './store.js'
import { TABLES } from './tables.js'

/**
 * Takes into the manifest what runs of it that were killed (SIGKILL, a crash, a machine gone
 * down) had finished, so that the next build goes on from there instead of building everything
 * again: a run appends each document's entry to its journal as it finishes it, and writes the
 * manifest only at its end.
 *
 * The journals are those of processes of this machine no longer running (a live run's is its
 * own), oldest first, and only those built under `pipeline`, the manifest's too: entries built
 * under another configuration, version or formats are not this build's. A journaled entry replaces
 * the manifest's and its source is no longer pending; the manifest is written first (marked
 * unlinked: the killed run never checked its links), then the pending file, so a kill in between
 * only builds those documents again. What is taken stays checked like any entry: its source by
 * its fingerprint, its outputs by theirs (outputsIntact). Returns how many entries were taken.
 */
export async function resumeKilledRuns(manifestPath: string, pipeline: string, store: Store, files: LineFiles): Promise<number> {
  const journals = await staleTempsOf(join(dirname(manifestPath), journalName(manifestPath)))
  if (journals.length === 0) return 0
  const writer = store.writer()
  let shard: ManifestHeader['shard']
  for (const path of journals) {
    const file = await LineFile.open(path).catch(() => undefined)
    if (file === undefined) continue
    const header = await journaled(file, files.add(file), pipeline, (record) => writer.put(TABLES.journaled, [record.path], record))
    if (header?.shard) shard = header.shard
  }
  await writer.flush()
  const taken = await store.count(TABLES.journaled)
  if (taken === 0) return 0
  try {
    const read = await readManifest(
      manifestPath,
      files,
      (pending) => writer.put(TABLES.loadedPending, [pending], true),
      (record) => writer.put(TABLES.loaded, [record.path], record)
    )
    await writer.flush()
    // A manifest of another pipeline: its entries would pass for this one's. Its build is redone.
    if (read !== undefined && read.header.pipeline !== pipeline) return 0
    if (read === undefined) for (const table of [TABLES.loaded, TABLES.loadedPending]) await store.clear(table)
    for await (const [[path], record] of store.scan(TABLES.journaled)) {
      await writer.put(TABLES.loaded, [path!], record)
      await writer.del(TABLES.loadedPending, [path!])
    }
    await writer.flush()
    const header: ManifestHeader = { undoc: VERSION, pipeline, ...(shard ? { shard } : {}), unlinked: true, documents: await store.count(TABLES.loaded) }
    await writeManifest(
      manifestPath,
      header,
      files,
      mapped(store.scan(TABLES.loaded), ([, r]) => r)
    )
    if ((await store.count(TABLES.loadedPending)) === 0) await removePending(manifestPath)
    else await writeAtomic(pendingFileName(manifestPath), () => mapped(store.scan(TABLES.loadedPending), ([[path]]) => `${JSON.stringify(path)}\n`))
    return taken
  } finally {
    for (const table of [TABLES.journaled, TABLES.loaded, TABLES.loadedPending]) await store.clear(table)
  }
}

/**
 * Hands each whole entry of a journal to `take` (a line pair cut short or torn by the kill is
 * passed over); returns its header, or undefined (taking nothing) when it was written under
 * another pipeline or is not a journal.
 */
async function journaled(file: LineFile, number: number, pipeline: string, take: (record: ReturnType<typeof entryRecord>) => Promise<void>): Promise<ManifestHeader | undefined> {
  let header: ManifestHeader | undefined
  let entry: { value: ManifestEntry; offset: number; length: number } | undefined
  for await (const line of file.lines()) {
    let value: unknown
    try {
      value = JSON.parse(line.text())
    } catch {
      entry = undefined
      continue
    }
    if (header === undefined) {
      if (validate('manifest.schema.json', value).length > 0 || (value as ManifestHeader).pipeline !== pipeline) return undefined
      header = value as ManifestHeader
    } else if (entry !== undefined && validate('manifest.schema.json#/definitions/ManifestDiagnostics', value).length === 0) {
      await take(entryRecord(entry.value, { file: number, offset: entry.offset, length: entry.length, diagnostics: line.length }))
      entry = undefined
    } else {
      // An entry, or what follows a torn pair: taken as an entry when it is one.
      const valid = validate('manifest.schema.json#/definitions/ManifestEntry', value).length === 0 && (value as ManifestEntry).outputs.every((o) => isPlainName(o.name))
      entry = valid ? { value: value as ManifestEntry, offset: line.offset, length: line.length } : undefined
    }
  }
  return header
}
