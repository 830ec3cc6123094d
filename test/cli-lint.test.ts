import { readFileSync, rmSync, statSync, writeFileSync, mkdirSync, readdirSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import AjvDraft04 from 'ajv-draft-04'
import addFormats from 'ajv-formats'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import type { Diagnostic } from '../pipeline/core/diagnostic.js'
import type { ValidationReport } from '../pipeline/types/report.js'
import { EMITTERS } from '../pipeline/emit/index.js'
import { main } from '../pipeline/cli/main.js'
import { githubReporter } from '../pipeline/cli/reporters/github.js'
import { report } from '../pipeline/cli/reporters/index.js'
import { RULES } from '../pipeline/lint/index.js'
import { validate } from '../pipeline/validate/index.js'
import { Capture, NO_PDF, undoc, workspace } from './cli-helpers.js'
import { ROOT } from './helpers.js'
import { resolution } from './lint/helpers.js'

const UNPAIRED = 'Unpaired ”: no “ opens it in this paragraph.'
/** Findings of the seeds with the default settings: 3 + 31 former names, 1 unpaired quotation mark. */
const SEED_WARNINGS = 35

/** Runs undoc with a stdout that is (or is not) a terminal and the given environment. */
async function undocAt(cwd: string, tty: boolean, env: NodeJS.ProcessEnv, ...args: string[]): Promise<{ code: number; stdout: string }> {
  const stdout = Object.assign(new Capture(), { isTTY: tty })
  const code = await main(args, { stdout, stderr: new Capture(), cwd, env })
  return { code, stdout: stdout.text }
}

function config(dir: string, value: unknown, name = 'undoc.config.json'): void {
  writeFileSync(join(dir, name), typeof value === 'string' ? value : JSON.stringify(value, null, 2))
}

describe('undoc validate', () => {
  it("reports the seeds' warnings grouped by file, with a summary, and exits 0", async () => {
    const run = await undoc(workspace(), 'validate')
    expect(run.code).toBe(0)
    const lines = run.stdout.split('\n')
    expect(lines[lines.indexOf('input/a-res-67-264.zh.txt') + 4]).toBe(`  299:28  warning  ${UNPAIRED}  paired-punctuation`)
    expect(lines).toContain('input/a-65-letter-kazakhstan-astana-declaration.zh.txt')
    expect(run.stdout).toMatch(new RegExp(`\\n2 documents: 0 errors, ${SEED_WARNINGS} warnings\\n$`))
    expect(run.stdout).not.toContain('\u001b[')
  })

  it('colours only a terminal, and never with NO_COLOR or FORCE_COLOR=0', async () => {
    const dir = workspace()
    expect((await undocAt(dir, true, {}, 'validate')).stdout).toContain('\u001b[33mwarning\u001b[39m')
    expect((await undocAt(dir, false, { FORCE_COLOR: '1' }, 'validate')).stdout).toContain('\u001b[')
    expect((await undocAt(dir, true, { NO_COLOR: '1' }, 'validate')).stdout).not.toContain('\u001b[')
    expect((await undocAt(dir, true, { FORCE_COLOR: '0' }, 'validate')).stdout).not.toContain('\u001b[')
    expect((await undocAt(dir, false, {}, 'validate')).stdout).not.toContain('\u001b[')
  })

  it('fails on warnings only past --max-warnings N', async () => {
    const dir = workspace()
    expect((await undoc(dir, 'validate', '--max-warnings', String(SEED_WARNINGS))).code).toBe(0)
    const over = await undoc(dir, 'validate', '--max-warnings', String(SEED_WARNINGS - 1))
    expect(over.code).toBe(1)
    expect(over.stderr).toContain(`${SEED_WARNINGS} warnings, more than --max-warnings ${SEED_WARNINGS - 1} allows`)
    expect((await undoc(dir, 'validate', '--max-warnings', 'many')).code).toBe(2)
  })

  it('exits 1 for a lint error, and for a file the pipeline cannot build', async () => {
    const dir = workspace()
    writeFileSync(join(dir, 'input', 'gap.zh.txt'), resolution({ operative: ['欢迎合作；', '决定继续审议这个问题。'] }).replace(' 2. 决定', ' 3. 决定'))
    const run = await undoc(dir, 'validate')
    expect(run.code).toBe(1)
    expect(run.stdout).toMatch(/^input\/gap\.zh\.txt\n {2}\d+:2 {2}error {2}Paragraph 3 follows paragraph 1: paragraph 2 is missing\. {2}paragraph-numbering$/m)
    const broken = workspace()
    writeFileSync(join(broken, 'input', 'broken.zh.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2]))
    expect((await undoc(broken, 'validate')).code).toBe(1)
  })

  it('exits 2 for an unknown format or a path that is not there', async () => {
    const dir = workspace()
    expect((await undoc(dir, 'validate', '--format', 'xml')).code).toBe(2)
    expect((await undoc(dir, 'validate', 'no-such-folder')).code).toBe(2)
  })

  it('prints JSON valid against schemas/report.schema.json, one object per file', async () => {
    const run = await undoc(workspace(), 'validate', '--format', 'json')
    const files = JSON.parse(run.stdout) as ValidationReport
    expect(validate('report.schema.json', files)).toEqual([])
    expect(files.map((f) => [f.file, f.warningCount])).toEqual([
      ['input/a-65-letter-kazakhstan-astana-declaration.zh.txt', 31],
      ['input/a-res-67-264.zh.txt', 4]
    ])
    expect(files[1]!.messages.at(-1)).toMatchObject({ line: 299, column: 28, endLine: 299, endColumn: 29, severity: 'warning', ruleId: 'paired-punctuation', source: 'undoc-lint', reason: UNPAIRED })
  })

  it('prints GitHub workflow commands, one per finding', async () => {
    const run = await undoc(workspace(), 'validate', '--format', 'github')
    const lines = run.stdout.trim().split('\n')
    expect(lines).toHaveLength(SEED_WARNINGS)
    expect(lines).toContain(`::warning file=input/a-res-67-264.zh.txt,line=299,col=28,endLine=299,endColumn=29,title=paired-punctuation::${UNPAIRED}`)
  })

  it('escapes % CR LF in a GitHub message and also : , in its properties', () => {
    const d: Diagnostic = { file: 'in put/a,b:c.txt', line: 2, column: 3, severity: 'error', ruleId: 'x:y', source: 'undoc', reason: '100% wrong,\r\nsee: here' }
    expect(githubReporter.format(report([d], [], 1), { color: false })).toBe('::error file=in put/a%2Cb%3Ac.txt,line=2,col=3,title=x%3Ay::100%25 wrong,%0D%0Asee: here\n')
  })

  it("prints SARIF 2.1.0 valid against the official schema, with the rules' metadata", async () => {
    const run = await undoc(workspace(), 'validate', '--format', 'sarif')
    const log = JSON.parse(run.stdout) as {
      version: string
      runs: {
        tool: { driver: { rules: { id: string; shortDescription: { text: string } }[] } }
        results: { ruleId: string; ruleIndex: number; level: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number } } }[] }[]
      }[]
    }
    const schemaPath = createRequire(import.meta.url).resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json')
    // The schema is draft-04, and one of its patterns is not valid with the u flag.
    const ajv = new AjvDraft04.default({ allErrors: true, strict: false, unicodeRegExp: false })
    addFormats.default(ajv)
    const valid = ajv.compile(JSON.parse(readFileSync(schemaPath, 'utf8')) as object)
    expect(valid(log), JSON.stringify(valid.errors)).toBe(true)
    const [sarifRun] = log.runs
    expect(sarifRun!.tool.driver.rules.map((r) => [r.id, r.shortDescription.text])).toEqual(RULES.map((r) => [r.id, r.doc]))
    expect(sarifRun!.results).toHaveLength(SEED_WARNINGS)
    const unpaired = sarifRun!.results.find((r) => r.ruleId === 'paired-punctuation')!
    expect(sarifRun!.tool.driver.rules[unpaired.ruleIndex]!.id).toBe('paired-punctuation')
    expect(unpaired.level).toBe('warning')
    expect(unpaired.locations[0]!.physicalLocation).toMatchObject({ artifactLocation: { uri: 'input/a-res-67-264.zh.txt' }, region: { startLine: 299, startColumn: 28 } })
  })
})

