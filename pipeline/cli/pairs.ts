import { fileDiagnostic, type Diagnostic } from '../core/diagnostic.js'
import { findSources, readSource, type SourceFile, type SourceInput } from '../io/sources.js'

/** The versions given to a `--parallel` command, two by two, read; or why they cannot be. */
export type PairInputs =
  | { readonly pairs: (readonly [SourceInput, SourceInput])[]; readonly diagnostics: Diagnostic[]; /** Every file found, for the checks of what a command writes. */ readonly files: SourceFile[] }
  | { readonly usage: string }

/**
 * Reads `a.zh.txt a.en.txt [b.zh.txt b.en.txt …]`: files, two versions of a document after each
 * other. A file that cannot be read is a diagnostic, and its pair is left out.
 */
export async function readPairs(paths: readonly string[], cwd: string, followLinks = false): Promise<PairInputs> {
  if (paths.length === 0 || paths.length % 2 !== 0) return { usage: `--parallel takes the versions of each document two by two (${paths.length} file${paths.length === 1 ? '' : 's'} given)` }
  const diagnostics: Diagnostic[] = []
  const inputs: (SourceInput | undefined)[] = []
  const files: SourceFile[] = []
  for (const path of paths) {
    const found = await findSources([path], cwd, { followLinks })
    files.push(...found.sources)
    diagnostics.push(...found.diagnostics)
    if (found.diagnostics.length > 0) inputs.push(undefined)
    else if (found.sources.length !== 1) {
      diagnostics.push(fileDiagnostic(path, 'Give the two versions of a document as two files, not a folder.', 'usage'))
      inputs.push(undefined)
    } else {
      const input = readSource(found.sources[0]!, cwd)
      if (input.ok) inputs.push(input.value)
      else {
        diagnostics.push(...input.diagnostics)
        inputs.push(undefined)
      }
    }
  }
  const pairs: (readonly [SourceInput, SourceInput])[] = []
  for (let i = 0; i < inputs.length; i += 2) {
    const [a, b] = [inputs[i], inputs[i + 1]]
    if (a && b) pairs.push([a, b])
  }
  return { pairs, diagnostics, files }
}
