import type { OpenAPIObject } from '@nestjs/swagger';

type Schema = Record<string, unknown>;
const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

export interface Operation {
  id: string;
  method: string;
  path: string;
  op: {
    summary?: string;
    parameters?: Array<{ name: string; in: string; schema?: Schema; required?: boolean }>;
    requestBody?: { content: Record<string, { schema?: Schema }> };
    responses: Record<string, { content?: Record<string, { schema?: Schema }> }>;
    security?: unknown[];
  };
}

export function operationsOf(document: OpenAPIObject): Operation[] {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    METHODS.filter((m) => item[m]).map((method) => ({
      id: `${method.toUpperCase()} ${path}`,
      method,
      path,
      op: item[method] as unknown as Operation['op'],
    })),
  );
}

/** The schema a $ref points at, or the schema itself. */
export function resolve(document: OpenAPIObject, schema: Schema | undefined): Schema | undefined {
  const ref = schema?.['$ref'];
  if (typeof ref !== 'string') return schema;
  return document.components?.schemas?.[ref.split('/').pop() as string] as Schema | undefined;
}

/**
 * Where a schema says nothing a client can use: no type, reference, composition or enum; or an
 * object with neither properties nor a declared value type (what an undecorated class gives).
 */
export function emptySchemas(schema: unknown, where: string, out: string[] = []): string[] {
  if (!schema || typeof schema !== 'object') return out;
  const s = schema as Schema;
  const says = ['type', '$ref', 'oneOf', 'anyOf', 'allOf', 'enum'].some((k) => k in s);
  if (!says) out.push(where);
  const properties = s['properties'] as Schema | undefined;
  if (
    s['type'] === 'object' &&
    (!properties || Object.keys(properties).length === 0) &&
    !s['additionalProperties'] &&
    !s['oneOf'] &&
    !s['allOf']
  )
    out.push(where);
  for (const [key, value] of Object.entries((s['properties'] as Schema | undefined) ?? {}))
    emptySchemas(value, `${where}.${key}`, out);
  if (s['items']) emptySchemas(s['items'], `${where}[]`, out);
  if (s['additionalProperties'] && typeof s['additionalProperties'] === 'object')
    emptySchemas(s['additionalProperties'], `${where}{}`, out);
  for (const k of ['oneOf', 'anyOf', 'allOf'])
    ((s[k] as unknown[] | undefined) ?? []).forEach((x, i) =>
      emptySchemas(x, `${where}.${k}[${i}]`, out),
    );
  return out;
}

/** Every problem that keeps an integrator from learning the API from the document. */
export function incompleteness(document: OpenAPIObject): string[] {
  const problems: string[] = [];
  const known = new Set(Object.keys(document.components?.schemas ?? {}));
  for (const [, ref] of JSON.stringify(document).matchAll(
    /"\$ref":"#\/components\/schemas\/([^"]+)"/g,
  ))
    if (!known.has(ref)) problems.push(`$ref to ${ref}, which the document does not define`);
  for (const [name, schema] of Object.entries(document.components?.schemas ?? {}))
    emptySchemas(schema, `schema ${name}`, problems);
  for (const { id, op, path } of operationsOf(document)) {
    if (!op.summary?.trim()) problems.push(`${id}: no summary`);
    for (const [type, media] of Object.entries(op.requestBody?.content ?? {})) {
      const body = resolve(document, media.schema);
      if (!body || !body['properties'] || Object.keys(body['properties'] as Schema).length === 0)
        problems.push(`${id}: ${type} request body without properties`);
      else emptySchemas(media.schema, `${id} request body`, problems);
    }
    for (const p of op.parameters ?? [])
      emptySchemas(p.schema, `${id} parameter ${p.name}`, problems);
    for (const name of path.match(/\{(\w+)\}/g) ?? [])
      if (!(op.parameters ?? []).some((p) => p.in === 'path' && `{${p.name}}` === name))
        problems.push(`${id}: path parameter ${name} undocumented`);
    const ok = Object.entries(op.responses).filter(([status]) => /^2\d\d$/.test(status));
    const withSchema = ok.filter(([, r]) => Object.values(r.content ?? {}).some((m) => m.schema));
    if (withSchema.length === 0) problems.push(`${id}: no 2xx response with a schema`);
    for (const [status, r] of Object.entries(op.responses))
      for (const [type, media] of Object.entries(r.content ?? {}))
        emptySchemas(media.schema, `${id} ${status} ${type}`, problems);
    if (op.security && !op.responses['401']) problems.push(`${id}: needs a token but no 401`);
    if (op.security && !op.responses['403']) problems.push(`${id}: needs a token but no 403`);
    if ((op.requestBody || (op.parameters ?? []).length) && !op.responses['400'])
      problems.push(`${id}: takes input but no 400`);
  }
  return problems;
}
