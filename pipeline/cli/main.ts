#!/usr/bin/env node
import { realpathSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { VERSION } from '../core/package-root.js'
import type { Command, CommandIO } from './command.js'
import { COMMANDS } from './commands/index.js'

function help(commands: readonly Command[]): string {
  const width = Math.max(...commands.map((c) => c.name.length))
  return [
    `undoc ${VERSION}: UN document texts → validated, structured JSON, Markdown and PDF`,
    '',
    'Usage:',
    ...commands.map((c) => `  ${c.usage}`),
    '  undoc --help | --version',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Exit codes: 0 clean, 1 when a document has errors, 2 for usage or I/O errors, 130 when stopped by Ctrl-C.',
    ''
  ].join('\n')
}

/** Runs `undoc` with the given arguments; never throws, returns the exit code. */
export async function main(argv: readonly string[], io: CommandIO): Promise<number> {
  const first = argv.find((a) => !a.startsWith('-'))
  const version = argv.includes('--version') || argv.includes('-v')
  const command = COMMANDS.find((c) => c.name === first)
  if (!command) {
    if (version) {
      io.stdout.write(`${VERSION}\n`)
      return 0
    }
    if (argv.includes('--help') || argv.includes('-h') || first === 'help') {
      io.stdout.write(help(COMMANDS))
      return 0
    }
    io.stderr.write(`undoc: ${first === undefined ? 'no command given' : `unknown command "${first}"`}\n\n${help(COMMANDS)}`)
    return 2
  }
  let parsed
  try {
    parsed = parseArgs({
      args: argv.filter((_, i) => i !== argv.indexOf(first!)),
      allowPositionals: true,
      strict: true,
      options: { ...command.options, help: { type: 'boolean', short: 'h' } }
    })
  } catch (error) {
    io.stderr.write(`undoc ${command.name}: ${error instanceof Error ? error.message : String(error)}\n  ${command.usage}\n`)
    return 2
  }
  if (parsed.values.help) {
    io.stdout.write(`${command.summary}\n\n  ${command.usage}\n`)
    return 0
  }
  try {
    return await (
      await command.load()
    )(parsed.values, parsed.positionals, io, command)
  } catch (error) {
    io.stderr.write(`undoc ${command.name}: internal error: ${error instanceof Error ? error.message : String(error)}\n`)
    return 2
  }
}

const invokedDirectly = process.argv[1] !== undefined && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)
if (invokedDirectly) {
  process.exitCode = await main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, cwd: process.cwd(), env: process.env })
}
