import { readFile, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { VERSION } from '../core/package-root.js'
import { byCodeUnits } from '../core/order.js'
import type { Backlink, CitedSymbol, CorpusIndex, DocumentSummary, IndexedDocument, MissingSymbol } from '../types/index.js'
import { corpusMember, indexedDocument, type CorpusMember } from './corpus-index.js'
import { INDEX_NAME } from './output-names.js'
import { outputName } from '../io/sources.js'
import type { RunState } from './run-state.js'
import { TABLES } from './tables.js'

/**
 * The largest index.json a run keeps in its heap to update in place: 10,000 documents make about
 * 16 MB. A larger corpus is indexed from the store, where the heap holds a batch at a time.
 */
export const KEPT_INDEX_MAX_BYTES = 64 << 20

/** The most sources built or gone for which a run updates the kept index: it holds their summaries at once. */
const KEPT_CHANGES_MAX = 1000

/**
 * The corpus index the last build wrote, when a run may update it instead of making it anew: the
 * manifest says it wrote this index.json (its fingerprint in the header, by size and time, as an
 * output is checked), under this pipeline, after it checked every document's links against the
 * corpus (neither `unlinked` nor `partial`), and no build was killed since (no pending source).
 * Then each of the corpus's documents has its row there, its links are the row's targets, and the
 * rows of the documents that did not change stand. Undefined when any of that is not so, or the
 * file is not an index: the run indexes the whole corpus.
 */
export async function keptIndex(state: RunState): Promise<KeptIndex | undefined> {
  const { out, shard, previous, key, options } = state
  const header = previous?.header
  if (out === undefined || shard !== undefined || options.force === true || header?.index === undefined) return undefined
  if (header.pipeline !== key || header.unlinked === true || header.partial === true || state.pending > 0) return undefined
  const changes = state.dirty + state.removed
  if (changes > KEPT_CHANGES_MAX || (changes === 0 && !state.refreshed)) return undefined
  if (header.index.size > KEPT_INDEX_MAX_BYTES) return undefined
  const path = join(out, INDEX_NAME)
  const now = await stat(path, { bigint: true }).catch(() => undefined)
  if (now === undefined || Number(now.size) !== header.index.size || now.mtimeNs.toString() !== header.index.mtimeNs) return undefined
  try {
    const index = JSON.parse(await readFile(path, 'utf8')) as CorpusIndex
    if (index.undoc !== VERSION || !Array.isArray(index.documents) || !Array.isArray(index.missing)) return undefined
    const kept = new KeptIndex(index)
    // Its documents are those of the records that stand and those built again or gone: a record
    // dropped since it was written (a build that failed after the index was made) is not there.
    let replaced = 0
    for await (const [[path]] of state.store.scan(TABLES.toBuild)) if (kept.has(outputName(path!))) replaced++
    for await (const [, r] of state.store.scan(TABLES.gone)) if (kept.has(r.name)) replaced++
    return kept.size - replaced === state.keptMembers ? kept : undefined
  } catch {
    return undefined
  }
}

/**
 * A corpus index in the heap, updated a document at a time. Its documents by name, its missing
 * symbols, and the names of the documents of each symbol in name order: the first is the one a
 * citation of the symbol links to (as StoredCorpus.seal gives it).
 */
export class KeptIndex {
  private readonly rows = new Map<string, IndexedDocument>()
  private readonly missing = new Map<string, string[]>()
  private readonly bySymbol = new Map<string, string[]>()
  /** Rows and missing symbols that changed: those are checked against the schema when written. */
  private readonly touched = new Set<IndexedDocument>()
  private readonly touchedMissing = new Set<string>()

  constructor(index: CorpusIndex) {
    for (const row of index.documents) {
      this.rows.set(row.name, row)
      if (row.symbol !== undefined) insert(this.bySymbol, row.symbol, row.name)
    }
    for (const m of index.missing) this.missing.set(m.symbol, m.citedBy)
  }

  /** How many documents it has. */
  get size(): number {
    return this.rows.size
  }

  has(name: string): boolean {
    return this.rows.has(name)
  }

  /**
   * The targets of the corpus as it was before this run, less the documents `gone` and with the
   * `added` ones (the new sources' first reading): what a source to build is first linked with.
   */
  before(gone: ReadonlySet<string>, added: readonly CorpusMember[]): (symbol: string) => string | undefined {
    const addedBySymbol = new Map<string, string[]>()
    for (const m of added) if (m.symbol !== undefined) insert(addedBySymbol, m.symbol, m.name)
    return (symbol) => {
      const kept = this.bySymbol.get(symbol)?.find((name) => !gone.has(name))
      const first = addedBySymbol.get(symbol)?.[0]
      return first === undefined || (kept !== undefined && byCodeUnits(kept, first) < 0) ? kept : first
    }
  }

  /** The path of a document's source. */
  path(name: string): string {
    return this.rows.get(name)!.path
  }

  /** The name of the document a citation of `symbol` links to, in the corpus as it now is. */
  target(symbol: string): string | undefined {
    return this.bySymbol.get(symbol)?.[0]
  }

  /**
   * Takes the documents named in `removed` out, and puts those of `added` in (a document built
   * again is both); returns the names of the documents kept whose citations now link elsewhere.
   * Only the symbols those documents have or cite are gone through: each one's new owner, citing
   * documents and targets.
   */
  update(removed: ReadonlySet<string>, added: readonly DocumentSummary[]): Set<string> {
    const symbols = new Set<string>()
    const note = (row: { symbol?: string; citations: readonly CitedSymbol[] }) => {
      if (row.symbol !== undefined) symbols.add(row.symbol)
      for (const c of row.citations) symbols.add(c.symbol)
    }
    const gone = [...removed].flatMap((name) => this.rows.get(name) ?? [])
    gone.forEach(note)
    added.forEach(note)
    // Before: each symbol's document and the documents citing it.
    const was = new Map([...symbols].map((s) => [s, { owner: this.target(s), citing: this.citing(s) }] as const))
    for (const row of gone) {
      this.rows.delete(row.name)
      if (row.symbol !== undefined) remove(this.bySymbol, row.symbol, row.name)
    }
    const addedNames = new Set(added.map((s) => s.name))
    for (const s of added) if (s.symbol !== undefined) insert(this.bySymbol, s.symbol, s.name)
    for (const s of added) {
      const row = indexedDocument(s, { get: (symbol) => this.target(symbol) }, [])
      this.rows.set(s.name, row)
      this.touched.add(row)
    }
    const cites = new Map(added.map((s) => [s.name, new Set(s.citations.map((c) => c.symbol))]))
    const retargeted = new Set<string>()
    for (const symbol of symbols) {
      const { owner, citing } = was.get(symbol)!
      const names = citing.filter((name) => !removed.has(name) && !addedNames.has(name))
      for (const s of added) if (cites.get(s.name)!.has(symbol)) names.push(s.name)
      names.sort(byCodeUnits)
      const now = this.target(symbol)
      // A document that no longer has its symbol's citations (another came first by name) has none.
      const before = owner === undefined ? undefined : this.rows.get(owner)
      if (before !== undefined && owner !== now) this.setCitedBy(before, [])
      if (now !== undefined) {
        this.setCitedBy(
          this.rows.get(now)!,
          names.map((name) => backlink(this.rows.get(name)!, symbol))
        )
        this.missing.delete(symbol)
      } else if (names.length > 0) {
        this.missing.set(symbol, names)
        this.touchedMissing.add(symbol)
      } else this.missing.delete(symbol)
      if (owner === now) continue
      for (const name of names) {
        if (addedNames.has(name)) continue
        const row = this.rows.get(name)!
        const retarget = { ...row, citations: row.citations.map((c) => (c.symbol === symbol ? withTarget(c, now) : c)) }
        this.rows.set(name, retarget)
        this.touched.add(retarget)
        retargeted.add(name)
      }
    }
    return retargeted
  }

  /** The names of the documents citing `symbol`, in name order. */
  private citing(symbol: string): readonly string[] {
    const owner = this.target(symbol)
    return owner === undefined ? (this.missing.get(symbol) ?? []) : this.rows.get(owner)!.citedBy.map((b) => b.name)
  }

  private setCitedBy(row: IndexedDocument, citedBy: Backlink[]): void {
    // The row is replaced, not changed: rows read from the file are not the touched ones.
    const now = { ...row, citedBy }
    this.rows.set(row.name, now)
    this.touched.add(now)
  }

  /** The index as it now is, its documents by name and missing symbols by symbol; `changed` tells which of its parts changed. */
  index(): { index: CorpusIndex; changed: (part: IndexedDocument | MissingSymbol) => boolean } {
    const documents = [...this.rows.keys()].sort(byCodeUnits).map((name) => this.rows.get(name)!)
    const missing = [...this.missing.keys()].sort(byCodeUnits).map((symbol) => ({ symbol, citedBy: this.missing.get(symbol)! }))
    return {
      index: { undoc: VERSION, documents, missing },
      changed: (part) => ('name' in part ? this.touched.has(part) : this.touchedMissing.has(part.symbol))
    }
  }
}

/** A backlink from the document of `row` to the one that has `symbol`: its citations of it over every kind. */
function backlink(row: IndexedDocument, symbol: string): Backlink {
  const count = corpusMember(row).citations.find(([s]) => s === symbol)![1]
  return { name: row.name, ...(row.symbol !== undefined ? { symbol: row.symbol } : {}), count }
}

/** A citation with its target (as indexedDocument writes it), or without one. */
function withTarget(c: CitedSymbol, target: string | undefined): CitedSymbol {
  const { target: _, ...plain } = c
  return target === undefined ? plain : { ...plain, target }
}

/** Puts `name` among the names of `key`, in name order. */
function insert(lists: Map<string, string[]>, key: string, name: string): void {
  const list = lists.get(key) ?? lists.set(key, []).get(key)!
  let at = list.length
  while (at > 0 && byCodeUnits(list[at - 1]!, name) > 0) at--
  list.splice(at, 0, name)
}

function remove(lists: Map<string, string[]>, key: string, name: string): void {
  const list = lists.get(key)
  if (list === undefined) return
  const rest = list.filter((n) => n !== name)
  if (rest.length > 0) lists.set(key, rest)
  else lists.delete(key)
}
