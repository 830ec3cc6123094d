import { Worker } from 'node:worker_threads'
import { pathToFileURL } from 'node:url'
import { join } from 'node:path'
import type { Diagnostic } from '../pipeline/core/diagnostic.js'
import type { SourceInput } from '../pipeline/io/sources.js'
import { ROOT } from './helpers.js'

/**
 * The lint findings of a source built and linted on a thread of its own, from the built pipeline
 * (dist/, which `npm test` builds first). A megabyte text holds a thread for seconds without a
 * turn of its event loop; in the test runner's own thread that starves its messages, and on a busy
 * machine vitest gives up on them ("Timeout calling onTaskUpdate") though every test passes.
 */
export function lintedOnThread(input: SourceInput): Promise<Diagnostic[]> {
  const script = `
    const { parentPort, workerData } = require('node:worker_threads')
    ;(async () => {
      const { buildDocument } = await import(workerData.build)
      const { lint } = await import(workerData.lint)
      const result = await buildDocument(workerData.input, { corpus: new Map() }, [])
      if (!result.document) throw new Error('did not build: ' + JSON.stringify(result.diagnostics.slice(0, 3)))
      parentPort.postMessage(lint(result.document))
    })().catch((error) => parentPort.postMessage({ error: String(error?.stack ?? error) }))
  `
  const module = (path: string) => pathToFileURL(join(ROOT, 'dist', 'pipeline', path)).href
  const worker = new Worker(script, { eval: true, workerData: { input, build: module('document/build.js'), lint: module('lint/index.js') } })
  return new Promise((resolve, reject) => {
    worker.once('message', (message: Diagnostic[] | { error: string }) => {
      void worker.terminate()
      if ('error' in message) reject(new Error(message.error))
      else resolve(message)
    })
    worker.once('error', reject)
  })
}
