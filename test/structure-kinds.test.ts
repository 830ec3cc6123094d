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

  it("reads a note verbale, joining the short text's wrapped line", async () => {
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
    expect(doc.metadata).toMatchObject({
      symbol: 'S/PRST/2012/1',
      kind: 'sc-presidential-statement',
      meeting: 6705,
      organ: 'SC',
      date: '2012-01-19',
      originalLanguage: 'English',
      distribution: 'General'
    })
    expect(blocks(doc.tree.children)).toEqual(['heading:title 安全理事会主席的', 'paragraph:text 在2012年1月', 'paragraph:text “安全理事会回顾', 'paragraph:text “安全理事会强调'])
    const meetings: unknown[] = []
    visit(doc.tree as Node, 'citation', (c) => {
      if ((c as unknown as Citation).kind === 'meeting') meetings.push((c as unknown as Citation).symbol)
    })
    expect(meetings).toEqual(['S/PV.6705'])
  })
})

describe('forms of real texts (constructed fixtures)', () => {
  it("reads a newer resolution's header: the dated header and the basis line are neither agenda titles nor text, and the basis goes into the metadata", async () => {
    const { doc, warnings } = await kind('constructed-ga-header-basis.zh.txt')
    expect(warnings).toEqual([])
    expect(doc.metadata).toMatchObject({
      symbol: 'A/RES/71/322',
      kind: 'ga-resolution',
      date: '2017-09-08',
      agendaItem: { number: '15', titles: [] },
      basis: { text: '未经发交主要委员会而通过(A/71/L.99)', symbol: 'A/71/L.99' },
      meeting: 101
    })
    expect(blocks(doc.tree.children).slice(0, 7)).toEqual([
      'heading:session 第七十一届会议',
      'heading:agendaItem 议程项目15',
      'heading:subtitle 2017年9月8',
      'heading:basis [未经发交主要委',
      'heading:title:71/322 联合国同各区域组',
      'formula 大会，',
      'paragraph:preambular 回顾其以往关于这'
    ])
    // "1.决定" with no space and "2．" with a full-width stop are numbered paragraphs.
    expect(blocks(doc.tree.children).slice(7, 9)).toEqual(['paragraph:operative:1:L1 决定继续审议这个', 'paragraph:operative:2:L1 请秘书长向大会第'])
  })

  it('reads a resolution in parts A and B, each with its own formula (ASCII or colon) and numbering (1. or 一、)', async () => {
    const { doc } = await kind('constructed-ga-parts.zh.txt')
    expect(doc.metadata).toMatchObject({ kind: 'ga-resolution', number: '60/99', meeting: 64 })
    expect(doc.tree.children.map((p) => p.type)).toEqual(['preface', 'preamble', 'body', 'preamble', 'body', 'conclusions'])
    expect(blocks(doc.tree.children).slice(1)).toEqual([
      'heading:section:A A',
      'formula 大会,',
      'paragraph:preambular 回顾其以往各项决',
      'paragraph:operative:1:L1 欢迎两组织的合作',
      'paragraph:operative:2:L1 请秘书长报告合作',
      'heading:section:B B',
      'formula 大会：',
      'paragraph:preambular 注意到秘书长的报',
      'paragraph:operative:一:L1 决定继续合作；',
      'paragraph:operative:二:L1 请秘书长提出建议',
      'adoption:date 2005年12月',
      'adoption:meeting 第64次全体会议'
    ])
  })

  it('reads an early resolution: Chinese-numeral title, preamble before "因此，大会，", unnumbered operative paragraphs, vote line, footnotes "，1" and "(注)"', async () => {
    const { doc } = await kind('constructed-ga-unnumbered.zh.txt')
    expect(doc.metadata).toMatchObject({ symbol: 'A/RES/396(V)', kind: 'ga-resolution', number: '396(V)', date: '1950-12-14', meeting: 325, vote: { for: 13, against: 0, abstentions: 2 } })
    expect(blocks(doc.tree.children)).toEqual([
      'heading:title:396(V) 会员国代表权问题',
      'paragraph:preambular 鉴于会员国代表权',
      'formula 因此,大会,',
      'paragraph:preambular 考虑到宪章之宗旨',
      'paragraph:preambular 审议了秘书长的报',
      'paragraph:operative 建议凡遇此种问题',
      'paragraph:operative 并建议大会所采取',
      'adoption:date 一九五〇年十二月',
      'adoption:meeting 第三二五次全体会',
      'adoption:vote 以十三票对零票、',
      'footnoteDefinition 大会正式记录,第',
      'footnoteDefinition 见下文。'
    ])
  })

  it('reads a Traditional text from Wikisource: zh-Hant, the same grammar, 一./(甲) numbering, glued footnote markers, the vote in Chinese numerals', async () => {
    const { doc, warnings } = await kind('constructed-sc-early-traditional.zh.txt')
    expect(warnings).toEqual([])
    expect(doc.metadata).toMatchObject({
      symbol: 'S/RES/30(1947)',
      language: 'zh-Hant',
      kind: 'sc-resolution',
      date: '1947-08-25',
      basis: { text: 'S/525,壹', symbol: 'S/525' },
      meeting: 194,
      vote: { for: 8, against: 0, abstentions: 3 }
    })
    expect(blocks(doc.tree.children)).toEqual([
      'heading:title:30(1947) 一九四七年八月二',
      'heading:basis 〔S/525,壹',
      'formula 安全理事會,',
      'paragraph:preambular 業已接獲委員會之',
      'paragraph:operative:一:L1 請各方遵守下列條',
      'paragraph:operative:甲:L2 停止敵對行為;',
      'paragraph:operative:乙:L2 以和平方法解決爭',
      'paragraph:operative:二:L1 請秘書長將本決議',
      'adoption:meeting 第一九四次會議以',
      'footnoteDefinition 安全理事會正式紀',
      'footnoteDefinition 同上,補編第二號'
    ])
    expect(inlineText((doc.tree.children[1]!.children[1] as Paragraph).children)).toBe('業已接獲委員會之報告書[^12]及同日之函件,[^13]')
    expect(doc.removals.map((r) => r.reason)).toEqual(expect.arrayContaining(['web page: name of the site (Wikisource)', 'web page: title of the page', 'web page: licence notice of the site']))
  })

  it('reads a presidential statement from a web page: navigation and masthead cells removed with the symbol lifted, its opening gives date and meeting', async () => {
    const { doc, warnings } = await kind('constructed-prst-web.zh.txt')
    expect(warnings).toEqual([])
    expect(doc.metadata).toMatchObject({ symbol: 'S/PRST/2009/5', kind: 'sc-presidential-statement', organ: 'SC', date: '2009-03-06', meeting: 6095 })
    expect(blocks(doc.tree.children)).toEqual(['heading:title 安全理事会主席的', 'paragraph:text 安全理事会主席在', 'paragraph:text “安全理事会欢迎', 'paragraph:text “安全理事会将继'])
    // Adjacent lines removed for one reason are one entry of the log.
    expect(new Set(doc.removals.filter((r) => r.rule === 'web-furniture').map((r) => r.reason))).toEqual(
      new Set([
        'web page: title of the page and name of the site',
        'web page: table row (navigation or information box)',
        'web page: empty table row',
        'web page: list bullet',
        'web page: licence notice of the site'
      ])
    )
    expect(doc.removals.some((r) => r.text.includes('联合国 | S/PRST/2009/5 |'))).toBe(true)
  })

  it('reads a whole resolution on one line: adoption note, formula, clauses and the vote "以14票赞成、0票反对、1票弃权"', async () => {
    const { doc, warnings } = await kind('constructed-sc-one-line.zh.txt')
    expect(warnings).toEqual([])
    expect(doc.metadata).toMatchObject({ kind: 'sc-resolution', date: '2008-06-02', meeting: 5900, vote: { for: 14, against: 0, abstentions: 1 } })
    expect(blocks(doc.tree.children).map((b) => b.split(' ')[0])).toEqual([
      'heading:adoptionNote',
      'formula',
      'paragraph:preambular',
      'paragraph:preambular',
      'paragraph:preambular',
      'paragraph:operative:1:L1',
      'paragraph:operative:2:L1',
      'paragraph:operative:3:L1',
      'adoption:meeting'
    ])
  })
})

