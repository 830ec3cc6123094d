import { visit } from 'unist-util-visit'
import type { Node } from 'unist'
import type { Citation, UndocDocument } from '../types/document.js'

/** The UN's symbol-based address of a document in a language (zh-Hans → zh). */
export function officialHref(symbol: string, language: string): string {
  const lang = language.split('-')[0]!.toLowerCase()
  return `https://undocs.org/${lang}/${symbol.split('/').map(encodeURIComponent).join('/')}`
}

/**
 * Points citations of documents that are in the corpus at them: `target` is the cited
 * document's output name; `href` stays the official address. Each writer links `target` in
 * its own format (NAME.md, a page of the edition). Pure: returns a new document.
 */
export function resolveCitations(doc: UndocDocument, corpus: ReadonlyMap<string, string>): UndocDocument {
  if (corpus.size === 0) return doc
  // Only the tree changes: the rest (the removals are as large) is shared, not cloned.
  const out = { ...doc, tree: structuredClone(doc.tree) }
  visit(out.tree as Node, 'citation', (node) => {
    const c = node as unknown as Citation
    if (c.kind === 'paragraph' || c.kind === 'annex' || c.kind === 'footnote' || !c.symbol) return
    const name = corpus.get(c.symbol)
    if (name !== undefined && name !== doc.source.name) c.target = name
  })
  return out
}
