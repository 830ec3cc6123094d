import type { Node } from 'unist'
import { VERSION } from '../core/package-root.js'
import type { Citation, UndocDocument } from '../types/document.js'
import type { Backlink, CitedSymbol, CorpusIndex, DocumentSummary, IndexedDocument, MissingSymbol } from '../types/index.js'
import { byCodeUnits } from '../core/order.js'

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

/**
 * What a batch run holds of a corpus, as numbers: its symbols and names (a corpus cites the same
 * symbols over and over), and small lists of those numbers end to end in one growing array. A
 * typed array of its own would cost a list some 200 bytes besides its numbers: with a few lists
 * a document, that was most of what a run held of each.
 */
export class CorpusTable {
  private readonly ids = new Map<string, number>()
  private readonly strings: string[] = []
  private lists = new Uint32Array(1 << 12)
  private used = 0

  id(text: string): number {
    let id = this.ids.get(text)
    if (id === undefined) {
      id = this.strings.push(text) - 1
      this.ids.set(text, id)
    }
    return id
  }

  string(id: number): string {
    return this.strings[id]!
  }

  /** How many strings it has numbered (ids are 0 to size − 1). */
  get size(): number {
    return this.strings.length
  }

  /** Keeps a list of numbers; returns where it is, for `numbers`. */
  list(values: ArrayLike<number>): number {
    const at = this.used
    const end = at + 1 + values.length
    if (end > this.lists.length) {
      const grown = new Uint32Array(Math.max(end, this.lists.length * 2))
      grown.set(this.lists.subarray(0, at))
      this.lists = grown
    }
    this.lists[at] = values.length
    this.lists.set(values, at + 1)
    this.used = end
    return at
  }

  /** The list kept at `at`. (A list never changes once kept, so the view stays true when the array grows.) */
  numbers(at: number): Uint32Array {
    return this.lists.subarray(at + 1, at + 1 + this.lists[at]!)
  }
}

/** What the corpus's links need of a document: its name, its symbol and what it cites, as numbers of a CorpusTable. */
export interface CorpusMember {
  readonly name: string
  readonly symbol?: number
  /**
   * The table's list of its citations: a (symbol, count) pair a citation of its summary (a symbol
   * cited as two kinds comes twice), in the summary's order.
   */
  readonly citations: number
}

export function corpusMember(summary: DocumentSummary, table: CorpusTable): CorpusMember {
  return {
    name: summary.name,
    ...(summary.symbol ? { symbol: table.id(summary.symbol) } : {}),
    citations: table.list(summary.citations.flatMap((c) => [table.id(c.symbol), c.count]))
  }
}

/**
 * The corpus as a graph: its documents by symbol (where two have one symbol, the first by name)
 * and, for the index, who cites whom. Pairs are kept in typed arrays, not objects: a corpus of
 * hundreds of thousands of documents cites millions of times.
 */
export class CorpusGraph<Member extends CorpusMember = CorpusMember> {
  /** The members, sorted by name. */
  readonly members: readonly Member[]
  private readonly bySymbol = new Map<number, number>()

  constructor(
    members: Iterable<Member>,
    readonly table: CorpusTable
  ) {
    this.members = [...members].sort((a, b) => byCodeUnits(a.name, b.name))
    this.members.forEach((m, i) => {
      if (m.symbol !== undefined && !this.bySymbol.has(m.symbol)) this.bySymbol.set(m.symbol, i)
    })
  }

  /** Output name of the corpus's document with this symbol, if there is one. */
  target(symbol: string): string | undefined {
    const i = this.bySymbol.get(this.table.id(symbol))
    return i === undefined ? undefined : this.members[i]!.name
  }

  /** The output name of each symbol a member cites that is in the corpus. */
  links(member: CorpusMember): Record<string, string> {
    const links: Record<string, string> = {}
    const citations = this.table.numbers(member.citations)
    for (let k = 0; k < citations.length; k += 2) {
      const i = this.bySymbol.get(citations[k]!)
      if (i !== undefined) links[this.table.string(citations[k]!)] = this.members[i]!.name
    }
    return links
  }

  /** The same links as numbers: (symbol, name) pairs of the table, by symbol. */
  linkIds(member: CorpusMember): Uint32Array {
    return linkPairs(Object.entries(this.links(member)), this.table)
  }

