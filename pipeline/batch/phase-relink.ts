import { stat } from 'node:fs/promises'
import { join } from 'node:path'
import type { ManifestEntry } from '../types/manifest.js'
import { byCodeUnits } from '../core/order.js'
import { outputName } from '../io/sources.js'
import { corpusMember, linkPairs, linksAmong, type StoredCorpus } from './corpus-index.js'
import type { KeptIndex } from './kept-index.js'
import { isMember, readEntry, type EntryRecord, type LineFiles } from './manifest.js'
import { INDEX_NAME } from './output-names.js'
import type { Builder } from './phase-build.js'
import { markPending } from './phase-build.js'
import { corpusChanged, stopped, type RunState } from './run-state.js'
import type { Store, StoreWriter } from './store.js'
import { TABLES, type Table } from './tables.js'

/** What the relink pass does: check every document's links against the corpus, make the index's rows, or both. */
export interface RelinkPlan {
  readonly checkLinks: boolean
  readonly writeIndex: boolean
}

/**
 * Whether links are checked and the index written. Citations of documents that are in this corpus
 * point at them: links are checked when the corpus may have changed since they were (something
 * was built or removed, other shards' documents count, or the last build stopped before it checked
 * them, or checked only those of the sources it was given). The index is written unless it is the one the manifest describes, on disk as written
 * (then `indexPrint` is set).
 */
export async function planRelink(state: RunState): Promise<RelinkPlan> {
  const { out, shard, previous } = state
  const aborted = stopped(state)
  const checkLinks = out !== undefined && !aborted && (corpusChanged(state) || shard !== undefined || previous?.header.unlinked === true || previous?.header.partial === true)
  // Nothing changed and index.json is as the last build wrote it: it is right as it is.
  const indexed = out !== undefined && shard === undefined
  const kept = previous?.header.index
  const current = indexed && !checkLinks && kept ? await stat(join(out, INDEX_NAME), { bigint: true }).catch(() => undefined) : undefined
  if (kept && current && Number(current.size) === kept.size && current.mtimeNs.toString() === kept.mtimeNs) state.indexPrint = kept
  return { checkLinks, writeIndex: indexed && state.indexPrint === undefined && !aborted }
}

/**
 * The relink pass: the corpus as it is now, its members by symbol; then, a thousand at a time, each
 * member's links checked against it (a document whose links are not those it was built with is
 * built again with them, from table L) and its row of the index made.
 */
export async function relink(state: RunState, builder: Builder, plan: RelinkPlan): Promise<void> {
  const { store, writer, corpus, files } = state
  // A kept index found damaged as it is read (at the size and time it was written with) is none.
  if (state.kept && (plan.checkLinks || plan.writeIndex) && !(await relinkKept(state, state.kept, plan))) state.kept = undefined
  if (!state.kept && (plan.checkLinks || plan.writeIndex)) {
    await corpus.clear()
    for await (const [, r] of store.scan(TABLES.records)) if (isMember(r)) await corpus.add(writer, r, r.path)
    for await (const [, member] of store.scan(TABLES.otherShards)) await corpus.add(writer, member)
    await corpus.seal(writer)
    await eachMember(store, TABLES.records, files, corpus, writer, plan.writeIndex, async (members, targets) => {
      if (plan.checkLinks) await queueRelinks(state, members, targets)
    })
  }
  if (state.relinked > 0) {
    state.total += state.relinked
    await markPending(state, TABLES.relinks)
    await builder.buildAll(TABLES.relinks, state.relinked, async (_, relink) => relink)
  }
  state.linked = plan.checkLinks && !stopped(state)
}

/**
 * The relink pass over a kept index: the rows of the documents built or gone replaced, and the
 * links checked of the documents whose rows changed: those built, and those whose citations now
 * link elsewhere. Every other document's links are its row's targets, as the last build checked.
 */
