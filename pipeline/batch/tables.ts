import type { Diagnostic } from '../core/diagnostic.js'
import type { SourceFile } from '../io/sources.js'
import type { Backlink, IndexedDocument } from '../types/index.js'
import type { CorpusMember } from './corpus-index.js'
import type { EntryRecord } from './manifest.js'

/**
 * A table of the run's store: the letter its keys start with on disk, the fields of its keys and
 * the type of its values. The store takes tables, never letters, so a table is read as it is written.
 */
export interface Table<Key extends readonly string[], Value> {
  readonly letter: string
  /** What the table holds, for the reader of a store dumped by hand. */
  readonly holds: string
  encode(value: Value): string
  decode(stored: string): Value
  /** Only there to carry the key's type. */
  readonly key?: Key
}

/** The value of a table whose keys are all it says: the key is there or not. */
export type Mark = true

function json<Key extends readonly string[], Value>(letter: string, holds: string): Table<Key, Value> {
  return { letter, holds, encode: (value) => JSON.stringify(value), decode: (stored) => JSON.parse(stored) as Value }
}

function marks<Key extends readonly string[]>(letter: string, holds: string): Table<Key, Mark> {
  return { letter, holds, encode: () => '', decode: () => true }
}

function names<Key extends readonly string[]>(letter: string, holds: string): Table<Key, string> {
  return { letter, holds, encode: (value) => value, decode: (stored) => stored }
}

type ByPath = [path: string]

/** A source to build and the links it is to be built with. */
export interface Relink {
  readonly source: SourceFile
  readonly links: Record<string, string>
}

/** A source to build; `fresh` when the manifest has no record of it (it is first read without writing, for its citations). */
export interface ToBuild {
  readonly source: SourceFile
  readonly fresh?: true
}

/**
 * Every table of the run's store: a run's (runBuild), the corpus's (StoredCorpus) and a merge's
 * (undoc index). One letter a table, given here and nowhere else.
 */
export const TABLES = {
  // What the run found and answers for.
  sources: json<ByPath, SourceFile>('A', 'the sources the run answers for (its share of a sharded build)'),
  sourceNames: marks<[name: string, path: string]>('N', 'every source found, by output name, for clashes'),
  // The manifest, compared with the sources.
  pending: marks<ByPath>('P', "the sources the manifest's pending file names: their records do not stand"),
  records: json<ByPath, EntryRecord>('R', 'the records as they now stand'),
  toBuild: json<ByPath, ToBuild>('D', 'the sources to build'),
  previousRecords: json<ByPath, EntryRecord>('W', 'the previous records of the sources to build'),
  lastCited: json<ByPath, CorpusMember>('G', 'what a source to build was last known to cite'),
  gone: json<ByPath, EntryRecord>('Z', 'the records of sources gone'),
  otherShards: json<ByPath, Pick<CorpusMember, 'name' | 'symbol'>>('H', 'the documents of the other shards of the same split'),
  // The build.
  relinks: json<ByPath, Relink>('L', "the sources to build again with the corpus's links"),
  failures: json<ByPath, Diagnostic[]>('F', 'the diagnostics of sources that could not be built'),
  built: marks<ByPath>('T', 'the sources built'),
  failedBuilds: marks<ByPath>('E', 'the sources built whose last build failed (an error of the pipeline, an unreadable source, an unwritten output)'),
  // A manifest or shard file read whole (loadManifest), and the sources of a merge (undoc index).
  loaded: json<ByPath, EntryRecord>('K', 'the records of a manifest being read'),
  loadedPending: marks<ByPath>('Y', 'the pending sources of a manifest being read'),
  journaled: json<ByPath, EntryRecord>('J', 'the records a killed run journaled, the last where it has two'),
  merged: json<ByPath, EntryRecord>('U', 'the records of every shard being merged, the last shard’s where two have one source'),
  // The corpus (StoredCorpus).
  symbols: marks<[symbol: string, name: string]>('M', 'every member by symbol'),
  symbolOwners: names<[symbol: string]>('S', 'the name of the document of a symbol (the first by name where two have one)'),
  members: names<[name: string, at: string]>('Q', 'where each member added for the index is to be found'),
  rows: json<[name: string, at: string], IndexedDocument>('O', "each member's row of the index"),
  backlinks: json<[cited: string, batch: string], Backlink[]>('B', "a batch's members citing a document"),
  missing: json<[symbol: string, batch: string], string[]>('X', "a batch's members citing a symbol not in the corpus")
} as const
