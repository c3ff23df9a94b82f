import type { OpenAPIObject } from '@nestjs/swagger';
import { incompleteness, operationsOf, resolve } from '../src/openapi/openapi-checks';
import { startTestApp, type TestApp } from './support/test-app';
import { tokenFor } from './support/tokens';

// What an integrator downloads from the running server: the same checks as the unit spec, on
// the document /api/docs-json serves (the build's plugin, the real modules, the real prefix).
describe('GET /api/docs-json against the running API', () => {
  let t: TestApp;
  let document: OpenAPIObject;

  beforeAll(async () => {
    t = await startTestApp();
    const res = await fetch(`${t.baseUrl}/docs-json`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
    document = (await res.json()) as OpenAPIObject;
  });
  afterAll(async () => {
    await t.close();
  });

  it('serves a complete document without a token: no empty schema, every operation described', () => {
    expect(document.openapi).toMatch(/^3\./);
    expect(operationsOf(document).length).toBeGreaterThanOrEqual(78);
    expect(incompleteness(document)).toEqual([]);
  });

  const documentedFields = (id: string, status = '200') => {
    const operation = operationsOf(document).find((o) => o.id === id);
    let schema = operation?.op.responses[status].content?.['application/json'].schema;
    if (schema?.['type'] === 'array') schema = schema['items'] as Record<string, unknown>;
    const resolved = resolve(document, schema);
    return {
      fields: Object.keys((resolved?.['properties'] as object) ?? {}),
      required: (resolved?.['required'] as string[] | undefined) ?? [],
    };
  };

  it('describes what GET /api/me and GET /api/tasks really send: every field documented, every required one sent', async () => {
    const headers = { authorization: `Bearer ${await tokenFor('yinchuan.admin')}` };
    const me = (await (await fetch(`${t.baseUrl}/me`, { headers })).json()) as Record<
      string,
      unknown
    >;
    const meDoc = documentedFields('GET /api/me');
    expect(Object.keys(me).filter((k) => !meDoc.fields.includes(k))).toEqual([]);
    expect(meDoc.required.filter((k) => !(k in me))).toEqual([]);
    expect(meDoc.fields).toEqual(expect.arrayContaining(['roles', 'permissions', 'scope']));

    const res = await fetch(`${t.baseUrl}/tasks?limit=5`, { headers });
    expect(res.status).toBe(200);
    const taskDoc = documentedFields('GET /api/tasks');
    expect(taskDoc.fields).toEqual(expect.arrayContaining(['id', 'state', 'deadline', 'reminder']));
    for (const task of (await res.json()) as Array<Record<string, unknown>>) {
      expect(Object.keys(task).filter((k) => !taskDoc.fields.includes(k))).toEqual([]);
      expect(taskDoc.required.filter((k) => !(k in task))).toEqual([]);
    }
  });

  it('answers a body that breaks the documented contract with the documented 400', async () => {
    const token = await tokenFor('yinchuan.admin');
    const res = await fetch(`${t.baseUrl}/tasks`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ source: 'nonsense', title: '' }),
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as Record<string, unknown>;
    const error = resolve(document, { $ref: '#/components/schemas/ApiErrorDto' });
    for (const field of (error?.['required'] as string[]) ?? []) expect(body).toHaveProperty(field);
    expect(body['message']).toMatch(/source must be one of/);
  });
});
