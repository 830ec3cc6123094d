import { readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { errorCode, fileDiagnostic, type Diagnostic } from '../core/diagnostic.js'
import { tempPath } from '../io/write.js'
import { StoredCorpus } from './corpus-index.js'
import { isMember, LineFiles, MANIFEST_NAME, SHARD_FILE } from './manifest.js'
import { loadManifest } from './load-manifest.js'
import { writeCorpusIndex } from './phase-index.js'
import { eachMember } from './phase-relink.js'
import { Store } from './store.js'
import { TABLES } from './tables.js'

/** What merging the shards of an output folder came to: the index written, or why not. */
export type MergeResult =
  | { readonly ok: true; readonly documents: number; readonly files: readonly string[] }
  /** Without diagnostics the folder holds no merge (shards missing, of two splits, none at all); with them, a file could not be written. */
  | { readonly ok: false; readonly reason: string; readonly diagnostics?: Diagnostic[] }

/**
 * Writes index.json in `out` from the shard files of a sharded build there, or from its build
 * manifest when there are none (`shown` is the folder as the user named it). Shards are read a
 * line at a time into a store, as a build reads its manifest; a source in two shards' files is the
 * last one's.
 */
export async function mergeShards(out: string, shown: string): Promise<MergeResult> {
  const fail = (reason: string): MergeResult => ({ ok: false, reason })
  let names: string[]
  try {
    names = (await readdir(out)).sort()
  } catch (error) {
    return fail(`cannot read the output folder ${shown} (${errorCode(error)}).`)
  }
  const shards = names.flatMap((n) => {
    const m = SHARD_FILE.exec(n)
    return m ? [{ name: n, index: Number(m[1]), count: Number(m[2]) }] : []
  })
  const counts = [...new Set(shards.map((s) => s.count))]
  if (counts.length > 1) return fail(`${shown} holds shards of different splits (${counts.map((c) => `of ${c}`).join(', ')}): remove the stale ones.`)
  let files: string[]
  if (shards.length > 0) {
    const count = counts[0]!
    const missing = Array.from({ length: count }, (_, i) => i + 1).filter((i) => !shards.some((s) => s.index === i))
    if (missing.length > 0)
      return fail(`shard ${missing.map((i) => `${i}/${count}`).join(', ')} is missing from ${shown}: build it (undoc build --shard I/${count}) or copy its .undoc-shard file here.`)
    files = shards.sort((a, b) => a.index - b.index).map((s) => s.name)
  } else if (names.includes(MANIFEST_NAME)) files = [MANIFEST_NAME]
  else return fail(`nothing to index in ${shown}: no shard files (.undoc-shard-I-of-N.jsonl) and no build manifest (${MANIFEST_NAME}). Run undoc build first.`)

  let store: Store
  try {
    store = await Store.open(tempPath(join(out, 'store')))
  } catch (error) {
    return { ok: false, reason: `cannot write in ${shown} (${errorCode(error)}).`, diagnostics: [fileDiagnostic(shown, `Cannot write in this folder (${errorCode(error)}).`)] }
  }
  const lines = new LineFiles()
  let documents = 0
  try {
    let pipeline: string | undefined
    for (const file of files) {
      const read = await loadManifest(store, TABLES.loaded, join(out, file), lines)
      if (!read) return fail(`${join(shown, file)} is not a valid build manifest (schemas/manifest.schema.json): build that shard again.`)
      if (pipeline !== undefined && read.header.pipeline !== pipeline)
        return fail(`${join(shown, file)} was built by another undoc version or configuration than ${join(shown, files[0]!)}: build all shards with the same.`)
      pipeline = read.header.pipeline
      const writer = store.writer()
      for await (const [key, record] of store.scan(TABLES.loaded)) await writer.put(TABLES.merged, key, record)
      await writer.flush()
      await store.clear(TABLES.loaded)
    }
    const corpus = new StoredCorpus(store)
    const writer = store.writer()
    for await (const [, r] of store.scan(TABLES.merged)) {
      if (!isMember(r)) continue
      await corpus.add(writer, r, r.path)
      documents++
    }
    await corpus.seal(writer)
    await eachMember(store, TABLES.merged, lines, corpus, writer, true)
    const written = await writeCorpusIndex(out, corpus, shown)
    if (!written.ok) return { ok: false, reason: 'the index could not be written.', diagnostics: written.diagnostics }
  } finally {
    await store.close()
    await lines.close()
  }
  return { ok: true, documents, files }
}
