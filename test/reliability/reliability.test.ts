/**
 * The reliability and security suite of issue 13, black-box against running servers. Reduced
 * sizes run inside `npm test`; `npm run test:reliability` runs the full sizes (SIZE=full) and
 * prints the table of figures. Each scenario asserts its invariants after its figures are kept,
 * so the table shows them even when it fails.
 */
import { afterAll, describe, expect, it } from 'vitest'
import { SIZE } from './harness'
import { type Outcome, SCENARIOS, table } from './scenarios'

const outcomes: Outcome[] = []
const TIMEOUT = SIZE === 'full' ? 20 * 60_000 : 90_000

describe(`reliability and security (${SIZE} size)`, () => {
  for (const scenario of SCENARIOS) {
    it(
      scenario.name,
      async () => {
        const started = Date.now()
        const outcome: Outcome = { scenario, failed: [], ms: 0 }
        outcomes.push(outcome)
        try {
          outcome.figures = await scenario.run(SIZE)
        } catch (error) {
          outcome.error = error instanceof Error ? error.message : String(error)
          throw error
        } finally {
          outcome.ms = Date.now() - started
        }
        const checks = scenario.invariants(outcome.figures, SIZE)
        outcome.failed = checks.filter(([, ok]) => !ok).map(([description]) => description)
        expect(outcome.failed, `figures: ${JSON.stringify(outcome.figures)}`).toEqual([])
      },
      TIMEOUT,
    )
  }

  afterAll(() => {
    console.log(`\n${table(outcomes, SIZE)}\n`)
  })
})
