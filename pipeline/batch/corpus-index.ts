import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Node } from 'unist'
import { VERSION } from '../core/package-root.js'
import type { Citation, UndocDocument } from '../types/document.js'
import type { Backlink, CitedSymbol, CorpusIndex, DocumentSummary, IndexedDocument, MissingSymbol } from '../types/index.js'
import { byCodeUnits } from '../core/order.js'
import { inBatches, mapped, peekable, Store, type StoreWriter } from './store.js'
import { TABLES } from './tables.js'
import { tempPath } from '../io/write.js'

/** What the corpus index keeps of a document: its identity and the symbols it cites, counted. */
export function summarize(doc: UndocDocument): DocumentSummary {
  const counts = new Map<string, CitedSymbol>()
  // A plain walk: unist-util-visit's per-node bookkeeping cost more than the rest of summarizing.
  const walk = (node: Node): void => {
    if (node.type === 'citation') {
      const c = node as unknown as Citation
      // A text names itself (a resolution's title "第1624(2005)号决议"): that is not a citation of another document.
      if (!c.symbol || c.symbol === doc.metadata.symbol) return
      const key = `${c.kind} ${c.symbol}`
      const prev = counts.get(key)
      counts.set(key, { symbol: c.symbol, kind: c.kind, count: (prev?.count ?? 0) + 1 })
      return
    }
    const children = (node as Node & { children?: Node[] }).children
    if (Array.isArray(children)) for (const child of children) walk(child)
  }
  walk(doc.tree as Node)
  const m = doc.metadata
  return {
    name: doc.source.name,
    path: doc.source.path,
    ...(m.symbol ? { symbol: m.symbol } : {}),
    kind: m.kind,
    ...(m.title ? { title: m.title } : {}),
    ...(m.date ? { date: m.date } : {}),
    citations: [...counts.values()].sort((a, b) => byCodeUnits(a.symbol, b.symbol) || byCodeUnits(a.kind, b.kind))
  }
}

/** What the corpus's links and index need of a document: its name, its symbol, what it cites. */
export interface CorpusMember {
  readonly name: string
  readonly symbol?: string
  /** Each symbol it cites with how many times (over every kind of citation), by symbol. */
  readonly citations: readonly (readonly [string, number])[]
}

export function corpusMember(summary: DocumentSummary): CorpusMember {
  const counts = new Map<string, number>()
  // A symbol cited as two kinds is one link and one backlink with both counts.
  for (const c of summary.citations) counts.set(c.symbol, (counts.get(c.symbol) ?? 0) + c.count)
  return { name: summary.name, ...(summary.symbol ? { symbol: summary.symbol } : {}), citations: [...counts].sort((a, b) => byCodeUnits(a[0], b[0])) }
}

/** Links (symbol → name) as (symbol, name) pairs by symbol: equal lists are equal links. */
export function linkPairs(links: Readonly<Record<string, string | undefined>>): [string, string][] {
  const pairs: [string, string][] = []
  for (const [symbol, name] of Object.entries(links)) if (name !== undefined) pairs.push([symbol, name])
  return pairs.sort((a, b) => byCodeUnits(a[0], b[0]))
}

/**
 * A corpus on a run's store, a document at a time, so that nothing in memory grows with it. Its
 * tables: M (symbol, name) of every member; S symbol → the name of its document (where two have
 * one symbol, the first by name); Q (name, at) → at, where each member is to be found; and for
 * the index, O (name, at) → the member's row (its summary, each citation with its target), and
 * per batch of members taken by name, B (cited name, batch) → the backlinks from the batch's
 * members, X (missing symbol, batch) → the names of the batch's members citing it. Batches come
 * in name order and each lists its members in name order: a document's backlinks and a missing
 * symbol's citing members are their rows' lists one after the other, a row a batch where there
 * would be one a citation.
 */
export class StoredCorpus {
  constructor(private readonly store: Store) {}

