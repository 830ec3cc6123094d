import { readdirSync, readFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import fc from 'fast-check'
import type * as Md from 'mdast'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import remarkStringify from 'remark-stringify'
import { unified } from 'unified'
import { visit } from 'unist-util-visit'
import { describe, expect, it } from 'vitest'
import { emitAkn } from '../pipeline/emit/akn/index.js'
import { frontMatter } from '../pipeline/emit/markdown/front-matter.js'
import { emitMarkdown, STRINGIFY, toMdast } from '../pipeline/emit/markdown/index.js'
import type { UndocDocument } from '../pipeline/types/document.js'
import { stringify } from 'yaml'
import { build, buildSeed, ROOT, SEEDS } from './helpers.js'

const seed = Number(process.env.FC_SEED ?? 1)
const runs = Number(process.env.FC_RUNS ?? 100)

/**
 * What a document says, whatever its source: metadata and tree without positions, adjacent text
 * nodes merged (text is cut into nodes only where its raw stretch is cut, which is a matter of
 * positions).
 */
function content(doc: UndocDocument): unknown {
  const strip = (n: unknown): unknown => {
    if (Array.isArray(n)) {
      const out: unknown[] = []
      for (const item of n.map(strip)) {
        const prev = out[out.length - 1] as { type?: string; value?: string } | undefined
        const cur = item as { type?: string; value?: string }
        if (prev?.type === 'text' && cur?.type === 'text') out[out.length - 1] = { ...prev, value: prev.value! + cur.value! }
        else out.push(item)
      }
      return out
    }
    if (n && typeof n === 'object')
      return Object.fromEntries(
        Object.entries(n)
          .filter(([k]) => k !== 'position')
          .map(([k, v]) => [k, strip(v)])
      )
    return n
  }
  return strip({ metadata: doc.metadata, tree: doc.tree })
}

async function fromMarkdown(name: string, markdown: string) {
  return build(`input/${name}.md`, markdown)
}

/** The writer with its own text handler, which escapes every text the long way. */
const { handlers: _shortcut, ...writerChoices } = STRINGIFY
const unhurried = unified().use(remarkFrontmatter, ['yaml']).use(remarkGfm).use(remarkStringify, writerChoices)

/**
 * Raw text → document → Markdown → document → Markdown: the same document, the same bytes; and
 * the bytes the writer makes without undoc's shortcut for text that needs no escape.
 */
async function roundTrip(path: string, text?: string): Promise<{ doc: UndocDocument; markdown: string } | undefined> {
  const first = await build(path, text)
  if (!first.document) return undefined
  const markdown = emitMarkdown(first.document)
  expect(markdown).toBe(unhurried.stringify(toMdast(first.document)))
  const name = path
    .split('/')
    .pop()!
    .replace(/\.txt$/, '')
  const second = await fromMarkdown(name, markdown)
  expect(second.diagnostics.filter((d) => d.severity === 'error')).toEqual([])
  expect(second.document!.source.format).toBe('markdown')
  expect(content(second.document!)).toEqual(content(first.document))
  expect(emitMarkdown(second.document!)).toBe(markdown)
  return { doc: first.document, markdown }
}

const parse = (md: string) => unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm).parse(md)

