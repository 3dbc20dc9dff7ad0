import type { z } from 'zod';
import { BoardError } from './errors';

/** Validates a command's input; a refusal names the first offending field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue?.path.length ? `${issue.path.join('.')}: ` : '';
    throw new BoardError('invalid_input', `${where}${issue?.message ?? 'invalid input'}`);
  }
  return result.data;
}