  /** Forgets every member (a run links first to the corpus as it was, then as it is). */
  async clear(): Promise<void> {
    for (const table of [TABLES.symbols, TABLES.symbolOwners, TABLES.members, TABLES.rows, TABLES.backlinks, TABLES.missing]) await this.store.clear(table)
  }

  /**
   * Adds a member to the corpus's links, by its name and symbol, and with `at` (where it is to
   * be found) to those `batches` goes through. Call `seal` once every member is added.
   */
  async add(writer: StoreWriter, member: Pick<CorpusMember, 'name' | 'symbol'>, at?: string): Promise<void> {
    if (member.symbol !== undefined) await writer.put(TABLES.symbols, [member.symbol, member.name], true)
    if (at !== undefined) await writer.put(TABLES.members, [member.name, at], at)
  }

  /** Gives each symbol to the first of its members by name. */
  async seal(writer: StoreWriter): Promise<void> {
    await writer.flush()
    let last: string | undefined
    for await (const [[symbol, name]] of this.store.scan(TABLES.symbols)) {
      if (symbol !== last) await writer.put(TABLES.symbolOwners, [symbol], name)
      last = symbol
    }
    await writer.flush()
  }

  /** Where the members added with one are, by name, a batch at a time. */
  batches(): AsyncGenerator<string[]> {
    return inBatches(
      mapped(this.store.scan(TABLES.members), ([, at]) => at),
      BATCH
    )
  }

  /** The output name of each of these symbols that is in the corpus (each looked up once). */
  async targets(symbols: Iterable<string>): Promise<Map<string, string>> {
    const unique = [...new Set(symbols)]
    const names = await this.store.getMany(
      TABLES.symbolOwners,
      unique.map((s): [string] => [s])
    )
    const targets = new Map<string, string>()
    unique.forEach((s, i) => {
      if (names[i] !== undefined) targets.set(s, names[i]!)
    })
    return targets
  }

  /** The output name of each symbol a member cites that is in the corpus, in the order it cites them. */
  async links(member: CorpusMember): Promise<Record<string, string>> {
    return linksAmong(member, await this.targets(member.citations.map(([symbol]) => symbol)))
  }

  /**
   * Adds the rows of a batch of members (the `batch`-th of `batches`, in its order; `targets`
   * has those of what they cite) to the index of the sealed corpus: each member's summary with
   * each citation's target, and its citations as backlinks of the documents they cite or
   * citations of missing symbols.
   */
  async addRows(writer: StoreWriter, batch: number, members: readonly { summary: DocumentSummary; at: string }[], targets: ReadonlyMap<string, string>): Promise<void> {
    const backlinks = new Map<string, Backlink[]>()
    const missing = new Map<string, string[]>()
    const list = <T>(lists: Map<string, T[]>, key: string) => lists.get(key) ?? lists.set(key, []).get(key)!
    for (const { summary, at } of members) {
      await writer.put(TABLES.rows, [summary.name, at], indexedDocument(summary, targets, []))
      for (const [symbol, count] of corpusMember(summary).citations) {
        const cited = targets.get(symbol)
        if (cited !== undefined) list(backlinks, cited).push({ name: summary.name, ...(summary.symbol !== undefined ? { symbol: summary.symbol } : {}), count })
        else list(missing, symbol).push(summary.name)
      }
    }
    // Zero-padded, so that a key's batches sort in their order.
    const key = String(batch).padStart(12, '0')
    for (const [cited, from] of backlinks) await writer.put(TABLES.backlinks, [cited, key], from)
    for (const [symbol, names] of missing) await writer.put(TABLES.missing, [symbol, key], names)
  }

