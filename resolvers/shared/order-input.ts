import { badInput } from './arguments.ts';

const MAX_LINES = 50;
const MAX_QUANTITY = 99;
const KEY = /^[A-Za-z0-9._:-]{8,128}$/;

/** Validates order lines before any backend call; errors name the offending argument path. */
export function orderLines(items: readonly { productId: string; quantity: number }[], argument: string): { productId: string; quantity: number }[] {
  if (items.length === 0 || items.length > MAX_LINES) throw badInput(argument, `must hold 1 to ${MAX_LINES} lines`);
  return items.map((item, index) => {
    if (!Number.isInteger(item.quantity) || item.quantity < 1 || item.quantity > MAX_QUANTITY) {
      throw badInput(`${argument}[${index}].quantity`, `must be between 1 and ${MAX_QUANTITY}`);
    }
    if (item.productId.trim() === '') throw badInput(`${argument}[${index}].productId`, 'must not be empty');
    return { productId: item.productId, quantity: item.quantity };
  });
}

/** An idempotency key: 8 to 128 URL-safe characters (a UUID fits). */
export function idempotencyKey(value: string, argument: string): string {
  if (!KEY.test(value)) throw badInput(argument, 'must be 8 to 128 characters of A-Z a-z 0-9 . _ : -');
  return value;
}
