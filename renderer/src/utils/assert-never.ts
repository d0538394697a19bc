// Exhaustiveness check for switches over unions: a new member makes the compiler point here.
export function assertNever(value: never): never {
  throw new Error(`Unexpected value: ${String(value)}`);
}
