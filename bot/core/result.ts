/** Expected failures inside core are values, not exceptions (see STYLE.md §5). */
export type DomainError = { readonly code: string; readonly message: string };
export type Result<T, E extends DomainError = DomainError> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: E };

export const ok = <T>(value: T): Result<T, never> => ({ ok: true, value });
export const err = <E extends DomainError>(error: E): Result<never, E> => ({ ok: false, error });

/** Exhaustiveness guard for discriminated unions. */
export function assertNever(value: never): never {
  throw new Error(`bot: unexpected value ${JSON.stringify(value)}`);
}