  /**
   * The members that cite each member (its backlinks, by the member's place in `members`) and
   * the cited symbols that are in no member, each list sorted by the citing member's name.
   */
  citers(): { citedBy: (member: number) => Backlink[]; missing: () => Generator<MissingSymbol> } {
    // Every citation bucketed by the symbol it cites, by a counting sort in two passes over the
    // members, into arrays of 8 bytes a citation; citing members come in name order, so every
    // bucket is sorted as it is filled.
    const start = new Uint32Array(this.table.size + 1)
    const each = (visit: (symbol: number, citing: number, count: number) => void) =>
      this.members.forEach((m, citing) => {
        const citations = this.table.numbers(m.citations)
        for (let k = 0; k < citations.length; k += 2) visit(citations[k]!, citing, citations[k + 1]!)
      })
    each((symbol) => start[symbol + 1]!++)
    for (let id = 0; id < this.table.size; id++) start[id + 1]! += start[id]!
    const fill = start.slice(0, -1)
    const citing = new Uint32Array(start[this.table.size]!)
    const counts = new Uint32Array(citing.length)
    each((symbol, member, count) => {
      const slot = fill[symbol]!++
      citing[slot] = member
      counts[slot] = count
    })
    return {
      citedBy: (member) => {
        const symbol = this.members[member]!.symbol
        const backlinks: Backlink[] = []
        // A symbol two members have is the first's: the other is cited by no one.
        if (symbol === undefined || this.bySymbol.get(symbol) !== member) return backlinks
        for (let slot = start[symbol]!; slot < start[symbol + 1]!; slot++) {
          const from = this.members[citing[slot]!]!
          const last = backlinks[backlinks.length - 1]
          // A member citing it as two kinds of citation is one backlink with both counts.
          if (last?.name === from.name) last.count += counts[slot]!
          else backlinks.push({ name: from.name, ...(from.symbol !== undefined ? { symbol: this.table.string(from.symbol) } : {}), count: counts[slot]! })
        }
        return backlinks
      },
      missing: () => this.missing(start, citing)
    }
  }

  /** The cited symbols in no member, by symbol, from the buckets of `citers`. */
  private *missing(start: Uint32Array, citing: Uint32Array): Generator<MissingSymbol> {
    const absent: number[] = []
    for (let id = 0; id < this.table.size; id++) if (start[id + 1]! > start[id]! && !this.bySymbol.has(id)) absent.push(id)
    for (const id of absent.sort((a, b) => byCodeUnits(this.table.string(a), this.table.string(b)))) {
      const names: string[] = []
      let last = -1
      for (let slot = start[id]!; slot < start[id + 1]!; slot++) {
        // A member citing it as two kinds of citation comes twice in a row.
        if (citing[slot] !== last) names.push(this.members[citing[slot]!]!.name)
        last = citing[slot]!
      }
      yield { symbol: this.table.string(id), citedBy: names }
    }
  }
}

/** Links (symbol → name) as (symbol, name) pairs of numbers, ordered by symbol: equal arrays are equal links. */
export function linkPairs(links: Iterable<[string, string | undefined]>, table: CorpusTable): Uint32Array {
  const pairs: [number, number][] = []
  for (const [symbol, name] of links) if (name !== undefined) pairs.push([table.id(symbol), table.id(name)])
  pairs.sort((a, b) => a[0] - b[0])
  return Uint32Array.from(pairs.flat())
}

/** A document of the corpus index: its summary, each citation with its target in the corpus, and its backlinks. */
export function indexedDocument(summary: DocumentSummary, graph: CorpusGraph, citedBy: Backlink[]): IndexedDocument {
  return {
    ...summary,
    citations: summary.citations.map((c) => {
      const target = graph.target(c.symbol)
      return target !== undefined ? { ...c, target } : c
    }),
    citedBy
  }
}

/**
 * The corpus index from the summaries of its documents: outgoing citations resolved to the
 * corpus's own documents where they are here, backlinks, and the symbols missing from it.
 * The result depends only on the summaries, not on their order. (A batch run streams the same
 * parts into index.json instead of holding them: see run-build.)
 */
export function buildCorpusIndex(summaries: readonly DocumentSummary[]): CorpusIndex {
  const table = new CorpusTable()
  const byName = new Map(summaries.map((s) => [s.name, s]))
  const graph = new CorpusGraph(summaries.map((s) => corpusMember(s, table)), table)
  const { citedBy, missing } = graph.citers()
  return {
    undoc: VERSION,
    documents: graph.members.map((m, i) => indexedDocument(byName.get(m.name)!, graph, citedBy(i))),
    missing: [...missing()]
  }
}
