import { readFileSync, statSync } from 'node:fs'
import { sha256 } from '../io/fingerprint.js'
import { outputPath } from '../io/output-folder.js'
import type { ManifestEntry } from '../types/manifest.js'
import type { OutputStamp } from './manifest.js'

/**
 * Whether a document's outputs are still as it wrote them, so that a build may skip it: each is
 * there with the size it was written with, and either its time is unchanged (and older than the
 * manifest, so not rewritten in the tick it was recorded in) or its hash is the recorded one.
 * Returns the stamps as they now stand (the same array when no time changed), or false when one
 * is missing or changed: deleted or edited outputs are built again, not left for --force.
 */
export async function outputsIntact(out: string, stamps: readonly OutputStamp[], manifestTime: bigint, entry: () => Promise<ManifestEntry>): Promise<readonly OutputStamp[] | false> {
  let now: OutputStamp[] | undefined
  for (const [i, stamp] of stamps.entries()) {
    const path = outputPath(out, stamp.name)
    // Synchronous, as fingerprintStats: a stat or two a document, with nothing else to wait on.
    const info = statSync(path, { bigint: true, throwIfNoEntry: false })
    if (info === undefined || !info.isFile() || Number(info.size) !== stamp.size) return false
    const mtimeNs = info.mtimeNs.toString()
    if (mtimeNs === stamp.mtimeNs && info.mtimeNs < manifestTime) continue
    const recorded = (await entry()).outputs.find((o) => o.name === stamp.name)?.sha256
    let hash: string | undefined
    try {
      hash = sha256(readFileSync(path))
    } catch {
      return false
    }
    if (hash !== recorded) return false
    now ??= [...stamps]
    now[i] = { ...stamp, mtimeNs }
  }
  return now ?? stamps
}
