import { readFile, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { VERSION } from '../core/package-root.js'
import { byCodeUnits } from '../core/order.js'
import type { Backlink, CitedSymbol, DocumentSummary, IndexedDocument, MissingSymbol } from '../types/index.js'
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
  const kept = KeptIndex.read(await readFile(path).catch(() => Buffer.alloc(0)))
  if (kept === undefined) return undefined
  // Its documents are those of the records that stand and those built again or gone: a record
  // dropped since it was written (a build that failed after the index was made) is not there.
  let replaced = 0
  for await (const [[path]] of state.store.scan(TABLES.toBuild)) if (kept.has(outputName(path!))) replaced++
  for await (const [, r] of state.store.scan(TABLES.gone)) if (kept.has(r.name)) replaced++
  return kept.size - replaced === state.keptMembers ? kept : undefined
}

/** The index's JSON before its documents, between them and its missing symbols, and after those. */
const OPENING = `{"undoc":${JSON.stringify(VERSION)},"documents":[`
const MIDDLE = '],"missing":['
const CLOSING = ']}\n'

/**
 * Where one document's JSON ends and the next one's begins, and one missing symbol's: each ends
 * with its citedBy list, and begins with its first key. In JSON.stringify's output these bytes are
 * found nowhere else: a string holds its quotation marks escaped, and a backlink has no path.
 */
const NEXT_DOCUMENT = Buffer.from(']},{"name":')
const NEXT_MISSING = Buffer.from(']},{"symbol":')

/**
 * A corpus index in the heap, updated a document at a time. Its documents by name and its missing
 * symbols, each kept as the bytes read until it changes (then it is parsed, and written anew: the
 * bytes JSON.stringify makes of the whole index are its parts' bytes), and the names of the
 * documents of each symbol in name order: the first is the one a citation of the symbol links to
 * (as StoredCorpus.seal gives it).
 */
export class KeptIndex {
  private readonly rows = new Map<string, Buffer | IndexedDocument>()
  private readonly missing = new Map<string, Buffer | string[]>()
  private readonly bySymbol = new Map<string, string[]>()

  private constructor() {}

  /**
   * The index in the bytes of an index.json, its documents and missing symbols found by where
   * they meet (NEXT_DOCUMENT, NEXT_MISSING), each one's name and symbol read from its first keys;
   * undefined when they are not an index as a build writes it.
   */
  static read(bytes: Buffer): KeptIndex | undefined {
    const index = new KeptIndex()
    const opening = Buffer.from(OPENING)
    const middle = bytes.lastIndexOf(MIDDLE)
    if (!bytes.subarray(0, opening.length).equals(opening) || middle < opening.length || !bytes.subarray(bytes.length - CLOSING.length).equals(Buffer.from(CLOSING))) return undefined
    try {
      for (const row of parts(bytes, opening.length, middle, NEXT_DOCUMENT)) {
        const name = field(row, '{"name":', ',"path":')
        const kind = row.indexOf(',"kind":')
        const at = row.indexOf(',"symbol":')
        const symbol = at >= 0 && at < kind ? field(row, ',"symbol":', ',"kind":') : undefined
        if (typeof name !== 'string' || (symbol !== undefined && typeof symbol !== 'string') || index.rows.has(name)) return undefined
        index.rows.set(name, row)
        if (symbol !== undefined) insert(index.bySymbol, symbol, name)
      }
      for (const entry of parts(bytes, middle + MIDDLE.length, bytes.length - CLOSING.length, NEXT_MISSING)) {
        const symbol = field(entry, '{"symbol":', ',"citedBy":')
        if (typeof symbol !== 'string') return undefined
        index.missing.set(symbol, entry)
      }
    } catch {
      return undefined
    }
    return index
  }

  /** How many documents it has. */
  get size(): number {
    return this.rows.size
  }

  has(name: string): boolean {
    return this.rows.has(name)
  }

