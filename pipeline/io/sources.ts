import { readFileSync, type Dirent } from 'node:fs'
import { readdir, realpath, stat } from 'node:fs/promises'
import { basename, join, relative, resolve, sep } from 'node:path'
import { errorCode, fileDiagnostic, type Diagnostic } from '../core/diagnostic.js'
import type { SourceInput } from '../build/document.js'
import { byCodeUnits } from '../core/order.js'

const SOURCE = /\.(txt|text|md|markdown)$/i

/** A source file found on disk, before it is read. */
export interface SourceFile {
  /** Path as shown to people and written into outputs: relative to the working folder, / separators. */
  readonly path: string
  readonly absolute: string
  readonly sidecar?: string
}

/** Output base name of a source: its file name without .txt or .md. */
export function outputName(path: string): string {
  const base = path.split('/').pop()!
  return base.replace(/\.(txt|text|md|markdown)$/i, '')
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
  const problem = (path: string, reason: string, ruleId?: string) => diagnostics.push(fileDiagnostic(displayPath(path, cwd), reason, ruleId))

  /**
   * `listed` is what the folder listing already says of a path (a plain file or folder, and the
   * names beside it), which spares a stat per file and per missing sidecar in large folders.
   */
  const visit = async (path: string, explicit: boolean, listed?: { kind: 'file' | 'folder'; siblings: ReadonlySet<string> }): Promise<void> => {
    let kind = listed?.kind
    if (kind === undefined) {
      try {
        const info = await stat(path)
        kind = info.isDirectory() ? 'folder' : info.isFile() ? 'file' : undefined
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code
        if (code === 'ELOOP') problem(path, 'A symbolic link loop: the path leads back to itself.')
        else if (explicit || code !== 'ENOENT') problem(path, code === 'ENOENT' ? 'No such file or folder.' : `Cannot read it (${errorCode(error)}).`)
        return
      }
    }
    if (kind === 'folder') {
      let real: string
      try {
        real = await realpath(path)
      } catch {
        return
      }
      if (seenDirs.has(real)) return
      seenDirs.add(real)
      let entries: Dirent[]
      try {
        entries = (await readdir(path, { withFileTypes: true })).sort((a, b) => byCodeUnits(a.name, b.name))
      } catch (error) {
        problem(path, `Cannot list the folder (${errorCode(error)}).`)
        return
      }
      const siblings = new Set(entries.filter((e) => e.isFile()).map((e) => e.name))
      for (const e of entries) {
        if (e.name.startsWith('.')) continue
        // Symbolic links (and anything else) are followed with a stat, as given paths are.
        const known = e.isFile() ? 'file' : e.isDirectory() ? 'folder' : undefined
        await visit(join(path, e.name), false, known ? { kind: known, siblings } : undefined)
      }
      return
    }
    if (kind !== 'file') return
    if (!SOURCE.test(path)) {
      if (explicit) problem(path, 'Not a source text: undoc reads .txt and .md files.', 'usage')
      return
    }
    const absolute = join(path)
    const sidecarPath = absolute.replace(SOURCE, '.meta.json')
    let sidecar: string | undefined
    if (listed) {
      if (listed.siblings.has(basename(sidecarPath))) sidecar = sidecarPath
    } else {
      try {
        if ((await stat(sidecarPath)).isFile()) sidecar = sidecarPath
      } catch {
        // no sidecar: the text says all there is
      }
    }
    const display = displayPath(absolute, cwd)
    found.set(display, { path: display, absolute, ...(sidecar ? { sidecar } : {}) })
  }

  for (const p of paths) await visit(resolve(cwd, p), true)
  return { sources: [...found.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)), diagnostics }
}

/** Reads a source and its sidecar; an unreadable file is a diagnostic, not an exception. */
export function readSource(source: SourceFile, cwd = process.cwd()): SourceInput | Diagnostic {
  try {
    // Synchronous, as writeAtomic writes: a round trip through the thread pool per call left a
    // worker idle, and it has nothing else to do while its source is read.
    const bytes = readFileSync(source.absolute)
    const sidecar = source.sidecar ? { path: displayPath(source.sidecar, cwd), bytes: readFileSync(source.sidecar) } : undefined
    return { path: source.path, bytes, ...(sidecar ? { sidecar } : {}) }
  } catch (error) {
    return fileDiagnostic(source.path, `Cannot read the file (${errorCode(error)}).`)
  }
}