describe('Markdown as a fixed point', () => {
  for (const [name, path] of Object.entries(SEEDS)) {
    it(`reads the ${name}'s Markdown back into the same document, and writes the same bytes again`, async () => {
      expect(await roundTrip(path)).toBeDefined()
    })
  }

  for (const file of readdirSync('test/fixtures/kinds')) {
    it(`round-trips the ${file} fixture`, async () => {
      expect(await roundTrip(`test/fixtures/kinds/${file}`)).toBeDefined()
    })
  }

  const han = fc.constantFrom(...'联合国大会伊斯兰合作组织决议秘书长报告和平安全发展的'.split(''))
  const special = fc.constantFrom(
    '*',
    '_',
    '#',
    '[',
    ']',
    '|',
    '<',
    '>',
    '`',
    '~',
    '\\',
    '&amp;',
    '1. ',
    '2) ',
    '- ',
    '+',
    '!',
    '(',
    ')',
    'A/RES/67/264',
    '第37/4号决议',
    '《联合国宪章》',
    '2011年7月8日'
  )
  const phrase = fc.array(fc.oneof({ weight: 6, arbitrary: han }, { weight: 2, arbitrary: special }), { minLength: 1, maxLength: 20 }).map((p) => p.join(''))
  const resolution = fc
    .record({
      preambular: fc.array(phrase, { maxLength: 4 }),
      operative: fc.array(fc.tuple(phrase, fc.boolean()), { minLength: 1, maxLength: 8 }),
      skip: fc.integer({ min: 0, max: 3 }),
      footnotes: fc.array(phrase, { maxLength: 3 })
    })
    .map(({ preambular, operative, skip, footnotes }) => {
      const lines = ['67/999. 测试决议', '', '大会，', '']
      for (const p of preambular) lines.push(` 回顾${p}，`, '')
      operative.forEach(([p, withFootnote], k) => {
        const n = k + 1 + (k >= 2 ? skip : 0)
        const ref = withFootnote && k < footnotes.length ? `[^${k + 1}]` : ''
        lines.push(` ${n}. 决定${p}${ref}；`, '')
      })
      footnotes.forEach((f, k) => lines.push(`[^${k + 1}]: ${f}。`, ''))
      return lines.join('\n')
    })

  it('round-trips generated resolutions with characters Markdown must escape, footnotes, citations and gaps in the numbering', async () => {
    await fc.assert(
      fc.asyncProperty(resolution, async (text) => {
        await roundTrip('test/generated.zh.txt', text)
      }),
      { seed, numRuns: runs }
    )
  })
})

describe('the Markdown renders as CommonMark + GFM', () => {
  it('has the title as a heading, operative paragraphs as an ordered list from 1, footnotes as GFM footnotes and citations as links', async () => {
    const doc = await buildSeed(SEEDS.resolution)
    const tree = parse(emitMarkdown(doc))
    const headings: string[] = []
    const lists: number[] = []
    const references = new Set<string>()
    const definitions = new Set<string>()
    const links: string[] = []
    visit(tree, (node) => {
      if (node.type === 'heading') headings.push(`${(node as Md.Heading).depth} ${(node as Md.Heading).children.map((c) => (c.type === 'text' ? c.value : '')).join('')}`)
      if (node.type === 'list') lists.push((node as Md.List).start ?? 1)
      if (node.type === 'footnoteReference') references.add((node as Md.FootnoteReference).identifier)
      if (node.type === 'footnoteDefinition') definitions.add((node as Md.FootnoteDefinition).identifier)
      if (node.type === 'link') links.push((node as Md.Link).url)
    })
    expect(headings).toEqual(['1 67/264. 联合国同伊斯兰合作组织的合作'])
    expect(lists).toEqual([1])
    const list = tree.children.find((c): c is Md.List => c.type === 'list')!
    expect(list.children).toHaveLength(22)
    expect([...references].sort()).toEqual(['1', '2', '3'])
    expect([...definitions].sort()).toEqual(['1', '2', '3'])
    expect(links).toContain('https://undocs.org/zh/A/RES/37/4')
    expect(links).toContain('https://undocs.org/zh/A/67/PV.82')
    expect(tree.children[0]!.type).toBe('yaml')
  })

  it('keeps a paragraph’s own number when paragraphs are missing: a new list starts at the gap', async () => {
    const text = ['大会，', '', ' 1. 决定甲；', '', ' 2. 决定乙；', '', ' 7. 决定丙。', ''].join('\n')
    const result = await roundTrip('test/gap.zh.txt', text)
    const lists = parse(result!.markdown).children.filter((c): c is Md.List => c.type === 'list')
    expect(lists.map((l) => [l.start, l.children.length])).toEqual([
      [1, 2],
      [7, 1]
    ])
  })

  it('links a cited document of the corpus by the relative path of its Markdown', async () => {
    const citing = await build('input/a-res-68-1.zh.txt', ['大会，', '', ' 回顾其第67/264号决议，', ''].join('\n'))
    const { resolveCitations } = await import('../pipeline/model/citation-links.js')
    const md = emitMarkdown(resolveCitations(citing.document!, new Map([['A/RES/67/264', 'a-res-67-264.zh']])))
    expect(md).toContain('[第67/264号决议](a-res-67-264.zh.md)')
  })
})

