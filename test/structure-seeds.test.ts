import { describe, expect, it } from 'vitest'
import { visit } from 'unist-util-visit'
import type { Node } from 'unist'
import type { FootnoteReference, Heading, Paragraph, Part, UndocDocument } from '../pipeline/types/document.js'
import { buildSeed, inlineText, SEEDS } from './helpers.js'

/** Paragraphs in reading order: [part, role, number, first four characters, last four]. */
function paragraphs(doc: UndocDocument): [string, string, string | null, string, string][] {
  const out: [string, string, string | null, string, string][] = []
  const walk = (parts: readonly Part[], where: string) => {
    for (const part of parts) {
      if (part.type === 'attachment') walk(part.children, 'annex')
      else if (part.type !== 'footnotes') {
        for (const node of part.children) {
          if (node.type !== 'paragraph') continue
          const text = [...inlineText(node.children)]
          out.push([where, node.role, node.number ?? null, text.slice(0, 4).join(''), text.slice(-4).join('')])
        }
      }
    }
  }
  walk(doc.tree.children, 'main')
  return out
}

function nodesOf<T>(doc: UndocDocument, type: string): T[] {
  const out: T[] = []
  visit(doc.tree as Node, type, (n) => {
    out.push(n as T)
  })
  return out
}

describe('the General Assembly resolution 67/264', async () => {
  const doc = await buildSeed(SEEDS.resolution)

  it('has its metadata', () => {
    expect(doc.metadata).toEqual({
      symbol: 'A/RES/67/264',
      language: 'zh-Hans',
      kind: 'ga-resolution',
      title: '联合国同伊斯兰合作组织的合作',
      number: '67/264',
      organ: 'GA',
      date: '2013-05-17',
      session: { number: 67 },
      meeting: 82
    })
  })

  it('reads title, formula, 26 preambular and 22 operative paragraphs, adoption block, footnotes', () => {
    expect(doc.tree.children.map((p) => p.type)).toEqual(['preface', 'preamble', 'body', 'conclusions', 'footnotes'])
    const title = nodesOf<Heading>(doc, 'heading')[0]!
    expect([title.role, title.number, inlineText(title.children)]).toEqual(['title', '67/264', '联合国同伊斯兰合作组织的合作'])
    const preamble = doc.tree.children[1]!
    expect(preamble.type === 'preamble' && preamble.children[0]!.type).toBe('formula')
    expect(preamble.type === 'preamble' && inlineText(preamble.children[0]!.children)).toBe('大会，')
    const ps = paragraphs(doc)
    expect(ps.filter((p) => p[1] === 'preambular')).toHaveLength(26)
    expect(ps.filter((p) => p[1] === 'operative').map((p) => p[2])).toEqual(Array.from({ length: 22 }, (_, i) => String(i + 1)))
    const conclusions = doc.tree.children[3]!
    expect(conclusions.type === 'conclusions' && conclusions.children).toEqual([
      expect.objectContaining({ type: 'adoption', role: 'date', date: '2013-05-17' }),
      expect.objectContaining({ type: 'adoption', role: 'meeting', meeting: 82 })
    ])
  })

  it('reads every paragraph from its first to its last character', () => {
    expect(paragraphs(doc)).toEqual([
      ['main', 'preambular', null, '回顾其1', '号决议，'],
      ['main', 'preambular', null, '又回顾大', '和工作，'],
      ['main', 'preambular', null, '欢迎伊斯', '的作用，'],
      ['main', 'preambular', null, '注意到2', '宪章》，'],
      ['main', 'preambular', null, '审议了秘', '[^3]'],
      ['main', 'preambular', null, '考虑到两', '的问题，'],
      ['main', 'preambular', null, '回顾《联', '项条款，'],
      ['main', 'preambular', null, '注意到秘', '互补性，'],
      ['main', 'preambular', null, '又注意到', '的进展，'],
      ['main', 'preambular', null, '还注意到', '了合作，'],
      ['main', 'preambular', null, '深信联合', '和原则，'],
      ['main', 'preambular', null, '表示注意', '年举行，'],
      ['main', 'preambular', null, '考虑到合', '协议中，'],
      ['main', 'preambular', null, '回顾伊斯', '的机制，'],
      ['main', 'preambular', null, '注意到2', '的会议，'],
      ['main', 'preambular', null, '又注意到', '的能力，'],
      ['main', 'preambular', null, '还注意到', '的贡献，'],
      ['main', 'preambular', null, '欢迎伊斯', '重要性，'],
      ['main', 'preambular', null, '注意到设', '与交流，'],
      ['main', 'preambular', null, '又注意到', '构合作，'],
      ['main', 'preambular', null, '赞赏地注', '的讨论，'],
      ['main', 'preambular', null, '欢迎伊斯', '体方案，'],
      ['main', 'preambular', null, '审议了联', '务能力，'],
      ['main', 'preambular', null, '欢迎反恐', '的活动，'],
      ['main', 'preambular', null, '注意到伊', '作情况，'],
      ['main', 'preambular', null, '赞赏地注', '的合作，'],
      ['main', 'operative', '1', '满意地注', '[^3]'],
      ['main', 'operative', '2', '敦促联合', '行合作；'],
      ['main', 'operative', '3', '满意地注', '的工作；'],
      ['main', 'operative', '4', '申明，促', '同目标；'],
      ['main', 'operative', '5', '请联合国', '的问题；'],
      ['main', 'operative', '6', '呼吁欢迎', '一问题；'],
      ['main', 'operative', '7', '邀请伊斯', '与交流；'],
      ['main', 'operative', '8', '请两组织', '济问题；'],
      ['main', 'operative', '9', '欢迎联合', '作机制；'],
      ['main', 'operative', '10', '又欢迎联', '南合作；'],
      ['main', 'operative', '11', '鼓励联合', '作框架；'],
      ['main', 'operative', '12', '邀请联合', '展目标；'],
      ['main', 'operative', '13', '赞赏地欢', '展工作；'],
      ['main', 'operative', '14', '赞赏伊斯', '的合作；'],
      ['main', 'operative', '15', '欢迎两组', '的方法；'],
      ['main', 'operative', '16', '满意地注', '代表处；'],
      ['main', 'operative', '17', '欢迎联合', '要会议；'],
      ['main', 'operative', '18', '鼓励联合', '的合作；'],
      ['main', 'operative', '19', '邀请联合', '作能力；'],
      ['main', 'operative', '20', '感谢秘书', '同利益；'],
      ['main', 'operative', '21', '请秘书长', '作情况；'],
      ['main', 'operative', '22', '决定在大', '的分项。']
    ])
  })

  it('joins the paragraphs that footnote blocks cut, even mid-word', () => {
    const texts = paragraphs(doc).length && nodesOf<Paragraph>(doc, 'paragraph').map((p) => inlineText(p.children))
    expect(texts).toContainEqual(expect.stringContaining('伊斯兰国家首脑会议第三届特别会议通过的'))
    expect(texts).toContainEqual(expect.stringContaining('与包括仇视伊斯兰在内的宗教不容忍作斗争'))
  })

  it('has 3 footnotes referenced 4 times, each reference linked to its footnote', () => {
    const defs = nodesOf<{ identifier: string; children: Paragraph['children'] }>(doc, 'footnoteDefinition')
    expect(defs.map((d) => [d.identifier, inlineText(d.children)])).toEqual([
      ['1', '伊斯兰会议组织2011年6月28日起更名为伊斯兰合作组织。'],
      ['2', 'A/60/633-S/2005/826，附件三。'],
      ['3', 'A/67/280-S/2012/614。']
    ])
    const refs = nodesOf<FootnoteReference>(doc, 'footnoteReference')
    expect(refs.map((r) => r.identifier)).toEqual(['1', '2', '3', '3'])
    expect(refs.map((r) => `${r.position.start.line}:${r.position.start.column}`)).toEqual(['30:1', '45:1', '53:1', '190:1'])
  })
})

