import { readdir, readFile, realpath, stat } from 'node:fs/promises'
import { join, relative, resolve, sep } from 'node:path'
import type { Diagnostic } from '../core/diagnostic.js'
import type { SourceInput } from '../build/document.js'

const SOURCE = /\.(txt|text|md|markdown)$/i

/** A source file found on disk, before it is read. */
export interface SourceFile {
  /** Path as shown to people and written into outputs: relative to the working folder, / separators. */
  readonly path: string
  readonly absolute: string
  readonly sidecar?: string
}

/** Path as people see it: relative to the working folder when inside it, with / separators. */
export function displayPath(absolute: string, cwd = process.cwd()): string {
  const rel = relative(cwd, absolute)
  return (rel.startsWith('..') ? absolute : rel).split(sep).join('/')
}

/**
 * The sources under the given files and folders, sorted by path, each with its sidecar
 * (NAME.meta.json beside NAME.txt). Folders are walked once each, so a symlink loop ends.
 */
export async function findSources(paths: readonly string[], cwd = process.cwd()): Promise<{ sources: SourceFile[]; diagnostics: Diagnostic[] }> {
  const found = new Map<string, SourceFile>()
  const diagnostics: Diagnostic[] = []
  const seenDirs = new Set<string>()
  const problem = (path: string, reason: string, ruleId = 'io-error') =>
    diagnostics.push({ file: displayPath(path, cwd), line: 1, column: 1, severity: 'error', ruleId, source: 'undoc', reason })

  const visit = async (path: string, explicit: boolean): Promise<void> => {
    let info
    try {
      info = await stat(path)
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      if (code === 'ELOOP') problem(path, 'A symbolic link loop: the path leads back to itself.', 'io-error')
      else if (explicit || code !== 'ENOENT') problem(path, code === 'ENOENT' ? 'No such file or folder.' : `Cannot read it (${code ?? String(error)}).`)
      return
    }
    if (info.isDirectory()) {
      let real: string
      try {
        real = await realpath(path)
      } catch {
        return
      }
      if (seenDirs.has(real)) return
      seenDirs.add(real)
      let entries: string[]
      try {
        entries = (await readdir(path)).sort()
      } catch (error) {
        problem(path, `Cannot list the folder (${(error as NodeJS.ErrnoException).code ?? String(error)}).`)
        return
      }
      for (const e of entries) if (!e.startsWith('.')) await visit(join(path, e), false)
      return
    }
    if (!info.isFile()) return
    if (!SOURCE.test(path)) {
      if (explicit) problem(path, 'Not a source text: undoc reads .txt and .md files.', 'usage')
      return
    }
    const absolute = join(path)
    const sidecarPath = absolute.replace(SOURCE, '.meta.json')
    let sidecar: string | undefined
    try {
      if ((await stat(sidecarPath)).isFile()) sidecar = sidecarPath
    } catch {
      // no sidecar: the text says all there is
    }
    const display = displayPath(absolute, cwd)
    found.set(display, { path: display, absolute, ...(sidecar ? { sidecar } : {}) })
  }

  for (const p of paths) await visit(resolve(cwd, p), true)
  return { sources: [...found.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)), diagnostics }
}

/** Reads a source and its sidecar; an unreadable file is a diagnostic, not an exception. */
export async function readSource(source: SourceFile, cwd = process.cwd()): Promise<SourceInput | Diagnostic> {
  try {
    const bytes = await readFile(source.absolute)
    const sidecar = source.sidecar ? { path: displayPath(source.sidecar, cwd), bytes: await readFile(source.sidecar) } : undefined
    return { path: source.path, bytes, ...(sidecar ? { sidecar } : {}) }
  } catch (error) {
    return {
      file: source.path,
      line: 1,
      column: 1,
      severity: 'error',
      ruleId: 'io-error',
      source: 'undoc',
      reason: `Cannot read the file (${(error as NodeJS.ErrnoException).code ?? String(error)}).`
    }
  }
}
