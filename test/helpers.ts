import { readFileSync } from 'node:fs'
import { expect } from 'vitest'
import { join } from 'node:path'
import { buildDocument, type DocumentBuild } from '../pipeline/document/build.js'
import { EMITTERS, type Emitter } from '../pipeline/emit/index.js'
import type { MappedText } from '../pipeline/model/mapped-text.js'
import { RawText } from '../pipeline/core/raw-text.js'
import { zh } from '../pipeline/lang/zh.js'
import { normalize } from '../pipeline/normalize/index.js'
import type { NormalizedText } from '../pipeline/model/normalized-text.js'
import type { Inline, UndocDocument } from '../pipeline/types/document.js'

export const ROOT = join(import.meta.dirname, '..')

/** The two real seed texts, as copied unchanged into input/. */
export const SEEDS = {
  resolution: 'input/a-res-67-264.zh.txt',
  letter: 'input/a-65-letter-kazakhstan-astana-declaration.zh.txt'
} as const

export function seedText(path: string): string {
  return readFileSync(join(ROOT, path), 'utf8')
}

export function normalizeText(text: string, path = 'test.zh.txt'): NormalizedText {
  return normalize(new RawText(path, text), zh)
}

/**
 * The writers a test's build runs: every one but the PDF's. Typesetting is most of a build's time (a hostile text of
 * 200,000 characters is a PDF of hundreds of pages), so only the tests that look at PDFs pass EMITTERS.
 */
const TEXT_EMITTERS: readonly Emitter[] = EMITTERS.filter((e) => e.format !== 'pdf')

/** One source through the whole pipeline, as `undoc build` runs it, without I/O: the text given, or the file at `path`. */
export async function build(path: string, text?: string | Uint8Array, emitters = TEXT_EMITTERS): Promise<DocumentBuild> {
  const bytes = text === undefined ? readFileSync(join(ROOT, path)) : typeof text === 'string' ? new TextEncoder().encode(text) : text
  return buildDocument({ path, bytes }, undefined, emitters)
}

export async function buildSeed(path: string): Promise<UndocDocument> {
  const result = await build(path)
  if (!result.document) throw new Error(`seed did not build: ${JSON.stringify(result.diagnostics)}`)
  return result.document
}

/** The text of inline content, footnote references written [^n]. */
export function inlineText(nodes: readonly Inline[]): string {
  return nodes.map((n) => (n.type === 'text' ? n.value : n.type === 'footnoteReference' ? `[^${n.label}]` : n.children.map((c) => c.value).join(''))).join('')
}

/**
 * What the raw text between two offsets says once the logged removals are taken out (and their
 * replacements put in): a node's value must be exactly this for its position.
 */
export function canonicalOfRaw(raw: string, removals: UndocDocument['removals'], start: number, end: number): string {
  const inRange = removals.filter((r) => r.position.end.offset > start && r.position.start.offset < end).sort((a, b) => a.position.start.offset - b.position.start.offset)
  let out = ''
  let at = start
  for (const r of inRange) {
    const rs = Math.max(start, r.position.start.offset)
    if (rs > at) out += raw.slice(at, rs)
    if (r.replacement !== undefined && r.position.start.offset >= start) out += r.replacement
    at = Math.max(at, Math.min(end, r.position.end.offset))
  }
  if (end > at) out += raw.slice(at, end)
  return out
}

/** The nodes of a type in a tree, in document order. */
export function nodesOf<T extends { type: string }>(tree: { type: string; children?: unknown[] }, type: T['type']): T[] {
  const out: T[] = []
  const walk = (n: { type: string; children?: unknown[] }) => {
    if (n.type === type) out.push(n as T)
    for (const c of (n.children ?? []) as { type: string }[]) walk(c)
  }
  walk(tree)
  return out
}

/** Every raw character is owned exactly once: by a segment of the text or by a logged removal. */
export function checkConservation(text: MappedText): void {
  const raw = text.raw.text
  const owner = new Int8Array(raw.length)
  const own = (start: number, end: number, what: string) => {
    for (let i = start; i < end; i++) {
      if (owner[i]) throw new Error(`raw offset ${i} owned twice (${what})`)
      owner[i] = 1
    }
  }
  const replaced = text.removals.filter((r) => r.replacement !== undefined)
  for (const s of text.segments) {
    if (s.copy) {
      expect(s.text).toBe(raw.slice(s.rawStart, s.rawEnd))
      own(s.rawStart, s.rawEnd, 'segment')
    } else if (s.rawEnd > s.rawStart) {
      // Text a rule put in for raw text it replaced maps to that text, which the log owns.
      expect(replaced.some((r) => r.rawStart <= s.rawStart && s.rawEnd <= r.rawEnd)).toBe(true)
    }
  }
  for (const r of text.removals) {
    expect(r.text).toBe(raw.slice(r.rawStart, r.rawEnd))
    own(r.rawStart, r.rawEnd, `removal ${r.rule}`)
  }
  const lost = owner.indexOf(0)
  if (lost !== -1) throw new Error(`raw offset ${lost} (${JSON.stringify(raw.slice(lost, lost + 5))}) is neither in the text nor in the log`)
}
