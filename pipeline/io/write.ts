import { closeSync, fsync, openSync, renameSync, unlinkSync, writeFileSync } from 'node:fs'
import { promisify } from 'node:util'
import { readdir, unlink } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { randomBytes } from 'node:crypto'
import { hostname } from 'node:os'

/**
 * Writes a file so that readers only ever see the old complete file or the new complete one:
 * the content goes to a temporary file in the same folder, is flushed to disk, and is renamed
 * over the target.
 *
 * The system calls are made synchronously but for the flush. Each takes microseconds, where
 * through libuv's thread pool each is a round trip of the event loop: a worker writing a
 * document's editions that way sat idle for a sixth of a JSON + Markdown build. The flush is the
 * one that waits on the disk: it goes through the thread pool, so that a worker builds its next
 * document meanwhile.
 */
export async function writeAtomic(path: string, content: string | Uint8Array | (() => Iterable<string> | AsyncIterable<string | Uint8Array>)): Promise<void> {
  const tmp = tempPath(path)
  liveTemps.add(tmp)
  try {
    const fd = openSync(tmp, 'w')
    try {
      if (typeof content === 'string' || content instanceof Uint8Array) writeFileSync(fd, content)
      else {
        const chunks = content()
        // A function's chunks are written where the last ended (writeFileSync on a descriptor writes at its position).
        if (Symbol.asyncIterator in chunks) for await (const chunk of chunks) writeFileSync(fd, chunk)
        else for (const chunk of chunks) writeFileSync(fd, chunk)
      }
      await flush(fd)
    } finally {
      closeSync(fd)
    }
    renameSync(tmp, path)
  } catch (error) {
    try {
      unlinkSync(tmp)
    } catch {
      // never created, or already gone
    }
    throw error
  } finally {
    liveTemps.delete(tmp)
  }
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

/** Removes the temporary files in `dir` written on this machine by the processes `whose` selects (by pid). */
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
    await unlink(join(dir, name)).catch(() => undefined)
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
