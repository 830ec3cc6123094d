import { spawn } from 'node:child_process'
import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { NO_PDF, workspace } from './cli-helpers.js'
import { ROOT } from './helpers.js'

const CLI = join(ROOT, 'dist', 'pipeline', 'cli', 'main.js')

function run(cwd: string, args: string[], env: NodeJS.ProcessEnv = {}, killAfterMs?: number): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  return new Promise((resolve) => {
    // The editions without the PDF (NO_PDF): what these tests check is how outputs are written, not typeset.
    const child = spawn(process.execPath, [CLI, ...args, ...NO_PDF], { cwd, env: { ...process.env, CI: 'true', ...env }, stdio: 'ignore' })
    if (killAfterMs !== undefined) setTimeout(() => child.kill('SIGKILL'), killAfterMs)
    child.on('exit', (code, signal) => resolve({ code, signal }))
  })
}

/** A corpus big enough that a build takes a while: each seed copied `n` times. */
function corpus(n: number): string {
  const dir = workspace()
  for (const name of readdirSync(join(dir, 'input'))) {
    for (let i = 1; i < n; i++) cpSync(join(dir, 'input', name), join(dir, 'input', name.replace('.zh.txt', `-${i}.zh.txt`)))
  }
  return dir
}

function outputs(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>()
  for (const name of readdirSync(join(dir, 'output'))) if (!name.startsWith('.')) out.set(name, readFileSync(join(dir, 'output', name)))
  return out
}

/** Deterministic pseudo-random numbers, so a failing kill point can be replayed. */
function* random(seed: number): Generator<number> {
  let x = seed
  for (;;) {
    x = (x * 1103515245 + 12345) % 2 ** 31
    yield x / 2 ** 31
  }
}

describe('faults', () => {
  it('leaves every output old-and-complete or new-and-complete when a build is killed at any moment', async () => {
    const dir = corpus(8)
    // Two versions of the inputs, so that old and new outputs differ.
    const versionA = new Map<string, Buffer>()
    const versionB = new Map<string, Buffer>()
    const inputs = readdirSync(join(dir, 'input'))
    expect((await run(dir, ['build'])).code).toBe(0)
    for (const [k, v] of outputs(dir)) versionA.set(k, v)
    for (const name of inputs) writeFileSync(join(dir, 'input', name), readFileSync(join(dir, 'input', name), 'utf8').replace('合作', '协作'))
    const started = Date.now()
    expect((await run(dir, ['build'])).code).toBe(0)
    const full = Date.now() - started
    for (const [k, v] of outputs(dir)) versionB.set(k, v)
    expect(versionB.size).toBe(versionA.size)

    const delays = random(20261125)
    let killed = 0
    for (let round = 0; round < 8; round++) {
      // Alternate the inputs between the versions, then kill the build somewhere in its run.
      for (const name of inputs) {
        const text = readFileSync(join(dir, 'input', name), 'utf8')
        writeFileSync(join(dir, 'input', name), round % 2 === 0 ? text.replace('协作', '合作') : text.replace('合作', '协作'))
      }
      const result = await run(dir, ['build'], {}, Math.floor(delays.next().value! * full * 1.2))
      if (result.signal === 'SIGKILL') killed++
      for (const [name, bytes] of outputs(dir)) {
        expect(bytes.equals(versionA.get(name)!) || bytes.equals(versionB.get(name)!), `${name} after kill ${round}`).toBe(true)
      }
    }
    // Kill points are drawn over the length of the second build: most land inside a build, even
    // when a later build runs at another speed than that one.
    expect(killed).toBeGreaterThanOrEqual(3)
    // The next build clears what the killed ones left behind.
    expect((await run(dir, ['build'])).code).toBe(0)
    expect(readdirSync(join(dir, 'output')).filter((n) => n.includes('.tmp-'))).toEqual([])
    // Eleven builds of sixteen documents: a bound against a hang, many times what they take.
  }, 600_000)

  it('finishes two builds into the same output folder at once with complete, correct outputs', async () => {
    const dir = corpus(6)
    await Promise.all([run(dir, ['build']), run(dir, ['build'])])
    const together = outputs(dir)
    const alone = corpus(6)
    await run(alone, ['build'])
    expect([...together.keys()].sort()).toEqual([...outputs(alone).keys()].sort())
    for (const [name, bytes] of outputs(alone)) expect(together.get(name)!.equals(bytes), name).toBe(true)
  })

  it('writes the same bytes in any time zone', async () => {
    const a = workspace()
    const b = workspace()
    await run(a, ['build'], { TZ: 'UTC' })
    await run(b, ['build'], { TZ: 'Pacific/Kiritimati', LANG: 'zh_CN.UTF-8' })
    const ours = outputs(a)
    expect(ours.size).toBeGreaterThan(0)
    for (const [name, bytes] of outputs(b)) expect(bytes.equals(ours.get(name)!), name).toBe(true)
  })
})
