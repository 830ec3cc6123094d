import { closeSync, fstatSync, fsync, openSync, renameSync, unlinkSync, writeFileSync } from 'node:fs'
import { promisify } from 'node:util'
import { readdir, rm, stat } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { createHash, randomBytes } from 'node:crypto'
import { hostname } from 'node:os'
import type { Fingerprint } from '../types/manifest.js'

/** What a file's content may be: whole, or made in chunks each time the function is called. */
export type FileContent = string | Uint8Array | (() => Iterable<string> | AsyncIterable<string | Uint8Array>)

/**
 * How a chunk of a file is written where the last ended: `path` is the file's own (not its
 * temporary file's). Node's file system, unless a caller gives its own: a test's that fails as a
 * full disk does, at the write it chooses.
 */
export type WriteChunk = (path: string, fd: number, chunk: string | Uint8Array) => void

/** Node's: writeFileSync on a descriptor writes at its position. */
const NODE_WRITE: WriteChunk = (_path, fd, chunk) => writeFileSync(fd, chunk)

/** The rule id of the diagnostic of a full disk (or a spent quota). */
export const DISK_FULL = 'disk-full'

/**
 * The code of an error that is a full disk (ENOSPC) or a spent quota (EDQUOT), else undefined: by
 * its code, or, from LevelDB, which reports the system's error in its message only, by its words.
 */
export function diskFull(error: unknown): 'ENOSPC' | 'EDQUOT' | undefined {
  const code = (error as NodeJS.ErrnoException | undefined)?.code
  if (code === 'ENOSPC' || code === 'EDQUOT') return code
  const message = error instanceof Error ? error.message : ''
  return /No space left on device/.test(message) ? 'ENOSPC' : /Disk quota exceeded/.test(message) ? 'EDQUOT' : undefined
}

/**
 * Writes a file so that readers only ever see the old complete file or the new complete one:
 * the content goes to a temporary file in the same folder, is flushed to disk, and is renamed
 * over the target.
 */
export async function writeAtomic(path: string, content: FileContent, write = NODE_WRITE): Promise<void> {
  await commit(await stage(path, content, write))
}

/** A file written to its temporary file beside its path, open, not yet flushed nor in place. */
export interface StagedFile {
  readonly path: string
  readonly tmp: string
  readonly fd: number
  /** The hash of its content, made as it was written. */
  readonly sha256: string
}

/**
 * The first half of writeAtomic: the content written to a temporary file. Its system calls are
 * made synchronously: each takes microseconds, where through libuv's thread pool each is a round
 * trip of the event loop, and a worker writing a document's editions that way sat idle for a
 * sixth of a JSON + Markdown build. Content made of synchronous chunks is staged without yielding.
 */
export async function stage(path: string, content: FileContent, writeChunk = NODE_WRITE): Promise<StagedFile> {
  const tmp = tempPath(path)
  liveTemps.add(tmp)
  let fd: number | undefined
  const hash = createHash('sha256')
  try {
    const file = openSync(tmp, 'w')
    fd = file
    // A function's chunks are written where the last ended.
    const write = (chunk: string | Uint8Array) => {
      writeChunk(path, file, chunk)
      hash.update(chunk)
    }
    if (typeof content === 'string' || content instanceof Uint8Array) write(content)
    else {
      const chunks = content()
      if (Symbol.asyncIterator in chunks) for await (const chunk of chunks) write(chunk)
      else for (const chunk of chunks) write(chunk)
    }
    return { path, tmp, fd: file, sha256: hash.digest('hex') }
  } catch (error) {
    discard(tmp, fd)
    throw error
  }
}

/**
 * The second half of writeAtomic: the staged file flushed to disk and renamed over its path; returns
 * its fingerprint as written (a rename keeps its time). The flush is the call that waits on the
 * disk: it goes through the thread pool, so that the flushes of a document's outputs overlap.
 */
export async function commit(file: StagedFile): Promise<Fingerprint> {
  let fd: number | undefined = file.fd
  try {
    await flush(fd)
    const written = fstatSync(fd, { bigint: true })
    closeSync(fd)
    fd = undefined
    renameSync(file.tmp, file.path)
    liveTemps.delete(file.tmp)
    return { sha256: file.sha256, size: Number(written.size), mtimeNs: written.mtimeNs.toString() }
  } catch (error) {
    discard(file.tmp, fd)
    throw error
  }
}

/** A temporary file given up: closed when it is open, and removed. */
function discard(tmp: string, fd: number | undefined): void {
  try {
    if (fd !== undefined) closeSync(fd)
  } catch {
    // closed already
  }
  try {
    unlinkSync(tmp)
  } catch {
    // never created, or already gone
  }
  liveTemps.delete(tmp)
}

const flush = promisify(fsync)

/** Temporary files being written now, for a clean stop on Ctrl-C. */
export const liveTemps = new Set<string>()

/**
 * The machine, in temporary files' names: machines sharing an output folder (shards on a shared
 * volume) have their own process ids, so a process id is only meaningful on its own machine.
 */
const HOST = hostname().replace(/[^A-Za-z0-9]/g, '') || 'host'

/** Where writeAtomic writes `path` before renaming it: beside it, named for this machine and process. */
export function tempPath(path: string, pid = process.pid): string {
  return join(dirname(path), `.${basename(path)}.tmp-${HOST}-${pid}-${randomBytes(4).toString('hex')}`)
}

/** `.NAME.tmp-HOST-PID-RANDOM`: a temporary file of writeAtomic, with the machine and process that wrote it. */
const TEMP_NAME = /^\..+\.tmp-([A-Za-z0-9]+)-(\d+)-[0-9a-f]{8}$/

/**
 * Removes the temporary files that a killed build left in `dir`. Files of a build that is still
 * running (its process is alive) are left alone, so two builds can share an output folder.
 */
export async function removeStaleTemps(dir: string): Promise<string[]> {
  return removeTemps(dir, (pid) => !processAlive(pid))
}

/**
 * The temporary files of `path` (as tempPath names them, beside it) that processes of this
 * machine no longer running left, oldest first: what a killed run was writing.
 */
export async function staleTempsOf(path: string): Promise<string[]> {
  const dir = dirname(path)
  const prefix = `.${basename(path)}.tmp-`
  const stale: { path: string; mtimeMs: number }[] = []
  for (const name of await readdir(dir).catch(() => [])) {
    const m = TEMP_NAME.exec(name)
    if (!m || !name.startsWith(prefix) || m[1] !== HOST || processAlive(Number(m[2]))) continue
    const info = await stat(join(dir, name)).catch(() => undefined)
    if (info?.isFile()) stale.push({ path: join(dir, name), mtimeMs: info.mtimeMs })
  }
  return stale.sort((a, b) => a.mtimeMs - b.mtimeMs).map((s) => s.path)
}

/** Removes the temporary files (and folders) in `dir` written on this machine by the processes `whose` selects (by pid). */
export async function removeTemps(dir: string, whose: (pid: number) => boolean): Promise<string[]> {
  const removed: string[] = []
  let names: string[]
  try {
    names = await readdir(dir)
  } catch {
    return removed
  }
  for (const name of names) {
    const m = TEMP_NAME.exec(name)
    // Another machine's files are its own to clean.
    if (!m || m[1] !== HOST || !whose(Number(m[2]))) continue
    // A run's store is a folder.
    await rm(join(dir, name), { recursive: true, force: true }).catch(() => undefined)
    removed.push(name)
  }
  return removed
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}
