import { cpSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Writable } from 'node:stream'
import { main } from '../pipeline/cli/main.js'
import { ROOT, SEEDS } from './helpers.js'

/** A stream that keeps what is written to it. */
export class Capture extends Writable {
  text = ''
  override _write(chunk: Buffer, _enc: BufferEncoding, done: () => void): void {
    this.text += chunk.toString()
    done()
  }
}

/**
 * The editions an end-to-end build writes: JSON, Markdown and Akoma Ntoso (the ones `check` compares). Typesetting PDFs is most of a
 * build's time; only the tests that look at PDFs (pdf, edition) and at --formats itself ask for them.
 */
export const NO_PDF = ['--formats', 'json,markdown,akn'] as const

/** Runs `undoc` in-process in `cwd`, as a CI job would (no TTY). */
export async function undoc(cwd: string, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = new Capture()
  const stderr = new Capture()
  const code = await main(args, { stdout, stderr, cwd, env: { CI: 'true' } })
  return { code, stdout: stdout.text, stderr: stderr.text }
}

/** A fresh working folder with the two seeds in input/. */
export function workspace(): string {
  const dir = mkdtempSync(join(tmpdir(), 'undoc-test-'))
  for (const seed of Object.values(SEEDS)) cpSync(join(ROOT, seed), join(dir, seed))
  return dir
}
