import { createRequire } from 'node:module'
import type BwipJs from 'bwip-js'

/** A bar of a barcode: its left edge from the barcode's start and its width, in points. */
export interface Bar {
  readonly x: number
  readonly width: number
}

// bwip-js is large to load and only first pages with a job number need it: it is loaded on first use.
let bwip: typeof BwipJs | undefined

/**
 * The bars of a Code 39 barcode of `text` (its start and stop characters added by the encoder),
 * its narrow bar `module` points wide: what the UN prints under a document's job number.
 */
export function code39(text: string, module: number): Bar[] {
  bwip ??= createRequire(import.meta.url)('bwip-js') as typeof BwipJs
  const [symbol] = bwip.raw('code39', text, '')
  if (!symbol || !('sbs' in symbol)) throw new Error(`no Code 39 barcode for "${text}"`)
  // sbs: the widths (in modules) of bar, space, bar, … from the left.
  const bars: Bar[] = []
  let x = 0
  symbol.sbs.forEach((w, i) => {
    if (i % 2 === 0) bars.push({ x, width: w * module })
    x += w * module
  })
  return bars
}
