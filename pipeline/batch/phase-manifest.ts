import { join } from 'node:path'
import { errorCode, fileDiagnostic } from '../core/diagnostic.js'
import { VERSION } from '../core/package-root.js'
import { diskFull } from '../io/write.js'
import { MANIFEST_NAME, removePending, writeManifest } from './manifest.js'
import { corpusChanged, type RunState } from './run-state.js'
import { mapped } from './store.js'
import { TABLES } from './tables.js'

/**
 * Writes the manifest from the records as they now stand (table R), when anything changed. Even an
 * interrupted build records what it finished, so the next one goes on from there.
 */
export async function writeRunManifest(state: RunState): Promise<void> {
  const { manifestPath, previous, shard, store } = state
  if (manifestPath === undefined || !(corpusChanged(state) || state.wroteIndex)) return
  try {
    const unlinked = !state.linked && (corpusChanged(state) || previous?.header.unlinked === true)
    // Links checked by this run are those of the sources given; else they are as the last run left them.
    const partial = state.linked ? state.outside > 0 : previous?.header.partial === true
    const header = {
      undoc: VERSION,
      pipeline: state.key,
      ...(shard ? { shard } : {}),
      ...(state.indexPrint ? { index: state.indexPrint } : {}),
      ...(unlinked ? { unlinked } : {}),
      ...(partial ? { partial } : {}),
      documents: await store.count(TABLES.records)
    }
    await writeManifest(
      manifestPath,
      header,
      state.files,
      mapped(store.scan(TABLES.records), ([, r]) => r),
      state.options.fileSystem?.write
    )
    await removePending(manifestPath)
  } catch (error) {
    state.ioError = true
    // A full disk is the run's diagnostic (report).
    const full = diskFull(error)
    if (full) state.diskFull ??= full
    else state.diagnostics.push(fileDiagnostic(join(state.options.out!, MANIFEST_NAME), `Cannot write the build manifest (${errorCode(error)}).`))
  }
}