/** The sources the anchors are checked on: the seeds, the fixtures of each kind of text, and the real-text corpus in both languages. */
const ANCHORED = [
  ...Object.values(SEEDS),
  ...['test/fixtures/kinds', 'test/corpus/zh', 'test/corpus/en'].flatMap((folder) =>
    readdirSync(folder)
      .filter((n) => n.endsWith('.txt'))
      .sort()
      .map((n) => `${folder}/${n}`)
  )
]

/** The eIds of an Akoma Ntoso edition's text: every eId outside `meta` (whose references name organizations and people, not places of the text). */
function textEIds(xml: string): string[] {
  // A footnote the text never refers to stands in the meta's notes: its text is the edition's too.
  const unreferenced = [...xml.matchAll(/<note eId="([^"]*)"/g)].map((m) => m[1]!)
  return [...[...xml.replace(/<meta>[\s\S]*?<\/meta>/g, '').matchAll(/ eId="([^"]*)"/g)].map((m) => m[1]!), ...unreferenced]
}

/** The anchors of a Markdown edition (`<a id="…">`) and the addresses of its links within the document (`#…`). */
function anchorsAndLinks(markdown: string): { anchors: string[]; links: string[] } {
  const anchors: string[] = []
  const links: string[] = []
  visit(parse(markdown), (node) => {
    if (node.type === 'html') {
      const id = /^<a id="([^"]*)">$/.exec((node as Md.Html).value)
      if (id) anchors.push(id[1]!)
    }
    if (node.type === 'link' && (node as Md.Link).url.startsWith('#')) links.push((node as Md.Link).url.slice(1))
  })
  return { anchors, links }
}

describe('the Markdown names its places by the Akoma Ntoso eIds', () => {
  it('has an anchor for every eId of the Akoma Ntoso edition, of the same value, and no other; every link inside the document leads to one', async () => {
    let linked = 0
    for (const path of ANCHORED) {
      const doc = await buildSeed(path)
      const { anchors, links } = anchorsAndLinks(emitMarkdown(doc))
      expect(new Set(anchors).size, path).toBe(anchors.length)
      expect([...anchors].sort(), path).toEqual(textEIds(emitAkn(doc)).sort())
      for (const link of links) expect(anchors, `${path}: #${link}`).toContain(link)
      linked += links.length
    }
    // The seeds and the corpus refer to their own paragraphs and annexes: the check above is not empty.
    expect(linked).toBeGreaterThan(0)
  })

  it('links a reference to a paragraph or the annex of the same text to its anchor, and reads the links back as the text they cover', async () => {
    const text = [
      '67/999. 测试决议',
      '',
      '大会，',
      '',
      ' 1. 决定甲；',
      '',
      ' 2. 决定乙；',
      '',
      ' 3. 请秘书长执行上文第1段和第2段(b)分段及第1至2段，并按照见附件的安排行事。',
      '',
      '附件',
      '',
      ' 1. 安排。',
      ''
    ].join('\n')
    const result = await roundTrip('test/internal.zh.txt', text)
    expect(result!.markdown).toContain('<a id="para_1"></a>决定甲')
    expect(result!.markdown).toContain('[上文第1段](#para_1)和[第2段(b)分段](#para_2)')
    expect(result!.markdown).toContain('[见附件](#annex_1)')
    // Each end of a range links to its paragraph.
    expect(result!.markdown).toContain('[第1](#para_1)至[2段](#para_2)')
    expect(result!.markdown).toContain('<a id="annex_1"></a><a id="annex_1__preface__p_1"></a>附件')
  })

  it('anchors a note at its text by the eId of its first reference, and a later reference by its own', async () => {
    const text = ['大会，', '', ' 1. 决定甲[^1]；', '', ' 2. 决定乙[^1]。', '', '[^1]: 注。', ''].join('\n')
    const result = await roundTrip('test/notes.zh.txt', text)
    expect(result!.markdown).toContain('[^1]: <a id="para_1__authorialNote_1"></a>注。')
    expect(result!.markdown).toContain('决定乙<a id="para_2__authorialNote_1"></a>[^1]。')
  })

  it('links "paragraph 3 above" in an English text to the paragraph', async () => {
    const text = ['The General Assembly,', '', ' 1. Decides to act;', '', ' 2. Requests the Secretary-General to implement paragraph 1 above.', ''].join('\n')
    const result = await roundTrip('test/internal.en.txt', text)
    expect(result!.markdown).toContain('[paragraph 1 above](#para_1)')
  })
})

