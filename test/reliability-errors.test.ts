import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { buildDocument } from '../pipeline/document/build.js'
import { REPORTERS, report } from '../pipeline/cli/reporters/index.js'
import { formatDiagnostic } from '../pipeline/cli/report.js'
import type { Diagnostic } from '../pipeline/core/diagnostic.js'
import { readSource } from '../pipeline/io/sources.js'
import { undoc, workspace } from './cli-helpers.js'
import { build, SEEDS, seedText } from './helpers.js'
import { resolution } from './lint/helpers.js'

const letter = seedText(SEEDS.letter)
const encode = (s: string) => new TextEncoder().encode(s)

function withSidecar(sidecar: string, text = letter) {
  return buildDocument({ path: 'input/l.zh.txt', bytes: encode(text), sidecar: { path: 'input/l.zh.meta.json', bytes: encode(sidecar) } }, { corpus: new Map() }, [])
}

describe('sidecars', () => {
  it('refuses a sidecar past the size limit, naming the sidecar, and builds nothing of its source', async () => {
    const result = await withSidecar(JSON.stringify({ title: '标题'.repeat(40_000) }))
    expect(result.outputs).toEqual([])
    const own = result.diagnostics.filter((d) => d.file === 'input/l.zh.meta.json')
    expect(own.map((d) => [d.ruleId, d.reason])).toEqual([['sidecar-too-large', 'The sidecar is 234 KiB, more than the 64 KiB a sidecar may be: it holds a few fields of metadata.']])
  })

  it('points a schema error at the value in the sidecar, not at 1:1', async () => {
    const result = await withSidecar('{\n  "symbol": "A/RES/67/264",\n  "date": "yesterday",\n  "colour": "red"\n}\n')
    const own = result.diagnostics.filter((d) => d.file === 'input/l.zh.meta.json')
    expect(own.map((d) => `${d.line}:${d.column}-${d.endLine}:${d.endColumn}`).sort()).toEqual(['3:11-3:22', '4:3-4:11'])
    expect(own.find((d) => d.line === 3)!.reason).toMatch(/at \/date/)
  })

  it('finds a place for a schema error in a sidecar nested too deep for the position parser', async () => {
    const result = await withSidecar(`{"title": ${'['.repeat(20_000)}${']'.repeat(20_000)}}`)
    const own = result.diagnostics.filter((d) => d.file === 'input/l.zh.meta.json')
    expect(own.length).toBeGreaterThan(0)
    expect(own.every((d) => d.ruleId === 'sidecar-schema')).toBe(true)
    expect(result.diagnostics.filter((d) => d.ruleId === 'internal-error')).toEqual([])
  })

  it('does not quote a sidecar that is not JSON (a link to /etc/passwd) beyond the character at fault', async () => {
    const result = await withSidecar('root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1::/usr/sbin:/usr/sbin/nologin\n')
    const own = result.diagnostics.filter((d) => d.file === 'input/l.zh.meta.json')
    expect(own.map((d) => d.reason)).toEqual(['The sidecar is not valid JSON: unexpected character "r".'])
  })

  it('reports an unreadable sidecar as the sidecar, not as its source', () => {
    const dir = workspace()
    const source = join(dir, SEEDS.letter)
    const folder = join(dir, 'input', 'folder.meta.json')
    mkdirSync(folder)
    const read = readSource({ path: SEEDS.letter, absolute: source, sidecar: folder }, dir)
    expect(read.ok ? [] : read.diagnostics.map((d) => [d.file, d.reason])).toEqual([['input/folder.meta.json', `Cannot read the sidecar (EISDIR): ${SEEDS.letter} is not built without it.`]])
    const gone = readSource({ path: SEEDS.letter, absolute: source, sidecar: join(dir, 'input', 'gone.meta.json') }, dir)
    expect(gone.ok ? [] : gone.diagnostics.map((d) => d.file)).toEqual(['input/gone.meta.json'])
  })
})

describe('footnotes numbered past 999', () => {
  it('reads footnotes 999 to 1001 and their references, and a year alone on a line as no reference', async () => {
    const source = resolution({
      preamble: ['注意到秘书长的报告，\n999', '回顾其各项决议，\n1000', '又回顾其2011年的决定，\n1001\n 和声明，', '注意到\n2011\n年的报告，'],
      footnotes: ['999\n A/67/280。', '1000\n A/67/281。', '1001 A/67/282。']
    })
    const doc = (await build('input/long.zh.txt', source)).document!
    const footnotes = doc.tree.children.find((p) => p.type === 'footnotes')
    expect(footnotes?.type === 'footnotes' && footnotes.children.map((f) => f.identifier)).toEqual(['999', '1000', '1001'])
    const references = JSON.stringify(doc.tree).match(/"type":"footnoteReference","identifier":"(\d+)"/g)
    expect(references).toEqual(['999', '1000', '1001'].map((n) => `"type":"footnoteReference","identifier":"${n}"`))
  })
})

