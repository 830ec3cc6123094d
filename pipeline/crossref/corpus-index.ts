import type { Node } from 'unist'
import { VERSION } from '../core/package-root.js'
import type { Citation, UndocDocument } from '../types/document.js'
import type { Backlink, CitedSymbol, CorpusIndex, DocumentSummary, IndexedDocument } from '../types/index.js'
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
 * The corpus index from the summaries of its documents: outgoing citations resolved to the
 * corpus's own documents where they are here, backlinks, and the symbols missing from it.
 * The result depends only on the summaries, not on their order.
 */
export function buildCorpusIndex(summaries: readonly DocumentSummary[]): CorpusIndex {
  const sorted = [...summaries].sort((a, b) => byCodeUnits(a.name, b.name))
  const bySymbol = new Map<string, string>()
  for (const s of sorted) if (s.symbol && !bySymbol.has(s.symbol)) bySymbol.set(s.symbol, s.name)
  const backlinks = new Map<string, Map<string, Backlink>>()
  const missing = new Map<string, Set<string>>()
  for (const s of sorted) {
    for (const c of s.citations) {
      const target = bySymbol.get(c.symbol)
      if (target === undefined) {
        missing.set(c.symbol, (missing.get(c.symbol) ?? new Set()).add(s.name))
        continue
      }
      const links = backlinks.get(target) ?? new Map<string, Backlink>()
      const prev = links.get(s.name)
      links.set(s.name, { name: s.name, ...(s.symbol ? { symbol: s.symbol } : {}), count: (prev?.count ?? 0) + c.count })
      backlinks.set(target, links)
    }
  }
  const documents: IndexedDocument[] = sorted.map((s) => ({
    ...s,
    citations: s.citations.map((c) => {
      const target = bySymbol.get(c.symbol)
      return target !== undefined ? { ...c, target } : c
    }),
    citedBy: [...(backlinks.get(s.name)?.values() ?? [])].sort((a, b) => byCodeUnits(a.name, b.name))
  }))
  return {
    undoc: VERSION,
    documents,
    missing: [...missing.entries()].sort((a, b) => byCodeUnits(a[0], b[0])).map(([symbol, names]) => ({ symbol, citedBy: [...names].sort(byCodeUnits) }))
  }
}
