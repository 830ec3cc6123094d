import { createHash } from 'node:crypto'
import { stat } from 'node:fs/promises'
import { join } from 'node:path'
import { errorCode, fileDiagnostic, type Outcome } from '../core/diagnostic.js'
import { VERSION } from '../core/package-root.js'
import { outputPath } from '../io/output-folder.js'
import { DISK_FULL, diskFull, writeAtomic, type WriteChunk } from '../io/write.js'
import type { Fingerprint } from '../types/manifest.js'
import { validate } from '../validate/index.js'
import type { StoredCorpus } from './corpus-index.js'
import type { KeptIndex } from './kept-index.js'
import { INDEX_NAME } from './output-names.js'
import type { RelinkPlan } from './phase-relink.js'
import { stopped, type RunState } from './run-state.js'

/** Writes index.json from the rows the relink pass made (or the kept index it updated), when the plan says so and the run was not stopped. */
export async function writeIndex(state: RunState, plan: RelinkPlan): Promise<void> {
  if (!plan.writeIndex || stopped(state)) return
  const [out, shown, write] = [state.out!, state.options.out!, state.options.fileSystem?.write]
  const written = state.kept ? await writeKeptIndex(out, state.kept, shown, write) : await writeCorpusIndex(out, state.corpus, shown, write)
  state.wroteIndex = true
  if (!written.ok) {
    state.ioError = true
    const full = written.diagnostics.find((d) => d.ruleId === DISK_FULL)
    // A full disk is the run's diagnostic (report).
    if (full) state.diskFull ??= full.reason.includes('EDQUOT') ? 'EDQUOT' : 'ENOSPC'
    else state.diagnostics.push(...written.diagnostics)
  } else state.indexPrint = written.value
}

class InvalidIndexError extends Error {}

/** A part of the index as it is written: checked against its definition in index.schema.json. */
function checked<T>(definition: string, value: T): T {
  const invalid = validate(`index.schema.json#/definitions/${definition}`, value)
  if (invalid.length > 0) throw new InvalidIndexError(`The corpus index is not valid against index.schema.json: ${invalid.map((v) => `${v.pointer} ${v.message}`).join('; ')}`)
  return value
}

/**
 * Writes the index of a corpus whose rows are added into `out` atomically, a document at a time;
 * returns its fingerprint, or the diagnostic when it cannot be written (`shown` is the folder as
 * the user named it).
 */
export function writeCorpusIndex(out: string, corpus: StoredCorpus, shown: string, write?: WriteChunk): Promise<Outcome<Fingerprint>> {
  // The bytes of JSON.stringify of the whole index (as emitJson writes it), made in parts. A
  // document or a missing symbol comes with an empty citedBy, its last key: its JSON is left
  // open there, and its items are written into it as they come.
  return writeIndexFile(
    out,
    shown,
    async function* () {
      // Parts are small (a backlink, a name): they are written 64 KB at a time, not a system call each.
      let buffered = `{"undoc":${JSON.stringify(VERSION)},"documents":[`
      const add = (part: string) => {
        buffered += part
        if (buffered.length < 1 << 16) return undefined
        const chunk = buffered
        buffered = ''
        return chunk
      }
      let [documents, missing, items] = [0, 0, 0]
      const opened = (json: string) => {
        items = 0
        return json.slice(0, -']}'.length)
      }
      const closed = () => (documents + missing > 0 ? ']}' : '')
      for await (const part of corpus.index()) {
        let chunk: string | undefined
        if ('document' in part) chunk = add(`${closed()}${documents++ > 0 ? ',' : ''}${opened(JSON.stringify(checked('IndexedDocument', part.document)))}`)
        else if ('missing' in part) chunk = add(`${closed()}${missing++ > 0 ? ',' : '],"missing":['}${opened(JSON.stringify(checked('MissingSymbol', part.missing)))}`)
        else chunk = add(`${items++ > 0 ? ',' : ''}${JSON.stringify('backlink' in part ? checked('Backlink', part.backlink) : part.citing)}`)
        if (chunk !== undefined) yield chunk
      }
      yield `${buffered}${closed()}${missing > 0 ? ']}' : '],"missing":[]}'}\n`
    },
    write
  )
}

/**
 * Writes a kept index as it now is: the same bytes as writeCorpusIndex writes of the same corpus.
 * Only its parts that changed are checked against the schema; the others were when first written.
 */
function writeKeptIndex(out: string, kept: KeptIndex, shown: string, write?: WriteChunk): Promise<Outcome<Fingerprint>> {
  const { index, changed } = kept.index()
  for (const document of index.documents) if (changed(document)) checked('IndexedDocument', document)
  for (const missing of index.missing) if (changed(missing)) checked('MissingSymbol', missing)
  return writeIndexFile(out, shown, () => [`${JSON.stringify(index)}\n`], write)
}

/** Writes index.json atomically from its chunks; returns its fingerprint, or the diagnostic when it cannot be written. */
async function writeIndexFile(out: string, shown: string, chunks: () => Iterable<string> | AsyncIterable<string>, write?: WriteChunk): Promise<Outcome<Fingerprint>> {
  const path = outputPath(out, INDEX_NAME)
  const hash = createHash('sha256')
  try {
    await writeAtomic(
      path,
      async function* () {
        for await (const chunk of chunks()) {
          hash.update(chunk)
          yield chunk
        }
      },
      write
    )
    const written = await stat(path, { bigint: true })
    return { ok: true, value: { sha256: hash.digest('hex'), size: Number(written.size), mtimeNs: written.mtimeNs.toString() } }
  } catch (error) {
    // An index not valid is undoc's own bug, not a failure to write it.
    if (error instanceof InvalidIndexError) throw error
    const full = diskFull(error)
    return { ok: false, diagnostics: [fileDiagnostic(join(shown, INDEX_NAME), `Cannot write the output (${full ?? errorCode(error)}).`, full ? DISK_FULL : undefined)] }
  }
}
