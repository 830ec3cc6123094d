import { createHash } from 'node:crypto'
import { readFile, stat } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { VERSION } from '../core/package-root.js'
import { EMITTERS } from '../emit/index.js'
import { emitJson } from '../emit/json/index.js'
import { CONFIG_NAME } from '../lint/config.js'
import type { BuildManifest, Shard } from '../types/manifest.js'
import { validate } from '../validate/index.js'
import { writeAtomic } from './write.js'

/** The manifest of a whole build in its output folder. */
export const MANIFEST_NAME = '.undoc-manifest.json'

/** The manifest of one shard of a sharded build: `.undoc-shard-I-of-N.json`. */
export function shardFileName(shard: Shard): string {
  return `.undoc-shard-${shard.index}-of-${shard.count}.json`
}

export const SHARD_FILE = /^\.undoc-shard-(\d+)-of-(\d+)\.json$/

/**
 * What every output depends on besides its own source: undoc's version, the output formats, and
 * the configuration file's bytes. A change of any of them rebuilds everything.
 */
export async function pipelineKey(cwd: string, config?: string, formats?: readonly string[]): Promise<string> {
  const written = EMITTERS.filter((e) => formats === undefined || formats.includes(e.format)).map((e) => e.format)
  const hash = createHash('sha256').update(`undoc ${VERSION}\nformats ${written.join(',')}\n`)
  const bytes = await readFile(resolve(cwd, config ?? CONFIG_NAME)).catch(() => undefined)
  hash.update(bytes ? `config ${bytes.length}\n` : 'no config\n')
  if (bytes) hash.update(bytes)
  return hash.digest('hex')
}

/** A manifest as read, with its own modification time: a source changed in that same tick must be hashed again. */
export interface ReadManifest {
  readonly manifest: BuildManifest
  readonly mtimeNs: bigint
}

/** Reads a manifest; a missing, unreadable, corrupt or invalid one is none (the build is then full). */
export async function readManifest(path: string): Promise<ReadManifest | undefined> {
  try {
    const [bytes, info] = await Promise.all([readFile(path, 'utf8'), stat(path, { bigint: true })])
    const value: unknown = JSON.parse(bytes)
    if (validate('manifest.schema.json', value).length > 0) return undefined
    return { manifest: value as BuildManifest, mtimeNs: info.mtimeNs }
  } catch {
    return undefined
  }
}

export async function writeManifest(path: string, manifest: BuildManifest): Promise<void> {
  await writeAtomic(path, () => emitJson(manifest))
}
