import type { Command } from '../command.js'
import { alignCommand } from './align.js'
import { buildCommand } from './build.js'
import { checkCommand } from './check.js'
import { editionCommand } from './edition.js'
import { indexCommand } from './merge-index.js'
import { validateCommand } from './validate.js'

/** Every `undoc` subcommand, in the order `--help` lists them. */
export const COMMANDS: readonly Command[] = [buildCommand, validateCommand, checkCommand, editionCommand, alignCommand, indexCommand]