describe('undoc.config.json', () => {
  it('sets severities and options, and overrides them by path', async () => {
    const dir = workspace()
    config(dir, { rules: { 'renamed-organization': 'off' }, overrides: [{ files: 'input/a-res-*.txt', rules: { 'paired-punctuation': 'error' } }] })
    const run = await undoc(dir, 'validate', '--format', 'json')
    expect(run.code).toBe(1)
    const files = JSON.parse(run.stdout) as { file: string; errorCount: number; warningCount: number }[]
    expect(files.map((f) => [f.errorCount, f.warningCount])).toEqual([
      [0, 0],
      [1, 0]
    ])
  })

  it('is read from --config FILE instead of the working folder', async () => {
    const dir = workspace()
    config(dir, { rules: { 'paired-punctuation': 'off', 'renamed-organization': 'off' } }, 'ci.json')
    expect((await undoc(dir, 'validate', '--config', 'ci.json', '--max-warnings', '0')).code).toBe(0)
    expect((await undoc(dir, 'validate', '--config', 'missing.json')).code).toBe(2)
  })

  it("matches override patterns against paths relative to the configuration's folder", async () => {
    const dir = workspace()
    mkdirSync(join(dir, 'ci'))
    config(dir, { overrides: [{ files: '../input/a-res-*.txt', rules: { 'paired-punctuation': 'error' } }] }, 'ci/lint.json')
    const run = await undoc(dir, 'validate', '--config', 'ci/lint.json', '--format', 'json')
    expect(run.code).toBe(1)
    expect((JSON.parse(run.stdout) as { errorCount: number }[]).map((f) => f.errorCount)).toEqual([0, 1])
  })

  it('exits 2 with a diagnostic at the line and column of a problem in it, in the format asked for', async () => {
    const dir = workspace()
    config(dir, '{\n  "rules": {\n    "paired-punctuation": error\n  }\n}')
    const syntax = await undoc(dir, 'validate')
    expect(syntax.code).toBe(2)
    expect(syntax.stdout).toContain('undoc.config.json\n  3:27  error  The configuration is not valid JSON: unexpected character "e".  config-json')
    config(dir, '{\n  "rules": {\n    "paired-punctuations": "error"\n  }\n}')
    const unknown = await undoc(dir, 'validate', '--format', 'github')
    expect(unknown.code).toBe(2)
    expect(unknown.stdout).toMatch(/^::error file=undoc\.config\.json,line=3,col=5,endLine=3,endColumn=26,title=unknown-rule::Unknown rule "paired-punctuations"\. The rules are: /)
    config(dir, '{ "rules": { "date-valid": ["error", { "allowAfterDocumentDate": 1 }] } }')
    const option = await undoc(dir, 'build', ...NO_PDF)
    expect(option.code).toBe(2)
    expect(option.stderr).toContain('undoc.config.json:1:66  error  Bad option for rule "date-valid": allowAfterDocumentDate must be boolean.  rule-options')
    config(dir, '{ "rulez": {} }')
    expect((await undoc(dir, 'validate')).stdout).toContain('1:3  error  Unknown key "rulez" at /.  config-schema')
  })
})