  /**
   * The index's parts, from the rows added (and flushed): each member by name, then its
   * backlinks (the members citing it, by name), a part each; then each cited symbol that is in no
   * member, by symbol, then its citing members, a part each. A symbol the whole corpus cites has
   * as many citing members as the corpus has documents: they are never held at once, but a
   * batch's at a time.
   */
  async *index(): AsyncGenerator<IndexPart> {
    // Rows of B and X list up to a batch of members each: read a few at a time.
    const backlinks = peekable(this.store.scan(TABLES.backlinks, [], ROWS_READ))
    for await (const [[name], document] of this.store.scan(TABLES.rows)) {
      yield { document }
      while ((await backlinks.peek()) && byCodeUnits((await backlinks.peek())![0][0]!, name!) < 0) await backlinks.next()
      for (let b = await backlinks.peek(); b && b[0][0] === name; b = await backlinks.peek()) {
        for (const backlink of b[1]) yield { backlink }
        await backlinks.next()
      }
    }
    await backlinks.close()
    let last: string | undefined
    for await (const [[symbol], names] of this.store.scan(TABLES.missing, [], ROWS_READ)) {
      if (symbol !== last) yield { missing: { symbol, citedBy: [] } }
      last = symbol
      for (const citing of names) yield { citing }
    }
  }
}

/** Members a batch: what a batch holds (their entries, their citations) is bounded by it. */
const BATCH = 1000

/** Rows of backlinks or citing members read at once, each a list of up to BATCH. */
const ROWS_READ = 16

/** The output name of each symbol a member cites that is among `targets`, in the order it cites them. */
export function linksAmong(member: CorpusMember, targets: Pick<ReadonlyMap<string, string>, 'get'>): Record<string, string> {
  const links: Record<string, string> = {}
  for (const [symbol] of member.citations) {
    const target = targets.get(symbol)
    if (target !== undefined) links[symbol] = target
  }
  return links
}

/**
 * A part of the corpus index as StoredCorpus streams it: a document or a missing symbol with an
 * empty `citedBy`, whose items follow it, a part each.
 */
export type IndexPart = { document: IndexedDocument } | { backlink: Backlink } | { missing: MissingSymbol } | { citing: string }

/** A document of the corpus index: its summary, each citation with its target in the corpus, and its backlinks. */
export function indexedDocument(summary: DocumentSummary, targets: Pick<ReadonlyMap<string, string>, 'get'>, citedBy: Backlink[]): IndexedDocument {
  return {
    ...summary,
    citations: summary.citations.map((c) => {
      const target = targets.get(c.symbol)
      return target !== undefined ? { ...c, target } : c
    }),
    citedBy
  }
}

/**
 * The corpus index from the summaries of its documents, made whole, on a store of its own in
 * the system's temporary folder: outgoing citations resolved to the corpus's own documents where
 * they are here, backlinks, and the symbols missing from it. It depends only on the summaries,
 * not on their order. (A batch run streams the same parts into index.json.)
 */
export async function buildCorpusIndex(summaries: readonly DocumentSummary[]): Promise<CorpusIndex> {
  const store = await Store.open(tempPath(join(tmpdir(), 'undoc-index')))
  try {
    const corpus = new StoredCorpus(store)
    const writer = store.writer()
    for (const [i, s] of summaries.entries()) await corpus.add(writer, s, String(i))
    await corpus.seal(writer)
    let batch = 0
    for await (const ats of corpus.batches()) {
      const members = ats.map((at) => ({ summary: summaries[Number(at)]!, at }))
      await corpus.addRows(writer, batch++, members, await corpus.targets(members.flatMap((m) => m.summary.citations.map((c) => c.symbol))))
    }
    await writer.flush()
    const index: CorpusIndex = { undoc: VERSION, documents: [], missing: [] }
    for await (const part of corpus.index()) {
      if ('document' in part) index.documents.push(part.document)
      else if ('backlink' in part) index.documents.at(-1)!.citedBy.push(part.backlink)
      else if ('missing' in part) index.missing.push(part.missing)
      else index.missing.at(-1)!.citedBy.push(part.citing)
    }
    return index
  } finally {
    await store.close()
  }
}