describe('reading Markdown written by hand', () => {
  it('drops an element anchor as markup, recording its removal, and refuses any other HTML', async () => {
    const anchored = await fromMarkdown('anchored.zh', ['大会，', '', '1. <a id="para_1"></a>决定继续合作。', ''].join('\n'))
    expect(anchored.diagnostics).toEqual([])
    expect(JSON.stringify(anchored.document!.tree)).toContain('决定继续合作。')
    expect(anchored.document!.removals).toContainEqual(
      expect.objectContaining({ text: '<a id="para_1"></a>', position: expect.objectContaining({ start: expect.objectContaining({ line: 3, column: 4 }) }) })
    )
    for (const html of ['<a id="para_1">决定</a>继续合作。', '<b>决定</b>继续合作。', '<a href="x"></a>决定继续合作。']) {
      const other = await fromMarkdown('html.zh', ['大会，', '', `1. ${html}`, ''].join('\n'))
      expect(other.diagnostics, html).toContainEqual(expect.objectContaining({ ruleId: 'markdown-unfit', line: 3, severity: 'error' }))
    }
  })

  it('joins soft-wrapped lines as wrapped lines of a raw text, and points at the Markdown source', async () => {
    const md = ['---', 'kind: ga-resolution', '---', '', '大会，', '', '回顾其第37/4号', '决议，', '', '1. 决定\\*继续&amp;合作。', ''].join('\n')
    const result = await fromMarkdown('hand.zh', md)
    expect(result.diagnostics).toEqual([])
    const doc = result.document!
    expect(emitMarkdown(doc)).toContain('回顾其[第37/4号决议](https://undocs.org/zh/A/RES/37/4)，')
    const citation = JSON.stringify(doc.tree).includes('"symbol":"A/RES/37/4"')
    expect(citation).toBe(true)
    const op = doc.tree.children.find((p) => p.type === 'body')!.children[0]!
    expect(op).toMatchObject({ type: 'paragraph', number: '1', position: { start: { line: 10, column: 1 } } })
    expect(JSON.stringify(op)).toContain('决定*继续&合作。')
  })

  it('reports Markdown the document grammar has no place for, at its line and column, and builds nothing', async () => {
    const md = ['大会，', '', '| a | b |', '| - | - |', '| 1 | 2 |', ''].join('\n')
    const result = await fromMarkdown('table.zh', md)
    expect(result.outputs).toEqual([])
    expect(result.diagnostics).toContainEqual(expect.objectContaining({ ruleId: 'markdown-unfit', line: 3, column: 1, severity: 'error' }))
  })

  it('reports front matter that is not YAML, or not valid metadata, where it is wrong', async () => {
    const bad = await fromMarkdown('bad.zh', ['---', 'kind: [unclosed', '---', '', '大会，', ''].join('\n'))
    expect(bad.diagnostics).toContainEqual(expect.objectContaining({ ruleId: 'front-matter', line: 2, severity: 'error' }))
    const invalid = await fromMarkdown('invalid.zh', ['---', 'language: zh-Hans', 'kind: treaty', '---', '', '大会，', ''].join('\n'))
    expect(invalid.diagnostics).toContainEqual(expect.objectContaining({ ruleId: 'front-matter', line: 3, column: 7, severity: 'error' }))
    expect(invalid.outputs).toEqual([])
  })

  it('keeps the text of emphasis with a warning, since undoc documents carry none', async () => {
    const result = await fromMarkdown('em.zh', ['大会，', '', '回顾*其*决议，', ''].join('\n'))
    expect(result.diagnostics).toContainEqual(expect.objectContaining({ ruleId: 'markdown-emphasis', severity: 'warning', line: 3, column: 3 }))
    expect(emitMarkdown(result.document!)).toContain('回顾其决议，')
  })
})