describe('early resolutions whose formula is run into the verb, and lettered items under an unnumbered clause', () => {
  const read = async (lines: string[]) => (await build('test/a-res-99-i.zh.txt', lines.join('\n\n') + '\n')).document!

  it('reads "大会建议：" over (甲)(乙) as one operative paragraph with its items, the lines above as heading and preamble', async () => {
    const doc = await read([
      '四 非政府组织代表出席经济暨社会理事会',
      '由于各组织之请求,并依据宪章第七十一条之规定.',
      '大会建议:',
      '(甲)理事会应尽速采取适宜办法;',
      '(乙)理事会亦应尽速采取适宜办法.',
      '一九四六年二月十四日,第三十一次全会.'
    ])
    expect(doc.metadata).toMatchObject({ kind: 'ga-resolution', organ: 'GA', date: '1946-02-14', meeting: 31 })
    expect(blocks(doc.tree.children)).toEqual([
      'heading:title 四非政府组织代表',
      'paragraph:preambular 由于各组织之请求',
      'paragraph:operative 大会建议:',
      'paragraph:operative:甲:L2 理事会应尽速采取',
      'paragraph:operative:乙:L2 理事会亦应尽速采',
      'adoption:meeting 一九四六年二月十'
    ])
  })

  it('reads the fused formula over numbered paragraphs as the formula, in either script, under a numbered compilation heading', async () => {
    const doc = await read(['五.召開國際法院之必需步驟', '國際法院於選任後應即速行集議爲宜.', '因此大會訓令秘書長:', '一.採取必要步驟;', '二.任命秘書一人.', '一九四六年二月十日,第二十八次全會.'])
    expect(doc.metadata).toMatchObject({ kind: 'ga-resolution', language: 'zh-Hant' })
    expect(blocks(doc.tree.children)).toEqual([
      'heading:title 五.召開國際法院',
      'paragraph:preambular 國際法院於選任後',
      'formula 因此大會訓令秘書',
      'paragraph:operative:一:L1 採取必要步驟;',
      'paragraph:operative:二:L1 任命秘書一人.',
      'adoption:meeting 一九四六年二月十'
    ])
  })

  it('reads "大会……兹决议" and "安全理事会决议：" run into one line, and the letters under "決議:" after a preamble', async () => {
    const ga = await read(['大会于审议此事后兹决议设立委员会.'])
    expect(ga.metadata.kind).toBe('ga-resolution')
    expect(blocks(ga.tree.children)).toEqual(['paragraph:operative 大会于审议此事后'])
    const sc = await read(['安全理事會,', '鑒於理事會有責任調查,', '備悉其聲明,', '決議:', '(a)將此問題展緩審議;', '(b)邀請代表列席會議。'])
    expect(blocks(sc.tree.children).map((b) => b.split(' ')[0])).toEqual([
      'formula',
      'paragraph:preambular',
      'paragraph:preambular',
      'paragraph:operative',
      'paragraph:operative:a:L2',
      'paragraph:operative:b:L2'
    ])
  })

  it('keeps letters right under the formula as the operative paragraphs, and a paragraph starting with the organ but no enacting verb as text', async () => {
    const doc = await read(['安全理事会,', '(a)将此问题展缓审议;', '(b)邀请代表列席会议。'])
    expect(blocks(doc.tree.children).map((b) => b.split(' ')[0])).toEqual(['formula', 'paragraph:operative:a:L1', 'paragraph:operative:b:L1'])
    const report = await read(['大会第一届会议的工作情况.'])
    expect(report.metadata.kind).toBe('unknown')
  })
})