  /** The path of a document's source. */
  path(name: string): string {
    return this.row(name)!.path
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

  /** The name of the document a citation of `symbol` links to, in the corpus as it now is. */
  target(symbol: string): string | undefined {
    return this.bySymbol.get(symbol)?.[0]
  }

  /**
   * Takes the documents named in `removed` out, and puts those of `added` in (a document built
   * again is both); returns the names of the documents kept whose citations now link elsewhere.
   * Only the symbols those documents have or cite are gone through: each one's new owner, citing
   * documents and targets. Throws when a part it reads is not JSON (the file was damaged since
   * it was written at the same size and time).
   */
  update(removed: ReadonlySet<string>, added: readonly DocumentSummary[]): Set<string> {
    const symbols = new Set<string>()
    const note = (row: { symbol?: string; citations: readonly CitedSymbol[] }) => {
      if (row.symbol !== undefined) symbols.add(row.symbol)
      for (const c of row.citations) symbols.add(c.symbol)
    }
    const gone = [...removed].flatMap((name) => this.row(name) ?? [])
    gone.forEach(note)
    added.forEach(note)
    // Before: each symbol's document and the documents citing it.
    const was = new Map([...symbols].map((s) => [s, { owner: this.target(s), ...this.citing(s) }] as const))
    for (const row of gone) {
      this.rows.delete(row.name)
      if (row.symbol !== undefined) remove(this.bySymbol, row.symbol, row.name)
    }
    const addedNames = new Set(added.map((s) => s.name))
    for (const s of added) if (s.symbol !== undefined) insert(this.bySymbol, s.symbol, s.name)
    for (const s of added) this.rows.set(s.name, indexedDocument(s, { get: (symbol) => this.target(symbol) }, []))
    const cites = new Map(added.map((s) => [s.name, new Set(s.citations.map((c) => c.symbol))]))
    const retargeted = new Set<string>()
    for (const symbol of symbols) {
      const { owner, citing, backlinks } = was.get(symbol)!
      const names = citing.filter((name) => !removed.has(name) && !addedNames.has(name))
      for (const s of added) if (cites.get(s.name)!.has(symbol)) names.push(s.name)
      names.sort(byCodeUnits)
      const now = this.target(symbol)
      // A document that no longer has its symbol's citations (another came first by name) has none.
      if (owner !== undefined && owner !== now && this.rows.has(owner)) this.rows.set(owner, { ...this.row(owner)!, citedBy: [] })
      if (now !== undefined) {
        // A document kept cites as it did: its backlink stands, where there was one.
        const citedBy = names.map((name) => (!addedNames.has(name) && backlinks?.get(name)) || backlink(this.row(name)!, symbol))
        this.rows.set(now, { ...this.row(now)!, citedBy })
        this.missing.delete(symbol)
      } else if (names.length > 0) this.missing.set(symbol, names)
      else this.missing.delete(symbol)
      if (owner === now) continue
      for (const name of names) {
        if (addedNames.has(name)) continue
        const row = this.row(name)!
        this.rows.set(name, { ...row, citations: row.citations.map((c) => (c.symbol === symbol ? withTarget(c, now) : c)) })
        retargeted.add(name)
      }
    }
    return retargeted
  }

  /** A document's row, parsed when it is still the bytes read. */
  private row(name: string): IndexedDocument | undefined {
    const row = this.rows.get(name)
    return Buffer.isBuffer(row) ? (JSON.parse(row.toString('utf8')) as IndexedDocument) : row
  }

  /** The names of the documents citing `symbol`, in name order, and their backlinks when it is in the corpus. */
  private citing(symbol: string): { citing: readonly string[]; backlinks?: Map<string, Backlink> } {
    const owner = this.target(symbol)
    if (owner !== undefined) {
      const citedBy = this.row(owner)!.citedBy
      return { citing: citedBy.map((b) => b.name), backlinks: new Map(citedBy.map((b) => [b.name, b])) }
    }
    const missing = this.missing.get(symbol)
    return { citing: Buffer.isBuffer(missing) ? (JSON.parse(missing.toString('utf8')) as MissingSymbol).citedBy : (missing ?? []) }
  }

  /**
   * The index as it now is, in chunks of about a megabyte: its documents by name, then its
   * missing symbols by symbol, each as read or, when it changed, checked with `check` and written anew.
   */
  *chunks(check: (definition: 'IndexedDocument' | 'MissingSymbol', part: unknown) => void): Generator<Buffer> {
    let batch: Buffer[] = [Buffer.from(OPENING)]
    let batched = 0
    const add = (part: Buffer | string) => {
      const bytes = typeof part === 'string' ? Buffer.from(part) : part
      batch.push(bytes)
      batched += bytes.length
    }
    const flush = function* () {
      if (batched < 1 << 20) return
      yield Buffer.concat(batch)
      batch = []
      batched = 0
    }
    // A list's members by key, each as read, or written anew from what changed.
    const list = function* <T>(members: ReadonlyMap<string, Buffer | T>, written: (key: string, member: T) => string) {
      let first = true
      for (const key of [...members.keys()].sort(byCodeUnits)) {
        const member = members.get(key)!
        if (!first) add(',')
        first = false
        add(Buffer.isBuffer(member) ? member : written(key, member))
        yield* flush()
      }
    }
    yield* list(this.rows, (_, row) => {
      check('IndexedDocument', row)
      return JSON.stringify(row)
    })
    add(MIDDLE)
    yield* list(this.missing, (symbol, citedBy) => {
      const part: MissingSymbol = { symbol, citedBy }
      check('MissingSymbol', part)
      return JSON.stringify(part)
    })
    add(CLOSING)
    yield Buffer.concat(batch)
  }
}

/**
 * The parts of bytes[from, to): a list of JSON objects each ending with a list, where `next` (the
 * end of one and the start of the next) says where they meet; none when the range is empty.
 */
function* parts(bytes: Buffer, from: number, to: number, next: Buffer): Generator<Buffer> {
  if (from === to) return
  // Where they meet, the first part ends after "]}" and the next begins at "{".
  const split = 2
  let start = from
  for (let at = bytes.indexOf(next, start); at >= 0 && at < to; at = bytes.indexOf(next, start)) {
    yield bytes.subarray(start, at + split)
    start = at + split + 1
  }
  yield bytes.subarray(start, to)
}

/** The JSON value between two keys at the start of a part: `after` right before it, `before` right after. */
function field(part: Buffer, after: string, before: string): unknown {
  if (!part.subarray(0, after.length).equals(Buffer.from(after)) && !after.startsWith(',')) throw new SyntaxError('not a part of an index')
  const from = part.indexOf(after) + after.length
  const to = part.indexOf(before, from)
  if (from < after.length || to < 0) throw new SyntaxError('not a part of an index')
  return JSON.parse(part.toString('utf8', from, to))
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
