import { readdir } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import type { Command } from '../command.js'
import { formatDiagnostic, plural } from '../report.js'
import { errorCode } from '../../core/diagnostic.js'

export const indexCommand: Command = {
  name: 'index',
  summary: 'merge the shards of a sharded build (or the last build) into index.json',
  usage: 'undoc index [--out DIR]            DIR/.undoc-shard-*-of-N.jsonl (else DIR/.undoc-manifest.jsonl) → DIR/index.json',
  options: {
    out: { type: 'string', short: 'o' }
  },
  async run(values, positionals, io) {
    // The store and the run engine are loaded by this command when it runs, not by every command.
    const [{ StoredCorpus }, { isMember, LineFiles, MANIFEST_NAME, SHARD_FILE }, { Store }, { tempPath }, { eachMember, INDEX_NAME, loadManifest, records, writeCorpusIndex }] = await Promise.all([
      import('../../crossref/corpus-index.js'),
      import('../../io/manifest.js'),
      import('../../io/store.js'),
      import('../../io/write.js'),
      import('../run-build.js')
    ])
    const shown = (values.out as string | undefined) ?? 'output'
    const out = resolve(io.cwd, shown)
    const fail = (message: string) => {
      io.stderr.write(`undoc index: ${message}\n`)
      return 2
    }
    if (positionals.length > 0) return fail(`it takes no paths (got ${positionals.join(' ')}): it reads the output folder given by --out.\n  ${indexCommand.usage}`)
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
      if (missing.length > 0) return fail(`shard ${missing.map((i) => `${i}/${count}`).join(', ')} is missing from ${shown}: build it (undoc build --shard I/${count}) or copy its .undoc-shard file here.`)
      files = shards.sort((a, b) => a.index - b.index).map((s) => s.name)
    } else if (names.includes(MANIFEST_NAME)) files = [MANIFEST_NAME]
    else return fail(`nothing to index in ${shown}: no shard files (.undoc-shard-I-of-N.jsonl) and no build manifest (${MANIFEST_NAME}). Run undoc build first.`)

    // Shards are read a line at a time into a store, as a build reads its manifest.
    const store = await Store.open(tempPath(join(out, 'store')))
    const lines = new LineFiles()
    let documents = 0
    try {
      let pipeline: string | undefined
      for (const file of files) {
        const read = await loadManifest(store, 'K', join(out, file), lines)
        if (!read) return fail(`${join(shown, file)} is not a valid build manifest (schemas/manifest.schema.json): build that shard again.`)
        if (pipeline !== undefined && read.header.pipeline !== pipeline) return fail(`${join(shown, file)} was built by another undoc version or configuration than ${join(shown, files[0]!)}: build all shards with the same.`)
        pipeline = read.header.pipeline
        // A source in two shards' files is the last one's.
        const writer = store.writer()
        for await (const [[path], value] of store.scan('K')) await writer.put('W', [path!], value)
        await writer.flush()
        await store.clear('K')
      }
      const corpus = new StoredCorpus(store)
      const writer = store.writer()
      for await (const r of records(store.scan('W'))) {
        if (!isMember(r)) continue
        await corpus.add(writer, r, r.path)
        documents++
      }
      await corpus.seal(writer)
      await eachMember(store, 'W', lines, corpus, writer, true)
      const written = await writeCorpusIndex(out, corpus, shown)
      if ('ruleId' in written) {
        io.stderr.write(`${formatDiagnostic(written)}\n`)
        return 2
      }
    } finally {
      await store.close()
      await lines.close()
    }
    io.stderr.write(`${join(shown, INDEX_NAME)}: ${plural(documents, 'document')} from ${plural(files.length, 'file')}\n`)
    return 0
  }
}
