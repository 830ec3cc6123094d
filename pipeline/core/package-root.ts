import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

/** The folder of undoc's package.json, whether this code runs from source or from dist/. */
export const PACKAGE_ROOT = ((): string => {
  for (let dir = dirname(fileURLToPath(import.meta.url)); ; dir = dirname(dir)) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string }
      if (pkg.name === 'undoc') return dir
    } catch {
      // not here: look in the parent folder
    }
    if (dirname(dir) === dir) throw new Error('undoc: cannot find its package.json')
  }
})()

export const VERSION = (JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string }).version