describe('front matter', () => {
  it('reports aliases that expand without end (billion laughs) as a front-matter error, not an internal one', async () => {
    const lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for (let k = 1; k < 9; k++)
      lines.push(
        `${String.fromCharCode(97 + k)}: &${String.fromCharCode(97 + k)} [${Array(9)
          .fill(`*${String.fromCharCode(96 + k)}`)
          .join(',')}]`
      )
    const result = await build('input/laughs.zh.md', `---\n${lines.join('\n')}\n---\n\n大会，\n\n决定。\n`)
    expect(result.diagnostics.map((d) => [d.line, d.ruleId, d.reason])).toEqual([[1, 'front-matter', "The front matter's aliases (*name) expand to more than 100 copies: metadata needs none."]])
  })

  it('refuses a front matter past the size limit at its line', async () => {
    const result = await build('input/big.zh.md', `---\ntitle: "${'题'.repeat(70_000)}"\n---\n\n大会，\n\n决定。\n`)
    expect(result.diagnostics.map((d) => [d.line, d.ruleId])).toEqual([[1, 'front-matter']])
    expect(result.diagnostics[0]!.reason).toMatch(/^The front matter is 68 KiB long, more than the 64 KiB/)
  })
})

describe('the command line', () => {
  it('refuses a named pipe named on the command line, and one in a folder, instead of building nothing with success', async () => {
    const dir = workspace()
    execFileSync('mkfifo', [join(dir, 'pipe.zh.txt'), join(dir, 'input', 'queue.zh.txt')])
    const named = await undoc(dir, 'build', 'pipe.zh.txt')
    expect(named.code).toBe(2)
    expect(named.stderr).toContain('pipe.zh.txt:1:1  error  Not a regular file (a named pipe): undoc reads source texts from files and folders.  usage')
    const walked = await undoc(dir, 'build')
    expect(walked.code).toBe(2)
    expect(walked.stderr).toContain('input/queue.zh.txt:1:1  error  Not a regular file (a named pipe)')
    expect(existsSync(join(dir, 'output', 'a-res-67-264.zh.json'))).toBe(true)
  }, 120_000)

  it('refuses shard counts out of range, and writes no shard file', async () => {
    const dir = workspace()
    for (const shard of ['1/99999999999999999999', '1/10001', '0/3', '4/3', '1/0', '1/3.5', ' 1/3', '1/1e3']) {
      const run = await undoc(dir, 'build', '--shard', shard)
      expect(run.code, shard).toBe(2)
      expect(run.stderr, shard).toContain('--shard takes I/N, the I-th of N shares (1 ≤ I ≤ N ≤ 10000)')
    }
    expect((await undoc(dir, 'build', '--shard', '-1/3')).code).toBe(2)
    expect(existsSync(join(dir, 'output')) ? readdirSync(join(dir, 'output')) : []).toEqual([])
  })
})

describe('the summary', () => {
  it('counts a document that failed as failed, not as built, and one with lint errors only as built', async () => {
    const dir = workspace()
    writeFileSync(join(dir, 'input', 'binary.zh.txt'), '\u0000 not a text')
    writeFileSync(join(dir, 'input', 'lint.zh.txt'), resolution({ preamble: ['注意到2013年2月30日的会议，'] }))
    const run = await undoc(dir, 'build', '--formats', 'json')
    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(/^4 documents: 3 built, 0 skipped, 1 failed: 2 errors, /m)
  }, 120_000)
})

describe('reporters and file names with control characters', () => {
  const hostile = 'input/a\nb\u001b]0;pwned\u0007\u202ec.zh.txt'
  const diagnostic: Diagnostic = { file: hostile, line: 1, column: 1, severity: 'error', ruleId: 'io-error', source: 'undoc', reason: `Cannot read ${hostile}.` }

  it("escapes them in the build's lines and in every reporter", () => {
    const line = formatDiagnostic(diagnostic)
    expect(line).toBe('input/a\\nb\\x1b]0;pwned\\x07\\u202ec.zh.txt:1:1  error  Cannot read input/a\\nb\\x1b]0;pwned\\x07\\u202ec.zh.txt.  io-error')
    for (const reporter of REPORTERS) {
      const out = reporter.format(report([diagnostic], [], 1), { color: false })
      if (reporter.name === 'json' || reporter.name === 'sarif') {
        // For programs: JSON escapes C0 controls, and the name read back is the file's own.
        // eslint-disable-next-line no-control-regex -- it looks for the control characters left unescaped
        expect(out, reporter.name).not.toMatch(/[\u0000-\u0009\u000b-\u001f]/)
        expect(out, reporter.name).toContain(reporter.name === 'json' ? JSON.stringify(hostile) : encodeURIComponent('a\nb\u001b]0;pwned\u0007\u202ec.zh.txt'))
      } else {
        // eslint-disable-next-line no-control-regex -- it looks for the control characters left unescaped
        expect(out, reporter.name).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e]/)
        // GitHub's own escape for a newline in a workflow command is %0A.
        expect(out, reporter.name).toContain(`a${reporter.name === 'github' ? '%0A' : '\\n'}b\\x1b]0;pwned\\x07\\u202ec.zh.txt`)
      }
    }
  })

  it('escapes a real file named so, built from the command line', async () => {
    const dir = workspace()
    const name = 'x\u001b[2Jy.zh.txt'
    writeFileSync(join(dir, 'input', name), '\u0000binary')
    symlinkSync(join(dir, 'input', name), join(dir, 'link\nname.zh.txt'))
    const run = await undoc(dir, 'build')
    expect(run.stderr).toContain('input/x\\x1b[2Jy.zh.txt:1:1  error')
    expect(run.stderr).not.toContain('\u001b')
  }, 120_000)
})
