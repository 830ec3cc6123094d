import { spawn } from 'node:child_process'
import { cpSync, existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { describe, expect, it } from 'vitest'
import { workspace } from './cli-helpers.js'
import { ROOT } from './helpers.js'

const CLI = join(ROOT, 'dist', 'pipeline', 'cli', 'main.js')

describe('signals', () => {
  it('stops a build on SIGTERM as on SIGINT: no temporary file left, complete outputs, exit code 143', async () => {
    const dir = workspace()
    for (const name of readdirSync(join(dir, 'input'))) {
      for (let i = 1; i < 20; i++) cpSync(join(dir, 'input', name), join(dir, 'input', name.replace('.zh.txt', `-${i}.zh.txt`)))
    }
    const child = spawn(process.execPath, [CLI, 'build', '--jobs', '1'], { cwd: dir, env: { ...process.env, CI: 'true' }, stdio: 'ignore' })
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
    // Signalled once it has written a document, so that it is stopped in the middle of its work.
    const out = join(dir, 'output')
    while (!(existsSync(out) && readdirSync(out).some((n) => n.endsWith('.json') && !n.includes('.tmp-')))) await sleep(20)
    child.kill('SIGTERM')
    expect(await exited).toBe(143)
    const left = readdirSync(out)
    expect(left.filter((n) => n.includes('.tmp'))).toEqual([])
    for (const name of left.filter((n) => n.endsWith('.zh.json'))) expect(() => JSON.parse(readFileSync(join(out, name), 'utf8')), name).not.toThrow()
  }, 240_000)
})
