import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Diagnostic } from '../pipeline/core/diagnostic.js'
import { runBuild } from '../pipeline/batch/run-build.js'
import type { RunFileSystem, RunResult } from '../pipeline/batch/run-state.js'
import { MANIFEST_NAME } from '../pipeline/batch/manifest.js'
import { buildExit } from '../pipeline/cli/commands/build.js'
import { undoc, workspace } from './cli-helpers.js'

/** JSON, Markdown and Akoma Ntoso: what is checked here is how outputs are written, not typeset. */
const FORMATS = ['json', 'markdown', 'akn']

/** A corpus of the two seeds, each three times over. */
function corpus(): string {
  const dir = workspace()
  for (const name of readdirSync(join(dir, 'input'))) {
    for (let i = 1; i < 3; i++) cpSync(join(dir, 'input', name), join(dir, 'input', name.replace('.zh.txt', `-${i}.zh.txt`)))
  }
  return dir
}

/** The error a full disk gives a write, as Node's fs raises it; and as LevelDB does (its message alone says so). */
const enospc = () => Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' })
const levelFull = () => Object.assign(new Error('IO error: .store.tmp-h-1-00000000/000003.log: No space left on device'), { code: 'LEVEL_IO_ERROR' })

/**
 * A file system whose disk fills up at the `n`-th write that `picks` counts (a file's chunk, by
 * the file's path; or 'store', a write to the run's store): that write and every one after it
 * fail, as on a full disk. With n = 0 it never fills, and counts.
 */
function fillingDisk(n: number, picks: 'store' | ((path: string) => boolean)) {
  let seen = 0
  let full = false
  const tick = (picked: boolean) => {
    if (picked && ++seen === n) full = true
  }
  const fileSystem: RunFileSystem = {
    write: (path, fd, chunk) => {
      tick(picks !== 'store' && picks(path))
      if (full) throw enospc()
      writeFileSync(fd, chunk)
    },
    storeWrite: () => {
      tick(picks === 'store')
      if (full) throw levelFull()
    }
  }
  return { fileSystem, seen: () => seen }
}

async function build(dir: string, out: string, fileSystem?: RunFileSystem): Promise<{ result: RunResult; diagnostics: Diagnostic[] }> {
  const diagnostics: Diagnostic[] = []
  const result = await runBuild({ paths: ['input'], out, cwd: dir, jobs: 1, formats: FORMATS, ...(fileSystem ? { fileSystem } : {}), report: { write: (d) => diagnostics.push(d) } })
  return { result, diagnostics }
}

/** The files of an output folder a user sees (its outputs and index.json), by name. */
function outputs(folder: string): Map<string, Buffer> {
  return new Map(
    readdirSync(folder)
      .filter((name) => !name.startsWith('.'))
      .map((name) => [name, readFileSync(join(folder, name))])
  )
}

const isOutput = (path: string) => !path.includes('.undoc-')
const isManifest = (path: string) => path.endsWith(MANIFEST_NAME)

describe('a full disk', () => {
  it('stops a build with one disk-full error naming the output folder, its own exit code, no torn output, and a next build that completes to the bytes of a clean one', async () => {
    const dir = corpus()
    // A clean build, counting its writes: to outputs (and the index), and to the store.
    const counting = fillingDisk(0, isOutput)
    const clean = await build(dir, 'clean', counting.fileSystem)
    expect(buildExit(clean.result)).toBe(0)
    const expected = outputs(join(dir, 'clean'))
    expect(expected.size).toBe(6 * FORMATS.length + 1)
    const outputWrites = counting.seen()
    const storeCounting = fillingDisk(0, 'store')
    await build(dir, 'clean-store', storeCounting.fileSystem)
    const storeWrites = storeCounting.seen()
    expect(outputWrites).toBeGreaterThan(10)
    expect(storeWrites).toBeGreaterThan(4)

    const cases: [string, number, 'store' | ((path: string) => boolean)][] = [
      ['at the first write of an output', 1, isOutput],
      ['half-way through the outputs', Math.floor(outputWrites / 2), isOutput],
      ['while the manifest is written', 1, isManifest],
      ['in the run store, at its first write', 1, 'store'],
      ['in the run store, half-way through the run', Math.floor(storeWrites / 2), 'store']
    ]
    for (const [label, n, picks] of cases) {
      const out = `out-${cases.findIndex((c) => c[0] === label)}`
      const { result, diagnostics } = await build(dir, out, fillingDisk(n, picks).fileSystem)
      expect(buildExit(result), label).toBe(3)
      expect(result.diskFull, label).toBe(true)
      // One diagnostic says it, on the folder as named; no output's own "Cannot write", no internal error.
      const full = diagnostics.filter((d) => d.ruleId === 'disk-full')
      expect(full, label).toHaveLength(1)
      expect(full[0]!.file, label).toBe(out)
      expect(full[0]!.reason, label).toMatch(
        new RegExp(`The disk is full \\(ENOSPC\\): the build stopped writing in ${out}\\. Written by this run: \\d+ documents?, whole; the others were not written`)
      )
      expect(
        diagnostics.filter((d) => d.ruleId === 'io-error' || d.ruleId === 'internal-error'),
        label
      ).toEqual([])
      // What was written is whole: each output as a clean build writes it, and no temporary file is left.
      for (const [name, bytes] of outputs(join(dir, out))) expect(bytes.equals(expected.get(name)!), `${label}: ${name}`).toBe(true)
      expect(
        readdirSync(join(dir, out)).filter((name) => name.includes('.tmp-')),
        label
      ).toEqual([])
      // With room again, the next build completes to the same bytes as a clean build.
      const again = await build(dir, out)
      expect(buildExit(again.result), label).toBe(0)
      expect(outputs(join(dir, out)), label).toEqual(expected)
    }
  }, 300_000)
})

describe('argument values echoed in errors', () => {
  it('have their control characters escaped, as file names are', async () => {
    const dir = workspace()
    for (const [option, value] of [
      ['--jobs', 'x\u001b]0;owned\u0007'],
      ['--formats', 'json,\nmarkdown'],
      ['--shard', '1/\u202e2']
    ] as const) {
      const { code, stderr } = await undoc(dir, 'build', option, value)
      expect(code, option).toBe(2)
      // eslint-disable-next-line no-control-regex -- the control characters are what it looks for
      expect(stderr, option).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202e]/)
      expect(stderr.split('\n').filter((line) => line !== '').length, option).toBe(1)
      expect(stderr, option).toMatch(/\\x1b|\\n|\\u202e/)
    }
  }, 60_000)
})
