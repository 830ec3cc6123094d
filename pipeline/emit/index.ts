import type { Position, UndocDocument } from '../types/document.js'
import type { Format } from './formats.js'
import { emitJson } from './json/index.js'

/** What an emitter may know beyond the document: the other documents of the corpus. */
export interface EmitContext {
  /** Output names of the corpus's documents, by their symbol. */
  readonly corpus: ReadonlyMap<string, string>
  /** Reports a problem a writer found in the text (a character no font has), at its raw position. */
  readonly warn?: (reason: string, ruleId: string, position: Position | undefined) => void
}

/**
 * What a writer produces: the file's content whole, or a function that produces it in chunks
 * each time it is called (written to disk as they come, so a large output is never whole in memory).
 */
export type EmitOutput = string | Uint8Array | (() => Iterable<string>)

/** What a writer gives: the output's content, and for an edition on pages, how many it has. */
export interface Emitted {
  readonly content: EmitOutput
  readonly pages?: number
}

/** A writer of one output format from the document (pandoc's Writers: one per format, none touches the others). */
export interface Emitter {
  readonly format: Format
  /** File extension of the output, with its dot. */
  readonly extension: string
  emit(doc: UndocDocument, ctx: EmitContext): Promise<Emitted> | Emitted
}

export const jsonEmitter: Emitter = { format: 'json', extension: '.json', emit: (doc) => ({ content: () => emitJson(doc) }) }

// The Markdown, Akoma Ntoso and PDF writers are loaded on first use: together they are most of the time a
// command takes to start (remark's writer, pdfkit and fontkit), and many runs write nothing (a
// rebuild with nothing changed, validate, check's comparison, index).
export const markdownEmitter: Emitter = { format: 'markdown', extension: '.md', emit: async (doc) => ({ content: (await import('./markdown/index.js')).emitMarkdown(doc) }) }

export const aknEmitter: Emitter = { format: 'akn', extension: '.akn.xml', emit: async (doc) => ({ content: (await import('./akn/index.js')).emitAkn(doc) }) }

export const pdfEmitter: Emitter = { format: 'pdf', extension: '.pdf', emit: async (doc, ctx) => (await import('./pdf/index.js')).emitPdf(doc, ctx) }

/** The writers `undoc build` runs, in the order of FORMATS. */
export const EMITTERS: readonly Emitter[] = [jsonEmitter, markdownEmitter, aknEmitter, pdfEmitter]
