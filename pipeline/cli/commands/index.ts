import { FORMATS } from '../../emit/formats.js'
import type { Command } from '../command.js'
import { REPORTER_NAMES } from '../reporters/names.js'

// Each command's declaration, and what it does loaded only when it runs: the declarations are
// what `undoc --help` prints, and a command's module loads the pipeline (a test lists what
// `--help` and `--version` load, and fails when a static import brings in more).

const build: Command = {
  name: 'build',
  summary: 'build the sources into JSON, Markdown and PDF, incrementally, on all cores; lint findings are reported and never stop outputs',
  usage:
    `undoc build [paths…] [--out DIR] [--jobs N] [--force] [--quiet] [--shard I/N] [--config FILE] [--follow-links] [--formats ${FORMATS.join(',')}]\n` +
    '                                    files or folders (default input/) into DIR (default output/)',
  options: {
    out: { type: 'string', short: 'o' },
    jobs: { type: 'string', short: 'j' },
    force: { type: 'boolean', short: 'f' },
    quiet: { type: 'boolean', short: 'q' },
    shard: { type: 'string' },
    config: { type: 'string', short: 'c' },
    formats: { type: 'string' },
    'follow-links': { type: 'boolean' }
  },
  load: async () => (await import('./build.js')).runBuildCommand
}

const validate: Command = {
  name: 'validate',
  summary: 'check the sources (pipeline and lint rules) without writing anything',
  usage:
    `undoc validate [paths…] [--format ${REPORTER_NAMES.join('|')}] [--max-warnings N] [--config FILE] [--follow-links]\n` +
    '  undoc validate --parallel a.zh.txt a.en.txt [b.zh.txt b.en.txt …]   check that two language versions of each document agree',
  options: {
    parallel: { type: 'boolean' },
    format: { type: 'string', short: 'f' },
    'max-warnings': { type: 'string' },
    config: { type: 'string', short: 'c' },
    'follow-links': { type: 'boolean' }
  },
  load: async () => (await import('./validate.js')).runValidate
}

const check: Command = {
  name: 'check',
  summary: 'exit 1, naming them, when the committed outputs are not what a build of the sources gives now',
  usage: 'undoc check [paths…] [--out DIR] [--follow-links] sources (default input/) against the outputs in DIR (default output/)',
  options: {
    out: { type: 'string', short: 'o' },
    'follow-links': { type: 'boolean' }
  },
  load: async () => (await import('./check.js')).runCheck
}

const edition: Command = {
  name: 'edition',
  summary: 'typeset several documents as one printable PDF volume',
  usage:
    'undoc edition [paths…] --title "…" -o FILE.pdf [--follow-links]   a volume with contents, running heads, page numbers, index of cited resolutions\n' +
    '  undoc edition --parallel a.zh.txt a.en.txt [b.zh.txt b.en.txt …] [--title "…"] -o FILE.pdf   the versions side by side, paragraph by paragraph',
  options: {
    parallel: { type: 'boolean' },
    title: { type: 'string', short: 't' },
    out: { type: 'string', short: 'o' },
    'follow-links': { type: 'boolean' }
  },
  load: async () => (await import('./edition.js')).runEdition
}

const align: Command = {
  name: 'align',
  summary: 'align two language versions of each document paragraph by paragraph, into NAME.align.json with where they disagree',
  usage: 'undoc align a.zh.txt a.en.txt [b.zh.txt b.en.txt …] [--out DIR]   DIR/a.zh-en.align.json (default output/)',
  options: {
    out: { type: 'string', short: 'o' }
  },
  load: async () => (await import('./align.js')).runAlign
}

const index: Command = {
  name: 'index',
  summary: 'merge the shards of a sharded build (or the last build) into index.json',
  usage: 'undoc index [--out DIR]            DIR/.undoc-shard-*-of-N.jsonl (else DIR/.undoc-manifest.jsonl) → DIR/index.json',
  options: {
    out: { type: 'string', short: 'o' }
  },
  load: async () => (await import('./merge-index.js')).runIndex
}

/** Every `undoc` subcommand, in the order `--help` lists them. */
export const COMMANDS: readonly Command[] = [build, validate, check, edition, align, index]
