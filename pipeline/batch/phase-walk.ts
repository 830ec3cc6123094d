import { createHash } from 'node:crypto'
import { fileDiagnostic, type Diagnostic } from '../core/diagnostic.js'
import { outputName, walkSources } from '../io/sources.js'
import { reservedOutputName } from './output-names.js'
import type { RunState } from './run-state.js'
import type { Store } from './store.js'
import { TABLES } from './tables.js'

/**
 * The walk: the sources under the paths given, those the run answers for into table A and every
 * one found into N, by output name; sources with a reserved name, or two that would write the
 * same outputs, are refused.
 */
export async function walk(state: RunState): Promise<void> {
  const { options, cwd, writer, diagnostics, inShare } = state
  const found = await walkSources(
    options.paths,
    cwd,
    async (source) => {
      const reserved = reservedOutputName(outputName(source.path))
      if (reserved !== undefined) return void diagnostics.push(fileDiagnostic(source.path, `Not built: ${reserved}. Rename the file.`, 'reserved-name'))
      await writer.put(TABLES.sourceNames, [outputName(source.path), source.path], true)
      if (inShare(source.path)) await writer.put(TABLES.sources, [source.path], source)
    },
    { followLinks: options.followLinks === true }
  )
  diagnostics.push(...found)
  state.ioError = found.some((d) => d.ruleId === 'io-error' || d.ruleId === 'usage')
  await writer.flush()
  state.accepted = await refuseClashes(state.store, diagnostics, inShare)
}

/**
 * Two sources that would write the same output name are both refused, each naming the other
 * (table N holds every source found by name); returns how many of those in the run's share are not.
 */
async function refuseClashes(store: Store, diagnostics: Diagnostic[], inShare: (path: string) => boolean): Promise<number> {
  let group: string[] = []
  let name: string | undefined
  let accepted = 0
  // A path found twice (named twice, or under two paths given) is one key of N: one source.
  const settle = async () => {
    if (group.length < 2) {
      accepted += group.filter(inShare).length
      return
    }
    for (const path of group) {
      await store.del(TABLES.sources, [path])
      const others = group.filter((o) => o !== path).join(', ')
      diagnostics.push({
        file: path,
        line: 1,
        column: 1,
        severity: 'error',
        ruleId: 'output-clash',
        source: 'undoc',
        reason: `Both this file and ${others} would write the outputs named "${name}": rename one of them.`
      })
    }
  }
  for await (const [[n, path]] of store.scan(TABLES.sourceNames)) {
    if (n !== name) {
      await settle()
      group = []
      name = n
    }
    group.push(path!)
  }
  await settle()
  return accepted
}

/**
 * Which shard (1…count) a document belongs to: by a hash of its output name, unique in its corpus
 * and the same however its path is written (relative to any working folder, or absolute), so it
 * stays put when others come and go and CI runners that check out to different folders agree.
 */
export function shardOf(name: string, count: number): number {
  return (createHash('sha256').update(name).digest().readUInt32BE(0) % count) + 1
}
