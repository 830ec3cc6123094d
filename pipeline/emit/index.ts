import type { UndocDocument } from '../types/document.js'
import { emitJson } from './json/index.js'

/** What an emitter may know beyond the document: the other documents of the corpus. */
export interface EmitContext {
  /** Output names of the corpus's documents, by their symbol. */
  readonly corpus: ReadonlyMap<string, string>
}

/** A writer of one output format from the document (pandoc's Writers: one per format, none touches the others). */
export interface Emitter {
  readonly format: string
  /** File extension of the output, with its dot. */
  readonly extension: string
  emit(doc: UndocDocument, ctx: EmitContext): Promise<string | Uint8Array> | string | Uint8Array
}

export const jsonEmitter: Emitter = { format: 'json', extension: '.json', emit: (doc) => emitJson(doc) }

/** The writers `undoc build` runs, in order. */
export const EMITTERS: readonly Emitter[] = [jsonEmitter]