describe('undoc build with lint', () => {
  it('prints lint findings; lint errors make the exit code 1 but the outputs are still written', async () => {
    const dir = workspace()
    config(dir, { rules: { 'paired-punctuation': 'error' } })
    const run = await undoc(dir, 'build', ...NO_PDF)
    expect(run.code).toBe(1)
    expect(run.stderr).toContain(`input/a-res-67-264.zh.txt:299:28  error  ${UNPAIRED}  paired-punctuation`)
    const seeds = ['a-65-letter-kazakhstan-astana-declaration.zh', 'a-res-67-264.zh']
    const outputs = readdirSync(join(dir, 'output')).filter((n) => !n.startsWith('.'))
    expect(outputs.sort()).toEqual([...seeds.flatMap((s) => [`${s}.akn.xml`, `${s}.json`, `${s}.md`]), 'index.json'].sort())
  })
})

describe('undoc check', () => {
  it('exits 0 when the outputs are current and writes nothing', async () => {
    const dir = workspace()
    expect((await undoc(dir, 'build', ...NO_PDF)).code).toBe(0)
    const before = readdirSync(join(dir, 'output')).map((n) => [n, statSync(join(dir, 'output', n)).mtimeMs])
    const run = await undoc(dir, 'check')
    expect(run.code).toBe(0)
    // Every edition of the two seeds but the PDF, and the index.
    expect(run.stderr).toBe(`${2 * EMITTERS.filter((e) => e.extension !== '.pdf').length + 1} outputs current\n`)
    expect(readdirSync(join(dir, 'output')).map((n) => [n, statSync(join(dir, 'output', n)).mtimeMs])).toEqual(before)
  })

  it('exits 1 naming the stale, missing and extra outputs', async () => {
    const dir = workspace()
    await undoc(dir, 'build', ...NO_PDF)
    writeFileSync(join(dir, 'output', 'a-res-67-264.zh.json'), '{}\n')
    writeFileSync(join(dir, 'output', 'a-65-letter-kazakhstan-astana-declaration.zh.md'), '# 信\n')
    writeFileSync(join(dir, 'output', 'a-res-67-264.zh.akn.xml'), '<akomaNtoso/>\n')
    rmSync(join(dir, 'output', 'index.json'))
    writeFileSync(join(dir, 'output', 'withdrawn.zh.json'), '{}\n')
    writeFileSync(join(dir, 'output', 'notes.txt'), 'not an output\n')
    const run = await undoc(dir, 'check')
    expect(run.code).toBe(1)
    expect(run.stderr.split('\n')).toEqual([
      'output/a-65-letter-kazakhstan-astana-declaration.zh.md  stale: a build now writes something else',
      'output/a-res-67-264.zh.akn.xml  stale: a build now writes something else',
      'output/a-res-67-264.zh.json  stale: a build now writes something else',
      'output/index.json  missing: a build writes it, and it is not there',
      'output/withdrawn.zh.json  extra: no source builds it',
      '5 outputs not current: run undoc build and commit output/',
      ''
    ])
  })

  it('compares with another folder, and finds every output missing when there is none', async () => {
    const dir = workspace()
    await undoc(dir, 'build', ...NO_PDF, '--out', 'published')
    expect((await undoc(dir, 'check', '--out', 'published')).code).toBe(0)
    mkdirSync(join(dir, 'empty'))
    const run = await undoc(dir, 'check', '--out', 'empty')
    expect(run.code).toBe(1)
    expect(run.stderr).toContain('output/'.replace('output', 'empty') + 'index.json  missing')
  })
})

describe('the CI workflow', () => {
  it('installs with npm ci on Node 20, validates input/ with the github reporter and runs undoc check', () => {
    const workflow = parse(readFileSync(join(ROOT, '.github', 'workflows', 'validate.yml'), 'utf8')) as {
      on: object
      jobs: Record<string, { steps: { uses?: string; run?: string; with?: Record<string, unknown> }[] }>
    }
    expect(Object.keys(workflow.on)).toEqual(['push', 'pull_request'])
    const steps = Object.values(workflow.jobs)[0]!.steps
    expect(steps.map((s) => s.uses?.split('@')[0] ?? s.run)).toEqual(['actions/checkout', 'actions/setup-node', 'npm ci', 'npx undoc validate input --format github', 'npx undoc check'])
    expect(steps[1]!.with).toMatchObject({ 'node-version': 20 })
  })
})
