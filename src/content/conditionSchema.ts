/**
 * Conditions in the content (rules/): json-rules-engine's shape, { all | any | not } over
 * { fact, operator, value }, with a closed list of operators and no string expressions. Every
 * operator except `unanswered` is false when the fact has no answer, so a rule never fires on a
 * question nobody was asked. Build and test time only, like ./schema.ts.
 */
import { z } from 'zod'

export const operators = [
  'is', //          single choice equals value
  'isNot', //       single choice answered, and not value
  'in', //          single choice is one of values
  'includes', //    multiple choice contains value
  'includesAny', // multiple choice contains any of values
  'atLeast', //     number >= value
  'atMost', //      number <= value
  'answered', //    any answer at all
  'unanswered', //  no answer (or the question is hidden)
] as const
export const Operator = z.enum(operators)

export const Fact = z.strictObject({
  fact: z.string().min(1),
  operator: Operator,
  value: z.union([z.string(), z.number(), z.array(z.string()).min(1)]).optional(),
})

export type Condition =
  | z.infer<typeof Fact>
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition }
  | { always: true }

export const Condition: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    Fact,
    // A rule for everyone says so; an empty `all` is more likely a mistake, so it is refused.
    z.strictObject({ always: z.literal(true) }),
    z.strictObject({ all: z.array(Condition).min(1) }),
    z.strictObject({ any: z.array(Condition).min(1) }),
    z.strictObject({ not: Condition }),
  ]),
)

export type Operator = z.infer<typeof Operator>
export type Fact = z.infer<typeof Fact>
