import type { ParseArgsConfig } from 'node:util'

/** Where a command writes: injected so tests run commands in-process and read what they print. */
export interface CommandIO {
  readonly stdout: NodeJS.WritableStream & { isTTY?: boolean }
  readonly stderr: NodeJS.WritableStream & { isTTY?: boolean }
  readonly cwd: string
  readonly env: NodeJS.ProcessEnv
}

/** The options of a command line, as node:util's parseArgs gives them. */
export type CommandValues = Record<string, string | boolean | (string | boolean)[] | undefined>

/** What a command does, given its parsed arguments and its declaration (for its usage line). Returns the exit code. */
export type RunCommand = (values: CommandValues, positionals: string[], io: CommandIO, command: Command) => Promise<number>

/**
 * One `undoc` subcommand: its name, help and options, declared apart from what it does, which
 * `load` brings in only when the command runs. `undoc --help` (and `undoc NAME --help`) read the
 * declarations alone and so load none of the pipeline.
 */
export interface Command {
  readonly name: string
  readonly summary: string
  /** Usage lines shown by `undoc --help` and `undoc NAME --help`. */
  readonly usage: string
  readonly options: NonNullable<ParseArgsConfig['options']>
  load(): Promise<RunCommand>
}
