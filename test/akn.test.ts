import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { XmlDocument, XmlElement, XmlText, XsdValidator, XmlValidateError, type XmlTreeNode } from 'libxml2-wasm'
import { xmlRegisterFsInputProviders } from 'libxml2-wasm/lib/nodejs.mjs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildDocument } from '../pipeline/document/build.js'
import { aknEmitter } from '../pipeline/emit/index.js'
import { emitAkn } from '../pipeline/emit/akn/index.js'
import { elementIds } from '../pipeline/model/element-ids.js'
import type { Citation, UndocDocument } from '../pipeline/types/document.js'
import { ROOT } from './helpers.js'
import { RawText } from '../pipeline/core/raw-text.js'
import { profileFor } from '../pipeline/lang/index.js'
import { normalize } from '../pipeline/normalize/index.js'

/** The source texts in a folder of the repository. */
const textsIn = (folder: string) =>
  readdirSync(join(ROOT, folder))
    .filter((n) => n.endsWith('.txt'))
    .map((n) => `${folder}/${n}`)

/** Every source the edition is held to: the seeds of input/, the fixtures of each kind of text, and the real-text corpus in both languages. */
const SOURCES = [...textsIn('input'), ...textsIn('test/fixtures/kinds'), ...textsIn('test/corpus/zh'), ...textsIn('test/corpus/en')].sort()

let validator: XsdValidator
beforeAll(() => {
  // The official schema imports ./xml.xsd: it is read from beside it, never from the network.
  xmlRegisterFsInputProviders()
  const path = join(ROOT, 'schemas/akn/akomantoso30.xsd')
  const schema = XmlDocument.fromBuffer(readFileSync(path), { url: path })
  validator = XsdValidator.fromDoc(schema)
  schema.dispose()
})
afterAll(() => validator.dispose())

/** The schema's verdict on an edition: its errors, none when it is valid. */
function schemaErrors(xml: string): string[] {
  const doc = XmlDocument.fromString(xml)
  try {
    validator.validate(doc)
    return []
  } catch (error) {
    if (!(error instanceof XmlValidateError)) throw error
    return error.details.map((d) => `${d.line}: ${d.message.trim()}`)
  } finally {
    doc.dispose()
  }
}

async function built(path: string): Promise<{ doc: UndocDocument; xml: string }> {
  const result = await buildDocument({ path, bytes: readFileSync(join(ROOT, path)) }, { corpus: new Map() }, [aknEmitter])
  if (!result.document) throw new Error(`${path} did not build: ${JSON.stringify(result.diagnostics)}`)
  const content = result.outputs[0]!.content
  return { doc: result.document, xml: typeof content === 'function' ? [...content()].join('') : String(content) }
}

/** The Akoma Ntoso edition of a text given here. */
async function builtText(path: string, text: string): Promise<string> {
  const result = await buildDocument({ path, bytes: new TextEncoder().encode(text) }, { corpus: new Map() }, [aknEmitter])
  const content = result.outputs[0]!.content
  return typeof content === 'function' ? [...content()].join('') : String(content)
}

function children(node: XmlElement): XmlTreeNode[] {
  const out: XmlTreeNode[] = []
  for (let c = node.firstChild; c; c = c.next) out.push(c)
  return out
}

function elements(node: XmlElement, name?: string): XmlElement[] {
  const out: XmlElement[] = []
  const walk = (e: XmlElement) => {
    for (const c of children(e)) {
      if (!(c instanceof XmlElement)) continue
      if (name === undefined || c.name === name) out.push(c)
      walk(c)
    }
  }
  walk(node)
  return out
}

/**
 * What an edition says, read back as undoc's canonical text is written: one block a `p` or
 * `heading` (the `num` before it first), footnotes as "[^marker]" where they stand, and the
 * notes themselves as "[^marker]: text" blocks.
 */
function readBack(xml: string): { blocks: string[]; notes: string[]; nums: string[]; citations: string[] } {
  const doc = XmlDocument.fromString(xml)
  try {
    const blocks: string[] = []
    const notes: string[] = []
    const nums: string[] = []
    const citations: string[] = []
    const inline = (e: XmlElement): string =>
      children(e)
        .map((c) => {
          if (c instanceof XmlText) return c.content
          if (!(c instanceof XmlElement)) return ''
          const marker = c.attr('marker')?.value ?? ''
          if (c.name === 'noteRef') return `[^${marker}]`
          if (c.name === 'authorialNote') {
            notes.push(`[^${marker}]: ${elements(c, 'p').map(inline).join('')}`)
            return `[^${marker}]`
          }
          const text = inline(c)
          // The preface's session line is a `session` of its own, not a citation in a text.
          if (CITATION_ELEMENTS.has(c.name) && !(c.name === 'session' && e.attr('class')?.value === 'session')) citations.push(text)
          return text
        })
        .join('')
    let pending = ''
    const walk = (e: XmlElement) => {
      for (const c of children(e)) {
        if (!(c instanceof XmlElement) || c.name === 'meta') continue
        if (c.name === 'num') {
          pending = c.content
          nums.push(c.content)
        } else if (c.name === 'p' || c.name === 'heading') {
          blocks.push(pending + inline(c))
          pending = ''
        } else walk(c)
      }
    }
    walk(doc.root)
    // Footnotes the text never references stand in meta's notes.
    for (const note of elements(doc.root, 'note')) notes.push(`[^${note.attr('marker')!.value}]: ${elements(note, 'p').map(inline).join('')}`)
    return { blocks, notes, nums, citations }
  } finally {
    doc.dispose()
  }
}

