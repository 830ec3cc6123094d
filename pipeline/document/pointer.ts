import type { Position } from '../types/document.js'

/** The position of the node nearest to a JSON pointer in the document, for schema errors. */
export function nodeAtPointer(doc: unknown, pointer: string): Position | undefined {
  let at: unknown = doc
  let found: Position | undefined
  for (const token of pointer.split('/').slice(1)) {
    if (at === null || typeof at !== 'object') break
    at = (at as Record<string, unknown>)[token.replace(/~1/g, '/').replace(/~0/g, '~')]
    const position = at !== null && typeof at === 'object' ? (at as { position?: Position }).position : undefined
    if (position && typeof position === 'object' && 'start' in position) found = position
  }
  return found
}
