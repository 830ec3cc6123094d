import type { UndocDocument } from '../types/document.js'
import { emitJson } from './json/index.js'
import { emitMarkdown } from './markdown/index.js'

/** What an emitter may know beyond the document: the other documents of the corpus. */
export interface EmitContext {
  /** Output names of the corpus's documents, by their symbol. */
  readonly corpus: ReadonlyMap<string, string>
}

/**
 * What a writer produces: the file's content whole, or a function that produces it in chunks
 * each time it is called (written to disk as they come, so a large output is never whole in memory).
 */
export type EmitOutput = string | Uint8Array | (() => Iterable<string>)

/** The whole content of an output, for comparing it or holding it (small outputs only). */
export function outputText(content: EmitOutput): string | Uint8Array {
  return typeof content === 'function' ? [...content()].join('') : content
}

/** A writer of one output format from the document (pandoc's Writers: one per format, none touches the others). */
export interface Emitter {
  readonly format: string
  /** File extension of the output, with its dot. */
  readonly extension: string
  emit(doc: UndocDocument, ctx: EmitContext): Promise<EmitOutput> | EmitOutput
}

export const jsonEmitter: Emitter = { format: 'json', extension: '.json', emit: (doc) => () => emitJson(doc) }

export const markdownEmitter: Emitter = { format: 'markdown', extension: '.md', emit: (doc) => emitMarkdown(doc) }

/** The writers `undoc build` runs, in order. */
export const EMITTERS: readonly Emitter[] = [jsonEmitter, markdownEmitter]
