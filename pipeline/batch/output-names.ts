import { EMITTERS } from '../emit/index.js'

/** The corpus index's file in the output folder. */
export const INDEX_NAME = 'index.json'

/**
 * Why a document may not take this output name, or undefined when it may. undoc's own files in
 * an output folder (the corpus index; the manifest, its pending file, shard files and temporary
 * files, whose names all start with ".") are not a document's to replace, whatever the formats
 * of this build (a later one may write the others). Compared without case, as macOS and Windows
 * compare names.
 */
export function reservedOutputName(name: string): string | undefined {
  if (name.startsWith('.')) return `its outputs would be named "${name}…", and names that start with "." are undoc's own files in the output folder`
  const taken = EMITTERS.map((e) => `${name}${e.extension}`).find((file) => file.toLowerCase() === INDEX_NAME)
  return taken === undefined ? undefined : `its output "${taken}" would replace the corpus index, ${INDEX_NAME}`
}