describe('the letter with the annexed Astana Declaration', async () => {
  const doc = await buildSeed(SEEDS.letter)

  it('has its metadata', () => {
    expect(doc.metadata).toEqual({
      language: 'zh-Hans',
      kind: 'letter',
      title: '2011年7月8日哈萨克斯坦常驻联合国代表给秘书长的信',
      // Circulated "作为大会议程项目122(s)的文件": the agenda it is circulated under names the organ.
      organ: 'GA',
      date: '2011-07-08',
      session: { number: 65, text: '第六十五届会议' },
      agendaItem: { number: '122(s)', titles: ['联合国同各区域组织及其他组织的合作：', '联合国同伊斯兰会议组织的合作'] }
    })
  })

  it('reads heading block, letter title, body and signature, then the annex', () => {
    expect(doc.tree.children.map((p) => p.type)).toEqual(['preface', 'body', 'conclusions', 'attachment'])
    const headings = nodesOf<Heading>(doc, 'heading').map((h) => [h.role, inlineText(h.children)])
    expect(headings).toEqual([
      ['session', '第六十五届会议'],
      ['agendaItem', '议程项目122(s)'],
      ['agendaTitle', '联合国同各区域组织及其他组织的合作：'],
      ['agendaTitle', '联合国同伊斯兰会议组织的合作'],
      ['title', '2011年7月8日哈萨克斯坦常驻联合国代表给秘书长的信'],
      ['annexHeading', '2011年7月8日哈萨克斯坦常驻联合国代表给秘书长的信的附件'],
      ['title', '伊斯兰会议组织和平、合作与发展阿斯塔纳宣言'],
      ['adoptionNote', '2011年6月28日至30日在哈萨克斯坦共和国阿斯塔纳举行的伊斯兰会议组织外交部长理事会第三十八届会议通过']
    ])
    const signature = doc.tree.children[2]!
    expect(signature.type === 'conclusions' && signature.children[0]).toMatchObject({
      type: 'signature',
      children: [
        { role: 'function', children: [{ value: '常驻代表' }] },
        { role: 'name', signed: true, children: [{ value: '贝尔加内姆·艾季莫娃(签名)' }] }
      ]
    })
  })

  it('reads the declaration: its preamble, 26 numbered paragraphs, and place and date', () => {
    expect(paragraphs(doc)).toEqual([
      ['main', 'text', null, '谨在此转', '附件)。'],
      ['main', 'text', null, '请将本信', '发为荷。'],
      ['annex', 'text', null, '我们，在', '明如下：'],
      ['annex', 'operative', '1', '我们重申', '与发展。'],
      ['annex', 'operative', '2', '我们决心', '的机构。'],
      ['annex', 'operative', '3', '我们强调', '动机制。'],
      ['annex', 'operative', '4', '我们确认', '的机遇。'],
      ['annex', 'operative', '5', '我们重申', '斯坦国。'],
      ['annex', 'operative', '6', '我们坚决', '的努力。'],
      ['annex', 'operative', '7', '我们谴责', '的领土。'],
      ['annex', 'operative', '8', '我们强调', '的作用。'],
      ['annex', 'operative', '9', '我们深切', '的努力。'],
      ['annex', 'operative', '10', '我们重申', '的活动。'],
      ['annex', 'operative', '11', '我们强烈', '际会议。'],
      ['annex', 'operative', '12', '需要做出', '的工作。'],
      ['annex', 'operative', '13', '我们祝贺', '的决议。'],
      ['annex', 'operative', '14', '我们赞扬', '些努力。'],
      ['annex', 'operative', '15', '我们重申', '了榜样。'],
      ['annex', 'operative', '16', '我们呼吁', '的行为。'],
      ['annex', 'operative', '17', '我们认识', '动计划。'],
      ['annex', 'operative', '18', '我们确认', '业基金。'],
      ['annex', 'operative', '19', '我们强调', '的计划。'],
      ['annex', 'operative', '20', '我们感到', '的愿景。'],
      ['annex', 'operative', '21', '我们认识', '营活动。'],
      ['annex', 'operative', '22', '我们重申', '化首都。'],
      ['annex', 'operative', '23', '我们支持', '南合作。'],
      ['annex', 'operative', '24', '我们呼吁', '间合作。'],
      ['annex', 'operative', '25', '我们深切', '处网络。'],
      ['annex', 'operative', '26', '我们深切', '得成功。']
    ])
    const annex = doc.tree.children[3]!
    const closing = annex.type === 'attachment' ? annex.children[annex.children.length - 1] : undefined
    expect(closing).toMatchObject({ type: 'conclusions', children: [{ type: 'adoption', role: 'placeAndDate', date: '2011-06-30', place: '阿斯塔纳' }] })
  })

  it('joins paragraphs over page breaks that indent a continued line', () => {
    const texts = nodesOf<Paragraph>(doc, 'paragraph').map((p) => inlineText(p.children))
    expect(texts).toContainEqual(expect.stringContaining('我们还谴责以色列旨在改变被占领东耶路撒冷'))
    expect(texts).toContainEqual(expect.stringContaining('讨论在中东建立无核武器'))
  })
})