describe('the front matter', () => {
  /** Strings of what metadata is made of, and of what YAML quotes or reads as another type. */
  const tricky = fc
    .array(
      fc.constantFrom(
        'A',
        'z',
        'RES',
        '/',
        '67',
        '0',
        '1',
        '.',
        '-',
        ':',
        ' ',
        '#',
        '?',
        ',',
        '[',
        '{',
        '!',
        '&',
        '*',
        "'",
        '"',
        '%',
        '@',
        '`',
        '|',
        '>',
        '(',
        ')',
        '联合国',
        '：',
        '\u3000',
        '\t',
        '\n',
        'e',
        'x',
        'o',
        'null',
        'true',
        'No',
        '~',
        '.inf',
        '.nan',
        '+',
        '0o7',
        '0x1f',
        ': ',
        ' #',
        'A:',
        '- '
      ),
      { maxLength: 4 }
    )
    .map((p) => p.join(''))
  /** Strings YAML writes plain, mostly: words, numbers with slashes, dates. */
  const word = fc.array(fc.constantFrom('A', 'RES', '/', '67', '264', '-', '(', ')', '联合国', '第', 's', '2013-05-17'), { minLength: 1, maxLength: 4 }).map((p) => p.join(''))
  const scalar = fc.oneof(word, fc.integer(), fc.boolean())
  const metadata = fc.dictionary(
    word,
    fc.oneof(scalar, fc.array(word, { minLength: 1, maxLength: 3 }), fc.dictionary(word, fc.oneof(scalar, fc.array(word, { minLength: 1, maxLength: 3 })), { minKeys: 1, maxKeys: 3 })),
    { minKeys: 1, maxKeys: 6 }
  )
  const same = (m: object): void => {
    expect(frontMatter(m)).toBe(stringify(m, { lineWidth: 0 }).trimEnd())
  }

  it('is what yaml writes, on the seeds, on any one value, and on maps, lists and nested maps of plain values', () => {
    for (const seed of Object.values(SEEDS)) same((JSON.parse(readFileSync(join(ROOT, 'output', `${basename(seed, '.txt')}.json`), 'utf8')) as UndocDocument).metadata)
    const runs = { numRuns: Number(process.env.FC_RUNS ?? 2000) }
    fc.assert(
      fc.property(fc.oneof({ arbitrary: tricky, weight: 10 }, fc.double(), fc.integer(), fc.constant([]), fc.constant({})), (value) => {
        same({ title: value, [String(value)]: 1 })
      }),
      runs
    )
    fc.assert(fc.property(metadata, same), runs)
  })
})
