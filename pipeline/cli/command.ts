import type { ParseArgsConfig } from 'node:util'

/** Where a command writes: injected so tests run commands in-process and read what they print. */
export interface CommandIO {
  readonly stdout: NodeJS.WritableStream & { isTTY?: boolean }
  readonly stderr: NodeJS.WritableStream & { isTTY?: boolean }
  readonly cwd: string
  readonly env: NodeJS.ProcessEnv
}

/** One `undoc` subcommand: its options, its help, and what it does. Returns the exit code. */
export interface Command {
  readonly name: string
  readonly summary: string
  /** Usage lines shown by `undoc --help` and `undoc NAME --help`. */
  readonly usage: string
  readonly options: NonNullable<ParseArgsConfig['options']>
  run(values: Record<string, string | boolean | (string | boolean)[] | undefined>, positionals: string[], io: CommandIO): Promise<number>
}
