import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Node } from 'unist'
import { VERSION } from '../core/package-root.js'
import type { Citation, UndocDocument } from '../types/document.js'
import type { Backlink, CitedSymbol, CorpusIndex, DocumentSummary, IndexedDocument, MissingSymbol } from '../types/index.js'
import { byCodeUnits } from '../core/order.js'
import { peekable, Store, type StoreWriter } from '../io/store.js'
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
 * one symbol, the first by name); and for the index, O (name, at) → the member's row (its
 * summary, each citation with its target), B (cited name, citing name) → the citing member's
 * count and symbol, X (missing symbol, citing name).
 */
export class StoredCorpus {
  constructor(private readonly store: Store) {}

  /** Forgets every member (a run links first to the corpus as it was, then as it is). */
  async clear(): Promise<void> {
    for (const table of ['M', 'S', 'O', 'B', 'X']) await this.store.clear(table)
  }

  /** Adds a member to the corpus's links, by its name and symbol. Call `seal` once every member is added. */
  async add(writer: StoreWriter, member: Pick<CorpusMember, 'name' | 'symbol'>): Promise<void> {
    if (member.symbol !== undefined) await writer.put('M', [member.symbol, member.name], '')
  }

  /** Gives each symbol to the first of its members by name. */
  async seal(writer: StoreWriter): Promise<void> {
    await writer.flush()
    let last: string | undefined
    for await (const [[symbol, name]] of this.store.scan('M')) {
      if (symbol !== last) await writer.put('S', [symbol!], name!)
      last = symbol
    }
    await writer.flush()
  }

  /** The output name of each of these symbols that is in the corpus (each looked up once). */
  async targets(symbols: Iterable<string>): Promise<Map<string, string>> {
    const unique = [...new Set(symbols)]
    const names = await this.store.getMany('S', unique.map((s) => [s]))
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
   * Adds a member's row to the index of the sealed corpus (`at` tells two of one name apart;
   * `targets` has those of what it cites): its summary with each citation's target, and each of
   * its citations as a backlink of the document it cites or a citation of a missing symbol.
   */
  async addRow(writer: StoreWriter, summary: DocumentSummary, at: string, targets: ReadonlyMap<string, string>): Promise<void> {
    await writer.put('O', [summary.name, at], JSON.stringify(indexedDocument(summary, targets, [])))
    for (const [symbol, count] of corpusMember(summary).citations) {
      const cited = targets.get(symbol)
      if (cited !== undefined) await writer.put('B', [cited, summary.name], JSON.stringify(summary.symbol !== undefined ? [count, summary.symbol] : [count]))
      else await writer.put('X', [symbol, summary.name], '')
    }
  }

  /**
   * The index's parts, from the rows added (and flushed): each member by name, then its
   * backlinks (the members citing it, by name), a part each; then each cited symbol that is in no
   * member, by symbol, then its citing members, a part each. A symbol the whole corpus cites has
   * as many citing members as the corpus has documents: they are never held at once.
   */
  async *index(): AsyncGenerator<IndexPart> {
    const backlinks = peekable(this.store.scan('B'))
    for await (const [[name], row] of this.store.scan('O')) {
      yield { document: JSON.parse(row) as IndexedDocument }
      while ((await backlinks.peek()) && byCodeUnits((await backlinks.peek())![0][0]!, name!) < 0) await backlinks.next()
      for (let b = await backlinks.peek(); b && b[0][0] === name; b = await backlinks.peek()) {
        const [count, symbol] = JSON.parse(b[1]) as [number, string?]
        yield { backlink: { name: b[0][1]!, ...(symbol !== undefined ? { symbol } : {}), count } }
        await backlinks.next()
      }
    }
    await backlinks.close()
    let last: string | undefined
    for await (const [[symbol, citing]] of this.store.scan('X')) {
      if (symbol !== last) yield { missing: { symbol: symbol!, citedBy: [] } }
      last = symbol
      yield { citing: citing! }
    }
  }
}

/**
 * A part of the corpus index as StoredCorpus streams it: a document or a missing symbol with an
 * empty `citedBy`, whose items follow it, a part each.
 */
export type IndexPart = { document: IndexedDocument } | { backlink: Backlink } | { missing: MissingSymbol } | { citing: string }

/** The output name of each symbol a member cites that is among `targets`, in the order it cites them. */
export function linksAmong(member: CorpusMember, targets: ReadonlyMap<string, string>): Record<string, string> {
  const links: Record<string, string> = {}
  for (const [symbol] of member.citations) {
    const target = targets.get(symbol)
    if (target !== undefined) links[symbol] = target
  }
  return links
}

/** A document of the corpus index: its summary, each citation with its target in the corpus, and its backlinks. */
function indexedDocument(summary: DocumentSummary, targets: ReadonlyMap<string, string>, citedBy: Backlink[]): IndexedDocument {
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
    for (const s of summaries) await corpus.add(writer, s)
    await corpus.seal(writer)
    for (const [i, s] of summaries.entries()) await corpus.addRow(writer, s, String(i), await corpus.targets(s.citations.map((c) => c.symbol)))
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
