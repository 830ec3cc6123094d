import { open, rename, unlink } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { randomBytes } from 'node:crypto'

/** Temporary files of undoc's atomic writes: removed on interrupt, ignored by git. */
export const TEMP_MARK = '.tmp-'

/**
 * Writes a file so that readers only ever see the old complete file or the new complete one:
 * the content goes to a temporary file in the same folder, is flushed to disk, and is renamed
 * over the target.
 */
export async function writeAtomic(path: string, content: string | Uint8Array | (() => Iterable<string>)): Promise<void> {
  const tmp = join(dirname(path), `.${basename(path)}${TEMP_MARK}${process.pid}-${randomBytes(4).toString('hex')}`)
  liveTemps.add(tmp)
  try {
    const handle = await open(tmp, 'w')
    try {
      if (typeof content === 'string' || content instanceof Uint8Array) await handle.writeFile(content)
      else for (const chunk of content()) await handle.write(chunk)
      await handle.sync()
    } finally {
      await handle.close()
    }
    await rename(tmp, path)
  } catch (error) {
    await unlink(tmp).catch(() => undefined)
    throw error
  } finally {
    liveTemps.delete(tmp)
  }
}

/** Temporary files being written now, for a clean stop on Ctrl-C. */
export const liveTemps = new Set<string>()
