/** Concepts that say what is asked about anything (over? declare? allowed?) but name no thing. */
export const GENERIC_CONCEPTS: ReadonlySet<string> = new Set(['allowance', 'excess', 'declare', 'prohibited', 'tax', 'value_allowance']);
