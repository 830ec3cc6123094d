/**
 * The output formats, in the order `undoc build` writes them: their names alone, which a command's
 * help and its check of --formats read without loading a writer (EMITTERS holds the writers, in
 * this order; a test holds the two together).
 */
export const FORMATS = ['json', 'markdown', 'akn', 'pdf'] as const

export type Format = (typeof FORMATS)[number]
