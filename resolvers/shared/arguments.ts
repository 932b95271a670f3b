import { GraphQLError } from 'graphql';

/** A client mistake in an argument: `BAD_USER_INPUT` naming the argument. */
export function badInput(argument: string, message: string): GraphQLError {
  return new GraphQLError(`${argument}: ${message}`, { extensions: { code: 'BAD_USER_INPUT', argument } });
}

/** Checks an integer argument against its documented range and returns it. */
export function intInRange(value: number | null | undefined, fallback: number, min: number, max: number, argument: string): number {
  const n = value ?? fallback;
  if (!Number.isInteger(n) || n < min || n > max) throw badInput(argument, `must be between ${min} and ${max}`);
  return n;
}

/** A non-empty optional string argument, trimmed; undefined when absent or blank. */
export function optionalText(value: string | null | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}
