import { describe, expect, it } from 'vitest'
import type { Node } from 'unist'
import { visit } from 'unist-util-visit'
import type { Citation, Heading, Paragraph, Part, UndocDocument } from '../pipeline/types/document.js'
import { build, inlineText } from './helpers.js'

async function kind(name: string): Promise<{ doc: UndocDocument; warnings: string[] }> {
  const result = await build(`test/fixtures/kinds/${name}`)
  if (!result.document) throw new Error(JSON.stringify(result.diagnostics))
  return { doc: result.document, warnings: result.diagnostics.map((d) => d.ruleId) }
}

function blocks(parts: readonly Part[]): string[] {
  return parts.flatMap((p) =>
    p.type === 'attachment'
      ? blocks(p.children)
      : p.children.map((n) => {
          const node = n as Heading | Paragraph
          const tag = [n.type, 'role' in n ? n.role : '', node.number ?? '', 'level' in node && node.level ? `L${node.level}` : ''].filter(Boolean).join(':')
          return `${tag} ${'children' in n && n.type !== 'signature' ? inlineText((n as Paragraph).children).slice(0, 8) : ''}`.trim()
        })
  )
}

describe('document kinds beyond the seeds', () => {
  it('reads a Security Council resolution: title with the year, adoption note, formula, subparagraphs', async () => {
    const { doc, warnings } = await kind('s-res-1624-2005.zh.txt')
    expect(warnings).toEqual([])
    expect(doc.metadata).toMatchObject({ symbol: 'S/RES/1624(2005)', kind: 'sc-resolution', organ: 'SC', number: '1624(2005)', date: '2005-09-14', meeting: 5261 })
    expect(blocks(doc.tree.children)).toEqual([
      'heading:title:1624(2005) 第1624(20',
      'heading:adoptionNote 2005年9月1',
      'formula 安全理事会，',
      'paragraph:preambular 重申其1999年',
      'paragraph:preambular 深为关切煽动恐怖',
      'paragraph:operative:1:L1 呼吁所有国家根据',
      'paragraph:operative:a:L2 依法禁止煽动实施',
      'paragraph:operative:b:L2 防止这种行为；',
      'paragraph:operative:c:L2 拒绝向有可信的相',
      'paragraph:operative:2:L1 还呼吁所有国家在',
      'paragraph:operative:3:L1 决定继续积极处理'
    ])
    expect(doc.removals.map((r) => r.reason)).toEqual(expect.arrayContaining(['page furniture: job number', expect.stringContaining('masthead: document symbol')]))
  })

  it('reads a pre-1976 resolution with a Roman session and a date in Chinese numerals', async () => {
    const { doc } = await kind('a-res-3369-xxx.zh.txt')
    expect(doc.metadata).toMatchObject({ symbol: 'A/RES/3369(XXX)', kind: 'ga-resolution', number: '3369(XXX)', date: '1975-10-10', meeting: 2383 })
  })

  it('reads a General Assembly decision by its number', async () => {
    const { doc } = await kind('a-dec-66-555.zh.txt')
    expect(doc.metadata).toMatchObject({ symbol: 'A/DEC/66/555', kind: 'ga-decision', date: '2012-09-17', meeting: 122 })
  })

  it('reads a note verbale, joining the short text\'s wrapped line', async () => {
    const { doc } = await kind('note-verbale.zh.txt')
    expect(doc.metadata).toMatchObject({ kind: 'note-verbale', date: '2012-03-01', session: { number: 67 }, agendaItem: { number: '123' } })
    expect(blocks(doc.tree.children).slice(-2)).toEqual(['paragraph:text 哈萨克斯坦常驻联', 'paragraph:text 常驻代表团请将本'])
  })

  it('reads a report: chapter and section headings, continuously numbered paragraphs', async () => {
    const { doc, warnings } = await kind('report-chapters.zh.txt')
    expect(warnings).toEqual([])
    expect(doc.metadata).toMatchObject({ kind: 'report', title: '秘书长的报告' })
    expect(blocks(doc.tree.children).slice(4)).toEqual([
      'heading:chapter:一 导言',
      'paragraph:text:1:L1 本报告根据大会第',
      'paragraph:text:2:L1 报告说明了两组织',
      'heading:chapter:二 合作领域',
      'heading:section:A 政治领域',
      'paragraph:text:3:L1 两组织在预防冲突',
      'heading:section:B 人道主义领域',
      'paragraph:text:4:L1 两组织在人道主义',
      'heading:chapter:三 结论',
      'paragraph:text:5:L1 秘书长建议继续加'
    ])
  })

  it('reads a text from the web: one paragraph a line, ideographic-space indents', async () => {
    const { doc } = await kind('web-resolution.zh.txt')
    expect(blocks(doc.tree.children)).toEqual(['formula 大会，', 'paragraph:preambular 回顾其以往关于联', 'paragraph:operative:1:L1 欢迎两组织的合作', 'paragraph:operative:2:L1 请秘书长报告合作'])
  })
  it('reads a presidential statement: the English masthead date, a margin of one space, a quotation indented as a block', async () => {
    const { doc, warnings } = await kind('s-prst-2012-1.zh.txt')
    expect(warnings).toEqual([])
    expect(doc.metadata).toMatchObject({ symbol: 'S/PRST/2012/1', kind: 'sc-presidential-statement', meeting: 6705, organ: 'SC', date: '2012-01-19', originalLanguage: 'English', distribution: 'General' })
    expect(blocks(doc.tree.children)).toEqual(['heading:title 安全理事会主席的', 'paragraph:text 在2012年1月', 'paragraph:text “安全理事会回顾', 'paragraph:text “安全理事会强调'])
    const meetings: unknown[] = []
    visit(doc.tree as Node, 'citation', (c) => {
      if ((c as unknown as Citation).kind === 'meeting') meetings.push((c as unknown as Citation).symbol)
    })
    expect(meetings).toEqual(['S/PV.6705'])
  })
})
