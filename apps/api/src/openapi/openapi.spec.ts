import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import type { OpenAPIObject } from '@nestjs/swagger';
import { createOpenApiDocument, loadConfig } from '@efficacy/api/core';
import { MEASURES } from '@efficacy/indicator-model';
import { AppModule } from '../app.module';
import { controllersOf } from './controllers-of';
import { emptySchemas, incompleteness, operationsOf, resolve } from './openapi-checks';

// The document from the app's real controllers and DTOs (compiled with the swagger plugin, as
// the build is), without a database: the controllers' services are stand-ins that never run.
let app: INestApplication;
let document: OpenAPIObject;

beforeAll(async () => {
  const config = loadConfig({
    DATABASE_URL: 'postgres://nobody@127.0.0.1:9/none',
    KEYCLOAK_URL: 'http://127.0.0.1:9',
  });
  const controllers = controllersOf(AppModule.forRoot(config));
  const moduleRef = await Test.createTestingModule({ controllers })
    .useMocker(() => ({}))
    .compile();
  app = moduleRef.createNestApplication({ logger: false });
  app.setGlobalPrefix('api');
  await app.init();
  document = createOpenApiDocument(app);
});

afterAll(() => app?.close());

const op = (id: string) => {
  const found = operationsOf(document).find((o) => o.id === id);
  if (!found) throw new Error(`${id} is not in the document`);
  return found.op;
};

describe('the OpenAPI document', () => {
  it('documents every endpoint the app wires', () => {
    // Fewer would mean controllers missing from the walk; every feature has its tag.
    expect(operationsOf(document).length).toBeGreaterThanOrEqual(78);
    const tags = new Set(
      operationsOf(document).flatMap((o) => (o.op as { tags?: string[] }).tags ?? []),
    );
    for (const tag of [
      'tasks',
      'calendar',
      'imports',
      'bulletins',
      'cases',
      'regions',
      'audit',
      'me',
    ])
      expect(tags).toContain(tag);
  });

  it('lists every measure of the catalogue as the one MeasureCode enum the explain inputs use', () => {
    const schemas = document.components?.schemas ?? {};
    expect((schemas['MeasureCode'] as { enum?: string[] }).enum).toEqual(
      MEASURES.map((m) => m.code),
    );
    const input = schemas['ExplainedInputDto'] as { properties: Record<string, unknown> };
    expect(input.properties['measure']).toEqual({
      allOf: [{ $ref: '#/components/schemas/MeasureCode' }],
    });
  });

  it('has no empty schema, and every operation its summary, inputs, 2xx schema and error answers', () => {
    expect(incompleteness(document)).toEqual([]);
  });

  it("gives a task's request bodies their fields, types, required list and enums", () => {
    const open = resolve(
      document,
      op('POST /api/tasks').requestBody?.content['application/json'].schema,
    );
    expect(open?.['required']).toEqual(['source', 'title', 'leadUnitId']);
    const props = open?.['properties'] as Record<string, Record<string, unknown>>;
    expect(props['source']['enum']).toEqual([
      'indicator',
      'discrepancy',
      'bad-review',
      'overdue-case',
      'plan-item',
      'free',
    ]);
    expect(props['title']).toMatchObject({ type: 'string', minLength: 1, maxLength: 200 });
    expect(props['workingDays']).toMatchObject({ type: 'number', minimum: 1, maximum: 250 });

    for (const [id, fields] of [
      ['POST /api/tasks/{id}/submit', ['report']],
      ['POST /api/tasks/{id}/extension', ['until', 'reason']],
      ['POST /api/tasks/{id}/return', ['reason']],
      ['PUT /api/calendar/days', ['date', 'kind']],
    ] as const) {
      const body = resolve(document, op(id).requestBody?.content['application/json'].schema);
      expect(Object.keys((body?.['properties'] as object) ?? {})).toEqual(
        expect.arrayContaining([...fields]),
      );
    }
  });

  it('lists the query parameters of GET /api/tasks with their types', () => {
    const params = op('GET /api/tasks').parameters ?? [];
    expect(
      params
        .filter((p) => p.in === 'query')
        .map((p) => p.name)
        .sort(),
    ).toEqual(['indicator', 'inbox', 'limit', 'offset', 'period', 'region', 'state'].sort());
    expect(params.find((p) => p.name === 'inbox')?.schema?.['enum']).toEqual([
      'unit',
      'sign-off',
      'verify',
      'opened',
      'all',
    ]);
    expect(params.find((p) => p.name === 'limit')?.schema).toMatchObject({ maximum: 500 });
  });

  it('gives every GET list its query parameters (a list no parameter narrows is named here)', () => {
    const unfiltered = new Set(['GET /api/adapters', 'GET /api/calendar/coverage']);
    const lists = operationsOf(document).filter(
      ({ method, op: o }) =>
        method === 'get' &&
        Object.values(o.responses['200']?.content ?? {}).some(
          (m) => m.schema?.['type'] === 'array',
        ),
    );
    expect(lists.length).toBeGreaterThan(10);
    const bare = lists
      .filter(({ op: o }) => !(o.parameters ?? []).some((p) => p.in === 'query' || p.in === 'path'))
      .map((o) => o.id)
      .filter((id) => !unfiltered.has(id));
    expect(bare).toEqual([]);
  });

  it('answers a task with its full shape and the shared error body', () => {
    const detail = resolve(
      document,
      op('GET /api/tasks/{id}').responses['200'].content?.['application/json'].schema,
    );
    expect(Object.keys((detail?.['properties'] as object) ?? {})).toEqual(
      expect.arrayContaining(['events', 'evidence', 'report', 'snapshot']),
    );
    expect(op('GET /api/tasks/{id}').responses['404'].content?.['application/json'].schema).toEqual(
      {
        $ref: '#/components/schemas/ApiErrorDto',
      },
    );
    expect(op('POST /api/tasks').responses['403']).toBeDefined();
    expect(op('GET /api/health').responses['401']).toBeUndefined();
  });

  // The checks themselves: each must fail on what it is there to catch.
  it('counts an undecorated DTO, an object without properties and a typeless schema as empty', () => {
    expect(emptySchemas({ type: 'object' }, 'x')).toEqual(['x']);
    expect(emptySchemas({}, 'x')).toEqual(['x']);
    expect(emptySchemas({ type: 'object', properties: { a: {} } }, 'x')).toEqual(['x.a']);
    expect(emptySchemas({ type: 'array', items: { type: 'object' } }, 'x')).toEqual(['x[]']);
    expect(emptySchemas({ type: 'object', additionalProperties: { type: 'number' } }, 'x')).toEqual(
      [],
    );
    const broken = structuredClone(document);
    const schemas = broken.components?.schemas ?? {};
    schemas['OpenTaskDto'] = { type: 'object', properties: {} };
    const list = broken.paths['/api/tasks']?.get;
    if (list) delete list.summary;
    expect(incompleteness(broken)).toEqual(
      expect.arrayContaining([
        'schema OpenTaskDto',
        'POST /api/tasks: application/json request body without properties',
        'GET /api/tasks: no summary',
      ]),
    );
  });
});
