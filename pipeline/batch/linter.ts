import { readFile } from 'node:fs/promises'
import { dirname, relative, resolve, sep } from 'node:path'
import { fileDiagnostic, type Outcome } from '../core/diagnostic.js'
import { displayPath } from '../io/sources.js'
import { lint } from '../lint/index.js'
import { CONFIG_NAME, parseConfig, settingsFor } from '../lint/config.js'
import type { Linter } from '../document/stages.js'

export type { Linter }

/**
 * The linter the configuration asks for: `--config FILE`, else undoc.config.json in the working
 * folder, else every rule at its default. A configuration that cannot be used is diagnostics.
 */
export async function loadLinter(cwd: string, explicit: string | undefined): Promise<Outcome<Linter>> {
  const path = resolve(cwd, explicit ?? CONFIG_NAME)
  const shown = displayPath(path, cwd)
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOENT' && explicit === undefined) return { ok: true, value: (document) => lint(document) }
    const reason = code === 'ENOENT' ? 'No such configuration file.' : `Cannot read the configuration (${code ?? String(error)}).`
    return { ok: false, diagnostics: [fileDiagnostic(shown, reason)] }
  }
  const parsed = parseConfig(shown, text.replace(/^\uFEFF/, ''))
  if (!parsed.ok) return parsed
  const base = dirname(path)
  return { ok: true, value: (document) => lint(document, settingsFor(parsed.value, relative(base, resolve(cwd, document.source.path)).split(sep).join('/'))) }
}
