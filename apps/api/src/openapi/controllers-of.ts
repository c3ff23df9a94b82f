import type { DynamicModule, ForwardReference, Type } from '@nestjs/common';

type ModuleRef = Type<unknown> | DynamicModule | ForwardReference | Promise<DynamicModule>;

/**
 * Every controller an app module wires, found by walking its imports: lets a test build the
 * OpenAPI document from the real modules without opening the database or reaching Keycloak.
 */
export function controllersOf(root: ModuleRef): Type<unknown>[] {
  const found = new Set<Type<unknown>>();
  const seen = new Set<unknown>();
  const visit = (ref: ModuleRef | undefined): void => {
    if (!ref || seen.has(ref)) return;
    seen.add(ref);
    if (ref instanceof Promise)
      throw new Error('controllersOf: async module imports are not walked');
    if ('forwardRef' in ref) return visit(ref.forwardRef() as ModuleRef);
    const dynamic = 'module' in ref ? ref : undefined;
    const type = (dynamic?.module ?? ref) as Type<unknown>;
    for (const c of [
      ...((Reflect.getMetadata('controllers', type) as Type<unknown>[] | undefined) ?? []),
      ...(dynamic?.controllers ?? []),
    ])
      found.add(c);
    for (const i of [
      ...((Reflect.getMetadata('imports', type) as ModuleRef[] | undefined) ?? []),
      ...(dynamic?.imports ?? []),
    ])
      visit(i);
  };
  visit(root);
  return [...found];
}
