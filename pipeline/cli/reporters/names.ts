/**
 * The formats of `undoc validate --format`, the default first: their names alone, for the
 * command's help, which loads no reporter (REPORTERS holds the reporters, in this order; a test
 * holds the two together).
 */
export const REPORTER_NAMES = ['text', 'json', 'github', 'sarif'] as const

export type ReporterName = (typeof REPORTER_NAMES)[number]