/** The elements a citation of the tree becomes. */
const CITATION_ELEMENTS = new Set(['ref', 'organization', 'date', 'docDate', 'session', 'inline'])

function treeCitations(doc: UndocDocument): Citation[] {
  const out: Citation[] = []
  const walk = (n: unknown) => {
    if (Array.isArray(n)) n.forEach(walk)
    else if (n && typeof n === 'object') {
      if ((n as { type?: string }).type === 'citation') out.push(n as Citation)
      else Object.values(n).forEach(walk)
    }
  }
  walk(doc.tree)
  return out
}

describe('the Akoma Ntoso edition', () => {
  it.each(SOURCES)('%s is valid against the OASIS Akoma Ntoso 3.0 schema', async (path) => {
    expect(schemaErrors((await built(path)).xml)).toEqual([])
  })

  it.each(SOURCES)('%s says the canonical text, every paragraph number and every citation', async (path) => {
    const { doc, xml } = await built(path)
    // The text as the document's own language profile normalizes it.
    const canonical = normalize(new RawText(path, readFileSync(join(ROOT, path), 'utf8')), profileFor(doc.metadata.language)!).text.text.split('\n\n')
    const back = readBack(xml)
    const definition = /^\[\^[^\]]+\]: /
    expect(back.blocks).toEqual(canonical.filter((b) => !definition.test(b)))
    expect([...new Set(back.notes)].sort()).toEqual(canonical.filter((b) => definition.test(b)).sort())
    // Numbers as printed: of paragraphs and of the main body's headings (the title's is its docNumber).
    const markers: string[] = []
    for (const part of doc.tree.children.flatMap((p) => (p.type === 'attachment' ? p.children : [p]))) {
      if (part.type === 'preface' || part.type === 'footnotes') continue
      for (const b of part.children) if ((b.type === 'paragraph' || b.type === 'heading') && b.marker !== undefined) markers.push(b.marker)
    }
    expect(back.nums).toEqual(markers)
    const texts = (list: string[]) => [...list].sort()
    expect(texts(back.citations)).toEqual(texts(treeCitations(doc).map((c) => c.children.map((t) => t.value).join(''))))
  })

  it.each(SOURCES)('%s is the same bytes each time, from a copy of the tree too', async (path) => {
    const { doc, xml } = await built(path)
    expect(emitAkn(doc)).toBe(xml)
    expect(emitAkn(structuredClone(doc))).toBe(xml)
  })

  it('names the resolution by its AKN4UN IRIs and its paragraphs by the AKN naming convention', async () => {
    const { xml } = await built('input/a-res-67-264.zh.txt')
    expect(xml).toContain('<statement name="resolution">')
    expect(xml).toContain('<FRBRthis value="/akn/un/statement/deliberation/un-ga/2013-05-17/67-264/!main" />')
    expect(xml).toContain('<FRBRuri value="/akn/un/statement/deliberation/un-ga/2013-05-17/67-264/zho@" />')
    expect(xml).toContain('<FRBRuri value="/akn/un/statement/deliberation/un-ga/2013-05-17/67-264/zho@.akn" />')
    expect(xml).toContain('<FRBRlanguage language="zho" />')
    expect(xml).toContain('<blockContainer eId="preamble__para_3" class="preambular">')
    expect(xml).toContain('<paragraph eId="para_22">')
    // A cited resolution whose date and number undoc knows is linked by its own Work IRI, a list of them as one mref.
    expect(xml).toContain('<mref><ref href="/akn/un/statement/deliberation/un-ga/1982-10-22/37-4">1982年10月22日第37/4号</ref>、')
    expect(xml).toContain('<organization refersTo="#oic">伊斯兰合作组织</organization>')
    expect(xml).toContain('<TLCOrganization eId="oic" href="/akn/ontology/organization/un/oic" showAs="伊斯兰合作组织" />')
  })

  it('writes a footnote at its first reference and points the others at it', async () => {
    const { doc, xml } = await built('input/a-res-67-264.zh.txt')
    const ids = elementIds(doc.tree)
    const first = ids.note('3')!
    expect(xml).toMatch(new RegExp(`<authorialNote eId="${first}" marker="3" placement="bottom"><p><ref href="https://undocs.org/zh/A/67/280">A/67/280</ref>`))
    expect(xml).toContain(`<noteRef eId="para_1__authorialNote_1" href="#${first}" marker="3" />`)
  })

  it('nests subparagraphs in their paragraph and chapters around their paragraphs', async () => {
    const sc = (await built('test/fixtures/kinds/s-res-1624-2005.zh.txt')).xml
    expect(sc).toMatch(/<paragraph eId="para_1">\s*<num>1\. <\/num>\s*<intro>[\s\S]*?<subparagraph eId="para_1__subpara_a">\s*<num>\(a\) <\/num>/)
    const report = (await built('test/fixtures/kinds/report-chapters.zh.txt')).xml
    expect(report).toMatch(/<chapter eId="chp_二">\s*<num>二、<\/num>\s*<heading>[^<]*<\/heading>\s*<section eId="sec_A">/)
  })

  it('gives a decision with no operative part its paragraphs as main body', async () => {
    const { xml } = await built('test/fixtures/kinds/a-dec-66-555.zh.txt')
    expect(xml).toContain('<statement name="decision">')
    expect(xml).toMatch(/<preamble>\s*<formula eId="preamble__formula_1" name="enactingFormula">\s*<p>大会，<\/p>\s*<\/formula>\s*<\/preamble>\s*<mainBody>\s*<paragraph eId="para_1">/)
  })

  it('keeps a date the calendar does not have out of date=, so the edition stays valid', async () => {
    const text = ['67/999. 合作', '', '大会，', '', ' 回顾其2013年2月30日的报告，', '', ' 1. 决定继续；', '', '2013年5月17日', '第82次全体会议', ''].join('\n')
    const xml = await builtText('input/a-res-67-999.zh.txt', text)
    expect(xml).toContain('<inline name="date" undoc:value="2013-02-30">')
    expect(schemaErrors(xml)).toEqual([])
  })

  it('writes a range of references as an rref from its first end upTo its last, in a list too, in Chinese and English', async () => {
    const zhText = [
      '67/999. 制裁',
      '',
      '大会，',
      '',
      ' 回顾其第1267(1999)号至第1989(2011)号决议和第2121(2013)、2127(2013)至2399(2018)号决议，',
      '',
      ' 1. 决定甲；',
      '',
      ' 2. 决定乙；',
      '',
      ' 3. 请秘书长执行上文第1至2段。',
      ''
    ].join('\n')
    const zhXml = await builtText('input/a-res-67-999.zh.txt', zhText)
    expect(schemaErrors(zhXml)).toEqual([])
    expect(zhXml).toContain(
      '<rref from="https://undocs.org/zh/S/RES/1267(1999)" upTo="https://undocs.org/zh/S/RES/1989(2011)"><ref href="https://undocs.org/zh/S/RES/1267(1999)">第1267(1999)号</ref>至<ref href="https://undocs.org/zh/S/RES/1989(2011)">第1989(2011)号决议</ref></rref>'
    )
    // A range in a list is one item of the list's mref.
    expect(zhXml).toMatch(
      /<mref><rref from="[^"]*S\/RES\/1267\(1999\)"[^>]*>.*?<\/rref>和<ref href="[^"]*S\/RES\/2121\(2013\)">第2121\(2013\)<\/ref>、<rref from="[^"]*S\/RES\/2127\(2013\)" upTo="[^"]*S\/RES\/2399\(2018\)">/
    )
    expect(zhXml).toContain('<rref from="#para_1" upTo="#para_2"><ref href="#para_1">上文第1</ref>至<ref href="#para_2">2段</ref></rref>')
    const enText = [
      '67/999. Sanctions',
      '',
      'The General Assembly,',
      '',
      ' Recalling its resolutions 1267 (1999) to 1989 (2011),',
      '',
      ' 1. Decides to act;',
      '',
      ' 2. Decides to continue;',
      '',
      ' 3. Requests the Secretary-General to implement paragraphs 1 to 2 above.',
      ''
    ].join('\n')
    const enXml = await builtText('input/a-res-67-999.en.txt', enText)
    expect(schemaErrors(enXml)).toEqual([])
    expect(enXml).toMatch(/<rref from="[^"]*S\/RES\/1267\(1999\)" upTo="[^"]*S\/RES\/1989\(2011\)"><ref [^>]*>resolutions 1267 \(1999\)<\/ref> to <ref [^>]*>1989 \(2011\)<\/ref><\/rref>/)
    expect(enXml).toContain('<rref from="#para_1" upTo="#para_2"><ref href="#para_1">paragraphs 1</ref> to <ref href="#para_2">2 above</ref></rref>')
  })

  it('writes the ends of a range it cannot lead to as references of their own', async () => {
    // Paragraph 9 is not in the text: no rref, and the end that leads nowhere is an inline.
    const text = ['67/999. 合作', '', '大会，', '', ' 1. 决定甲；', '', ' 2. 执行上文第1至9段。', ''].join('\n')
    const xml = await builtText('input/a-res-67-999.zh.txt', text)
    expect(schemaErrors(xml)).toEqual([])
    expect(xml).not.toContain('<rref')
    expect(xml).toContain('<ref href="#para_1">上文第1</ref>至<inline name="paragraph" undoc:value="9">9段</inline>')
  })
})
