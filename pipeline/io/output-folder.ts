import { basename, join, resolve } from 'node:path'
import { isWithin, realPath } from './real-paths.js'
import { displayPath, isSourceName, type SourceFile } from './sources.js'

/**
 * The guards of the output folder: undoc writes and deletes only files directly in it, by plain
 * names, and never in a folder it reads sources from. Every path a build writes or deletes there
 * goes through `outputPath`.
 */

/** Thrown when a name would lead out of the output folder: undoc's own bug, or a manifest tampered with. */
class OutsideOutputFolder extends Error {}

/** A name of a file directly in a folder: no separator, not `.` or `..`, not empty, no NUL. */
export function isPlainName(name: string): boolean {
  return name !== '' && name !== '.' && name !== '..' && !/[/\\\0]/.test(name) && basename(name) === name
}

/** The path of the file `name` in the output folder `folder`; throws when the name could lead anywhere else. */
export function outputPath(folder: string, name: string): string {
  if (!isPlainName(name)) throw new OutsideOutputFolder(`undoc writes and deletes only files directly in its output folder, not "${name}".`)
  return join(folder, name)
}

/**
 * Why an output folder may not be used with these inputs, or undefined when it may: it is one of
 * them, lies inside one, or holds one. Outputs written there would replace sources (a Markdown
 * source by its Markdown edition) or be read back as sources by the next build. Compared by real
 * paths, so a link or another spelling of the same folder is seen through.
 */
export function overlapOf(out: string, inputs: readonly string[], cwd: string): string | undefined {
  const realOut = realPath(resolve(cwd, out))
  for (const input of inputs) {
    const realInput = realPath(resolve(cwd, input))
    if (realInput === realOut) return `the output folder is the input "${input}"`
    if (isWithin(realInput, realOut)) return `the output folder is inside the input "${input}"`
    if (isWithin(realOut, realInput)) return `the input "${input}" is inside the output folder`
  }
  return undefined
}

/**
 * Why a single output file (an edition's volume) may not be written at `target`, or undefined
 * when it may: it is one of the sources or sidecars read, or it lies in an input folder under a
 * name the next run would read as a source.
 */
export function overwritesInput(target: string, inputs: readonly string[], sources: readonly SourceFile[], cwd: string): string | undefined {
  const real = realPath(resolve(cwd, target))
  for (const source of sources) {
    for (const read of [source.absolute, source.sidecar]) if (read !== undefined && realPath(read) === real) return `it is ${displayPath(read, cwd)}, which this command reads`
  }
  if (!isSourceName(basename(real))) return undefined
  const folder = inputs.find((input) => isWithin(realPath(resolve(cwd, input)), real))
  return folder === undefined ? undefined : `it has a source's name in the input "${folder}", from which it would be read back`
}
