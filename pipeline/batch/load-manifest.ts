import { readdir } from 'node:fs/promises'
import { join } from 'node:path'
import type { Shard } from '../types/manifest.js'
import { readManifest, SHARD_FILE, type EntryRecord, type LineFiles, type ReadManifest } from './manifest.js'
import type { Store } from './store.js'
import { TABLES, type Table } from './tables.js'

/**
 * Reads a manifest into a table of the store, its records by path; one that turns out not to be
 * valid (see readManifest) leaves the table empty.
 */
export async function loadManifest(store: Store, table: Table<[path: string], EntryRecord>, path: string, files: LineFiles): Promise<ReadManifest | undefined> {
  const writer = store.writer()
  const read = await readManifest(
    path,
    files,
    (pending) => writer.put(TABLES.loadedPending, [pending], true),
    (r) => writer.put(table, [r.path], r)
  )
  await writer.flush()
  // Pending entries no longer stand.
  for await (const [[pending]] of store.scan(TABLES.loadedPending)) await writer.del(table, [pending])
  await writer.flush()
  await store.clear(TABLES.loadedPending)
  if (read === undefined) await store.clear(table)
  return read
}

/**
 * The documents of the other shards of the same split whose manifests are in the output folder,
 * into table H as members that cite nothing: their names and symbols, all a shard needs to link
 * to them.
 */
export async function otherShards(store: Store, out: string, shard: Shard, files: LineFiles): Promise<void> {
  const writer = store.writer()
  for (const name of (await readdir(out).catch(() => [])).sort()) {
    const m = SHARD_FILE.exec(name)
    if (!m || Number(m[2]) !== shard.count || Number(m[1]) === shard.index) continue
    if (!(await loadManifest(store, TABLES.loaded, join(out, name), files))) continue
    for await (const [[path], r] of store.scan(TABLES.loaded)) {
      if (r.symbol !== undefined) await writer.put(TABLES.otherShards, [path], { name: r.name, symbol: r.symbol })
    }
    await writer.flush()
    await store.clear(TABLES.loaded)
  }
}