describe('classes of forms met in the evaluation corpus (constructed cases)', () => {
  const read = async (lines: string[]) => (await build('test/s-res-99-1946.zh.txt', lines.join('\n\n') + '\n')).document!
  const shape = (doc: UndocDocument) => blocks(doc.tree.children).map((b) => b.split(' ')[0])

  it('reads the operative verb alone over numbered paragraphs as the formula whether its colon is full-width or ASCII ("爰議決:")', async () => {
    for (const colon of ['：', ':']) {
      const doc = await read(['安全理事會,', '鑒於憲章之規定,', '鑒於大會將舉行會議,', `爰議決${colon}`, '一. 審議申請書;', '二. 向理事會具報。'])
      expect(shape(doc)).toEqual(['formula', 'paragraph:preambular', 'paragraph:preambular', 'formula', 'paragraph:operative:一:L1', 'paragraph:operative:二:L1'])
    }
  })

  it('reads an unnumbered clause that opens "兹决定" (hereby) as operative, though an early text ends it with a comma as a preambular one', async () => {
    const doc = await read(['查一会员国曾促请安全理事会注意此情势,', '因此,安全理事会,', '鉴于理事会曾作一致之谴责,', '兹决定继续探讨此事,', '为此,安全理事会指派一小组委员会具报。'])
    expect(shape(doc)).toEqual(['paragraph:preambular', 'formula', 'paragraph:preambular', 'paragraph:operative', 'paragraph:operative'])
  })

  it('reads what an unnumbered operative clause introduces "如下：" as its content, not further operative paragraphs; and the vote from the adoption line\'s footnote', async () => {
    const doc = await read([
      '安全理事會,',
      '建議大會決定瑞士得為規約當事國之條件如下:',
      '瑞士自交存加入書之日起為當事國。內應叙明:',
      '(a) 接受規約之規定;',
      '(b) 擔允攤付法院經費。',
      '第八十次會議通過。[^25]',
      '[^25]: 未舉行表決。'
    ])
    expect(shape(doc)).toEqual(['formula', 'paragraph:operative', 'paragraph:text', 'paragraph:operative:a:L2', 'paragraph:operative:b:L2', 'adoption:meeting', 'footnoteDefinition'])
    expect(doc.metadata).toMatchObject({ meeting: 80, vote: 'without-vote' })
    // A formula run into its verb ("大会建议如下：") is the formula of the paragraphs under it, each operative.
    const fused = await read(['大会建议如下:', '理事会应尽速采取适宜办法;', '理事会亦应尽速具报。'])
    expect(shape(fused)).toEqual(['paragraph:operative', 'paragraph:operative', 'paragraph:operative'])
  })

  it("reads paragraphs it does not know above a resolution's title and formula (a bilingual page's original first) as plain text, and the document from its title", async () => {
    const doc = await read([
      '聯合國二七五八號決議文',
      '2758 (XXVI). Restoration of the lawful rights The General Assembly,',
      'Recalling the principles of the Charter,',
      'Decides to restore all its rights.',
      '二七五八(二十六).恢復合法權利',
      '大會,',
      '回顧聯合國憲章的原則,',
      '決定:恢復一切權利。',
      '一九七一年十月二十五日,第一九七六次全體會議。'
    ])
    expect(shape(doc)).toEqual([
      'paragraph:text',
      'paragraph:text',
      'paragraph:text',
      'paragraph:text',
      'heading:title:2758(XXVI)',
      'formula',
      'paragraph:preambular',
      'paragraph:operative',
      'adoption:meeting'
    ])
    expect(doc.metadata).toMatchObject({ symbol: 'A/RES/2758(XXVI)', kind: 'ga-resolution', date: '1971-10-25', meeting: 1976 })
    const numbered = await read([
      'Resolution 1518 (2003)',
      'The Security Council,',
      '1. Decides to establish a Committee;',
      '2. Decides to remain seized of the matter.',
      '第1518(2003)号决议',
      '安全理事会，',
      '1. 决定设立一个委员会；',
      '2. 决定继续处理此案。'
    ])
    expect(shape(numbered)).toEqual([
      'paragraph:text',
      'paragraph:text',
      'paragraph:text',
      'paragraph:text',
      'heading:title:1518(2003)',
      'formula',
      'paragraph:operative:1:L1',
      'paragraph:operative:2:L1'
    ])
  })
})
