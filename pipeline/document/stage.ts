import { setImmediate as turn } from 'node:timers/promises'

/** The stages one source goes through, by the names the bench profile gives their times under. */
export type StageName = 'read' | 'normalize' | 'structure' | 'crossref' | 'validate' | 'lint' | 'emit'

/**
 * One stage of a document's build: what it adds to the file it is given, or `undefined` when the
 * file goes no further (the messages it put on the file say why), as a unified plugin stops a
 * file with a fatal message.
 */
export interface Stage<File, Added extends object> {
  readonly name: StageName
  run(file: File): Added | undefined | Promise<Added | undefined>
}

/** Runs a stage's work; a caller that times the stages (the bench) passes its own. */
export type AroundStage = <T>(name: StageName, run: () => Promise<T>) => Promise<T>

const direct: AroundStage = (_name, run) => run()

/**
 * Stages in order over one file, each given the file with what the stages before it added: the
 * type checker sees that every stage runs after the stages whose fields it reads, and a stage is
 * added by adding it to the list.
 */
export class Stages<Start extends object, File extends Start = Start> {
  private constructor(private readonly stages: readonly Stage<never, object>[]) {}

  /** No stage yet, over files that start as `Start`. */
  static over<Start extends object>(): Stages<Start> {
    return new Stages<Start>([])
  }

  then<Added extends object>(stage: Stage<File, Added>): Stages<Start, File & Added> {
    return new Stages<Start, File & Added>([...this.stages, stage])
  }

  get names(): readonly StageName[] {
    return this.stages.map((s) => s.name)
  }

  /**
   * The file through every stage, or up to the one that stopped it: the same object, with what
   * each stage added (later stages' fields absent when one stopped).
   */
  async run(file: Start, around: AroundStage = direct): Promise<Start & Partial<File>> {
    for (const stage of this.stages) {
      // A turn of the event loop between stages: a build in the caller's own thread (one job, an
      // editor, a test runner) holds it for one stage at most, not a whole document, so signals,
      // a progress bar and the caller's messages are not kept waiting (microseconds a stage).
      await turn()
      const added = await around(stage.name, async () => stage.run(file as never))
      if (added === undefined) break
      Object.assign(file, added)
    }
    return file as Start & Partial<File>
  }
}
