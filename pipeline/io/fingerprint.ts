import { createHash } from 'node:crypto'
import { statSync } from 'node:fs'
import type { Fingerprint } from '../types/manifest.js'
import type { SourceFile } from './sources.js'

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex')
}

/** A fingerprint without its hash: what a stat tells of a file. */
export type Stamp = Omit<Fingerprint, 'sha256'>

/** Size and modification time of a source and its sidecar, taken before they are read (so a later change shows). */
export function fingerprintStats(source: SourceFile): { input: Stamp; sidecar?: Stamp } {
  // Synchronous: a stat takes microseconds, and tens through the thread pool; a no-change
  // rebuild makes one per source, and nothing else waits on this thread meanwhile.
  const of = (path: string) => {
    const s = statSync(path, { bigint: true })
    return { size: Number(s.size), mtimeNs: s.mtimeNs.toString() }
  }
  try {
    return { input: of(source.absolute), ...(source.sidecar ? { sidecar: of(source.sidecar) } : {}) }
  } catch {
    // Unreadable: readSource says why; a fingerprint that matches nothing makes the next build try again.
    return { input: { size: 0, mtimeNs: '0' } }
  }
}
