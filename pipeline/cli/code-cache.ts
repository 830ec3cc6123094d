import { isAscii } from 'node:buffer'
import { readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname } from 'node:path'
import { fileURLToPath } from 'node:url'
import { constants, Script } from 'node:vm'
import { crc32 } from 'node:zlib'

// What a command runs, loaded with the code V8 compiled for it when undoc was built. Node 20 keeps
// no compiled code between runs of an ES module (module.enableCompileCache is Node 22), so the
// pipeline was parsed and compiled anew by every run of a command. The bundle (scripts/bundle.mjs) puts the
// commands into one CommonJS file, which this compiles as Node's require() would, but with the
// code V8 serialized after a build ran them (scripts/code-cache.mjs), as the v8-compile-cache
// package does for require(). A cache made by another V8, under other flags, for another source
// or damaged is not used, and the source is compiled as usual: it costs the time it saves,
// never a wrong result.

/** The commands' bundle, beside this module's file: every file of the bundle is one folder deep. */
export const COMMANDS_BUNDLE = fileURLToPath(new URL('../cli/commands.cjs', import.meta.url))

/** The file V8's code for a bundle file is kept in. */
export function codeCacheOf(file: string): string {
  return `${file}.v8-cache`
}

/** What compiling a bundle file found of its cache: used, turned down (another V8, other flags, another source, damaged), or none. */
export type CacheUse = 'used' | 'rejected' | 'absent'

/**
 * The cache file: the CRC-32 of the source it was made from and of V8's data, then the data.
 * V8 checks its data's version, flags and the source's length, but not its bytes (a damaged
 * cache crashes the process) nor the source's: these two are checked first.
 */
const HEADER = 8

function compile(file: string, cache: Buffer | undefined): { script: Script; cache: CacheUse } {
  const bytes = readFileSync(file)
  const data = cache && cache.length > HEADER && cache.readUInt32LE(0) === crc32(bytes) && cache.readUInt32LE(4) === crc32(cache.subarray(HEADER)) ? cache.subarray(HEADER) : undefined
  // The bundle is ASCII (scripts/bundle.mjs): read as such, as one byte a character, when it is.
  const source = bytes.toString(isAscii(bytes) ? 'latin1' : 'utf8')
  // Wrapped as require() wraps a CommonJS file; import() of a package left out of the bundle resolves as from a module required from this file.
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
    filename: file,
    ...(data ? { cachedData: data } : {}),
    importModuleDynamically: constants.USE_MAIN_CONTEXT_DEFAULT_LOADER
  })
  return { script, cache: cache === undefined ? 'absent' : data === undefined || script.cachedDataRejected ? 'rejected' : 'used' }
}

/** Runs a compiled CommonJS file once, as require() would, and returns its exports. */
function run(script: Script, file: string): unknown {
  const module = { exports: {} as unknown }
  const wrapper = script.runInThisContext() as (...args: unknown[]) => void
  wrapper.call(module.exports, module.exports, createRequire(file), module, file, dirname(file))
  return module.exports
}

function readCache(file: string): Buffer | undefined {
  try {
    return readFileSync(codeCacheOf(file))
  } catch {
    return undefined // no cache (a build that did not make one): V8 compiles the source
  }
}

/** Loads a bundle file with its code cache, saying whether the cache was used. */
export function loadCached(file: string): { exports: unknown; cache: CacheUse } {
  const { script, cache } = compile(file, readCache(file))
  return { exports: run(script, file), cache }
}

/**
 * Loads a bundle file without its cache, and gives what writes the cache of the code V8 has
 * compiled of it by then (scripts/code-cache.mjs runs commands between the two).
 */
export function loadForCache(file: string): { exports: unknown; writeCache: () => void } {
  const { script } = compile(file, undefined)
  return {
    exports: run(script, file),
    writeCache: () => {
      const data = script.createCachedData()
      const header = Buffer.alloc(HEADER)
      header.writeUInt32LE(crc32(readFileSync(file)), 0)
      header.writeUInt32LE(crc32(data), 4)
      writeFileSync(codeCacheOf(file), Buffer.concat([header, data]))
    }
  }
}

let commands: Record<string, unknown> | undefined

/** A module of the commands' bundle, loaded once: a command's (by its file name in cli/commands/), or the build's worker ('worker'). */
export function fromCommandsBundle(name: string): unknown {
  commands ??= loadCached(COMMANDS_BUNDLE).exports as Record<string, unknown>
  return commands[name]
}
