/**
 * The layering of pipeline/ (README, "Architecture"). Each stage is a function from one typed
 * value to the next: it may use what is shared (core, model, lang, validate, types), never
 * another stage, so that a stage can be read, tested and replaced alone. The run engine (batch)
 * and the composition of one document (document) sit above the stages; the tools above all: the
 * CLI, and the evaluation against gold (eval), which builds documents as a run does.
 */
const STAGES = 'read|normalize|structure|crossref|lint|emit'
const SHARED = 'core|model|lang|validate|types'

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment:
        'A cycle ties its modules into one: none of them can be understood or changed alone. (A cycle of type imports alone, a writer naming the type of its registry, is no cycle at run time; between folders the rules below forbid it all the same.)',
      from: { path: '^pipeline/' },
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } }
    },
    {
      name: 'stage-imports-stage',
      severity: 'error',
      comment: 'A stage imports core, model, lang, validate and types, never another stage: what two stages share belongs in pipeline/model/.',
      from: { path: `^pipeline/(${STAGES})/` },
      to: { path: '^pipeline/([^/]+)/', pathNot: [`^pipeline/(${SHARED})/`, '^pipeline/$1/'] }
    },
    {
      name: 'model-imports-above',
      severity: 'error',
      comment: 'The model is what the stages share: it may use only what is below it.',
      from: { path: '^pipeline/model/' },
      to: { path: '^pipeline/', pathNot: '^pipeline/(model|core|lang|validate|types)/' }
    },
    {
      name: 'lang-imports-above',
      severity: 'error',
      comment: 'A language profile is data and small functions over text: core and types only.',
      from: { path: '^pipeline/lang/' },
      to: { path: '^pipeline/', pathNot: '^pipeline/(lang|core|types)/' }
    },
    {
      name: 'base-imports-above',
      severity: 'error',
      comment: 'core and validate are the floor everything stands on: they import only types (and validate core).',
      from: { path: '^pipeline/(core|validate)/' },
      to: { path: '^pipeline/', pathNot: '^pipeline/(core|types)/' }
    },
    {
      name: 'types-import-code',
      severity: 'error',
      comment: 'types/ is generated from schemas/ (and a few hand-written companions): it depends on nothing.',
      from: { path: '^pipeline/types/' },
      to: { path: '^pipeline/', pathNot: '^pipeline/types/' }
    },
    {
      name: 'io-beyond-files',
      severity: 'error',
      comment: 'io is the file system only: finding, reading and writing files. It knows no stage.',
      from: { path: '^pipeline/io/' },
      to: { path: '^pipeline/', pathNot: '^pipeline/(io|core|types)/' }
    },
    {
      name: 'document-imports-run',
      severity: 'error',
      comment: 'One document goes through the stages without knowing of the run around it.',
      from: { path: '^pipeline/document/' },
      to: { path: '^pipeline/(batch|cli)/' }
    },
    {
      name: 'imports-tool',
      severity: 'error',
      comment:
        'The tools over the whole pipeline, the commands (cli) and the measure of its reading against gold (eval), stand on it and on nothing of each other: the run engine returns results and messages, commands parse arguments and print, the evaluation reads a corpus and scores.',
      from: { path: '^pipeline/([^/]+)/' },
      to: { path: '^pipeline/(cli|eval)/', pathNot: '^pipeline/$1/' }
    }
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // Type-only imports are dependencies too: a type from another stage ties the two as surely.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.js'] }
  }
}