async function relinkKept(state: RunState, kept: KeptIndex, plan: RelinkPlan): Promise<boolean> {
  const { store, writer } = state
  const removed = new Set<string>()
  for await (const [, r] of store.scan(TABLES.gone)) removed.add(r.name)
  const built: string[] = []
  for await (const [[path]] of store.scan(TABLES.toBuild)) {
    removed.add(outputName(path!))
    built.push(path!)
  }
  const added = await membersOf(state, built)
  let names: Set<string>
  try {
    names = kept.update(
      removed,
      added.map((m) => m.entry.summary!)
    )
  } catch {
    return false
  }
  const retargeted = await membersOf(state, [...names].map((name) => kept.path(name)).sort(byCodeUnits))
  if (!plan.checkLinks) return true
  // In the manifest's order (by path), so its lines are read a megabyte at a time.
  const members = [...added, ...retargeted].sort((a, b) => byCodeUnits(a.path, b.path))
  await queueRelinks(state, members, { get: (symbol: string) => kept.target(symbol) })
  await writer.flush()
  return true
}

/** The members of the corpus among these sources (by path), with their records and entries. */
async function membersOf(state: RunState, paths: readonly string[]): Promise<MemberEntry[]> {
  const records = await state.store.getMany(
    TABLES.records,
    paths.map((p): [string] => [p])
  )
  const members: MemberEntry[] = []
  for (const [i, record] of records.entries()) if (record !== undefined && isMember(record)) members.push({ path: paths[i]!, record, entry: await readEntry(state.files, record) })
  return members
}

/** A member of the corpus as eachMember gives it: its path, its record and its entry. */
/**
 * Queues for a second build (table L) each member with a source whose links among `targets` are
 * not those it was built with, with the links it is to be built with: its entry is not read again.
 */
async function queueRelinks(state: RunState, members: readonly MemberEntry[], targets: Pick<ReadonlyMap<string, string>, 'get'>): Promise<void> {
  const sources = await state.store.getMany(
    TABLES.sources,
    members.map((m): [string] => [m.path])
  )
  for (const [i, { path, record, entry }] of members.entries()) {
    if (sources[i] === undefined || !record.wrote) continue
    const links = linksAmong(corpusMember(entry.summary!), targets)
    if (JSON.stringify(linkPairs(links)) !== JSON.stringify(linkPairs(entry.links))) {
      await state.writer.put(TABLES.relinks, [path], { source: sources[i]!, links })
      state.relinked++
    }
  }
}

export interface MemberEntry {
  readonly path: string
  readonly record: EntryRecord
  readonly entry: ManifestEntry
}

/**
 * Goes through the corpus's members (added with their paths, whose records are in `table`) by
 * name, a thousand at a time, with their entries (read once) and the sealed corpus's targets for
 * what they cite: `each` takes each batch, and with `rows` the batch's rows go into the index.
 */
export async function eachMember(
  store: Store,
  table: Table<[path: string], EntryRecord>,
  files: LineFiles,
  corpus: StoredCorpus,
  writer: StoreWriter,
  rows: boolean,
  each?: (members: readonly MemberEntry[], targets: ReadonlyMap<string, string>) => Promise<void>
): Promise<void> {
  let batch = 0
  for await (const paths of corpus.batches()) {
    const values = await store.getMany(
      table,
      paths.map((path): [string] => [path])
    )
    const members: MemberEntry[] = []
    for (const [i, path] of paths.entries()) {
      const record = values[i]!
      members.push({ path, record, entry: await readEntry(files, record) })
    }
    // Documents of a corpus cite the same symbols over and over: one lookup a symbol a batch.
    const targets = await corpus.targets(members.flatMap((m) => m.entry.summary!.citations.map((c) => c.symbol)))
    await each?.(members, targets)
    if (rows)
      await corpus.addRows(
        writer,
        batch++,
        members.map((m) => ({ summary: m.entry.summary!, at: m.path })),
        targets
      )
  }
  await writer.flush()
}
