import type { Node } from 'unist'
import type { Citation, UndocDocument } from '../types/document.js'

/** The UN's symbol-based address of a document in a language (zh-Hans → zh). */
export function officialHref(symbol: string, language: string): string {
  const lang = language.split('-')[0]!.toLowerCase()
  return `https://undocs.org/${lang}/${symbol.split('/').map(encodeURIComponent).join('/')}`
}

/**
 * Whether a citation points inside its own document (a paragraph, an annex, a footnote): its
 * `target` is then a node id, not another document's output name.
 */
export function isInternal(citation: Pick<Citation, 'kind'>): boolean {
  return citation.kind === 'paragraph' || citation.kind === 'annex' || citation.kind === 'footnote'
}

/**
 * Points citations of documents that are in the corpus at them: `target` is the cited
 * document's output name; `href` stays the official address. Each writer links `target` in
 * its own format (NAME.md, a page of the edition). Pure: returns a new document.
 */
export function resolveCitations(doc: UndocDocument, corpus: ReadonlyMap<string, string>): UndocDocument {
  if (corpus.size === 0) return doc
  // Copies only the nodes on the way to a citation that gets a target; the rest is shared, which
  // costs far less than cloning the tree, and leaves `doc` as it was all the same.
  const relink = (node: Node): Node => {
    if (node.type === 'citation') {
      const c = node as unknown as Citation
      if (isInternal(c) || !c.symbol) return node
      const name = corpus.get(c.symbol)
      return name !== undefined && name !== doc.source.name && c.target !== name ? ({ ...c, target: name } as unknown as Node) : node
    }
    const children = (node as Node & { children?: Node[] }).children
    if (!Array.isArray(children)) return node
    let changed = false
    const next = children.map((child) => {
      const out = relink(child)
      if (out !== child) changed = true
      return out
    })
    return changed ? ({ ...node, children: next } as Node) : node
  }
  return { ...doc, tree: relink(doc.tree as Node) as unknown as UndocDocument['tree'] }
}
