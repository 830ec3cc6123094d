import { Messages, type Diagnostic } from '../core/diagnostic.js'
import { EMITTERS, type Emitter } from '../emit/index.js'
import { outputName, type SourceInput } from '../io/sources.js'
import { ConservationError } from '../model/mapped-text.js'
import type { UndocDocument } from '../types/document.js'
import type { AroundStage } from './stage.js'
import { DOCUMENT_STAGES, type BuiltOutput, type Linter } from './stages.js'

export interface DocumentBuild {
  readonly path: string
  /** Output base name ("a-res-67-264.zh"). */
  readonly name: string
  readonly diagnostics: Diagnostic[]
  /** Absent when the document has errors: nothing of it is written then. */
  readonly document?: UndocDocument
  readonly outputs: BuiltOutput[]
}

/** What a build knows of the run around it: the corpus its citations link to, and how to lint. */
export interface BuildContext {
  readonly corpus: ReadonlyMap<string, string>
  /** Absent: the document is not linted. */
  readonly lint?: Linter
}

/**
 * Everything undoc does to one source, without I/O: DOCUMENT_STAGES over one file. Problems with
 * the input are diagnostics, never exceptions. `around` runs each stage (the bench times them).
 */
export async function buildDocument(input: SourceInput, context: BuildContext = { corpus: new Map() }, emitters: readonly Emitter[] = EMITTERS, around?: AroundStage): Promise<DocumentBuild> {
  const name = outputName(input.path)
  const messages = new Messages(input.path)
  const sidecarDiagnostics: Diagnostic[] = []
  try {
    const file = await DOCUMENT_STAGES.run({ input, name, options: { ...context, emitters }, messages, sidecarDiagnostics }, around)
    return {
      path: input.path,
      name,
      diagnostics: [...sidecarDiagnostics, ...messages.toData(), ...(file.linted ?? [])],
      ...(file.document ? { document: file.document } : {}),
      outputs: file.outputs ?? []
    }
  } catch (error) {
    // A bug in undoc, not a fault of the input: say so plainly, without a stack trace, and go on.
    const what = error instanceof ConservationError ? 'lost track of text' : 'failed'
    messages.add('error', `undoc ${what} on this file (${error instanceof Error ? error.message : String(error)}). Please report it with the file.`, 'internal-error', undefined)
    return { path: input.path, name, diagnostics: [...sidecarDiagnostics, ...messages.toData()], outputs: [] }
  }
}
