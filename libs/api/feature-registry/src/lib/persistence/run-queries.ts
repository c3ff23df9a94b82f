import type { EntityManager } from 'typeorm';

type Thunks<T extends readonly unknown[]> = { readonly [K in keyof T]: () => Promise<T[K]> };

/**
 * Runs independent reads in parallel on the pool, or one after another inside a transaction:
 * a transaction is one connection, and node-postgres will not run two queries on it at once.
 */
export async function runQueries<T extends readonly unknown[]>(
  manager: EntityManager,
  thunks: Thunks<T>,
): Promise<T> {
  if (manager.queryRunner) {
    const results: unknown[] = [];
    for (const thunk of thunks) results.push(await thunk());
    return results as unknown as T;
  }
  return (await Promise.all(thunks.map((thunk) => thunk()))) as unknown as T;
}
