import type { UndocDocument } from '../../types/document.js'

/**
 * The JSON edition of a document: keys in schema order (the order the object was built in),
 * two-space indent, a final newline; the same document always gives the same bytes.
 */
export function emitJson(doc: UndocDocument): string {
  return `${JSON.stringify(doc, null, 2)}\n`
}
