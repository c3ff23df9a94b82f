import { TestBed } from '@angular/core/testing';
import {
  provideApiTesting,
  provideTestEnvironment,
  settle,
  signIn,
  TEST_API,
  useLanguage,
} from '@efficacy/console/core/testing';
import { HttpTestingController } from '@angular/common/http/testing';
import { ImportsPage } from './imports.page';
import { IMPORTED } from '../testing/preview.fixture';
import type { Role } from '@efficacy/api-contract';

describe('ImportsPage', () => {
  async function open(role: Role) {
    await TestBed.configureTestingModule({
      imports: [ImportsPage],
      providers: [provideTestEnvironment(), provideApiTesting()],
    }).compileComponents();
    useLanguage('zh-CN');
    signIn(role);
    const fixture = TestBed.createComponent(ImportsPage);
    fixture.detectChanges();
    const http = TestBed.inject(HttpTestingController);
    return { fixture, http, el: fixture.nativeElement as HTMLElement };
  }

  it('lets a city administrator upload, and lists the history with a rollback', async () => {
    const { fixture, http, el } = await open('city-admin');
    http.expectOne(`${TEST_API}/adapters`).flush([]);
    http.expectOne(`${TEST_API}/regions`).flush([]);
    http.expectOne(`${TEST_API}/imports?limit=100`).flush([IMPORTED]);
    await settle(fixture);
    expect(el.querySelector('[data-testid="upload-card"]')).not.toBeNull();
    expect(el.querySelector('[data-testid="preview-button"]')).not.toBeNull();
    expect(el.querySelector('[data-testid="history-table"]')?.textContent).toContain(
      'jinfeng-2022-01to08-annex2-haochaping.xlsx',
    );
    expect(el.querySelectorAll('[data-testid="rollback"]')).toHaveLength(1);
    http.verify();
  });

  it('shows an auditor the history only: no upload, no rollback', async () => {
    const { fixture, http, el } = await open('auditor');
    http.expectOne(`${TEST_API}/adapters`).flush([]);
    http.expectOne(`${TEST_API}/regions`).flush([]);
    http.expectOne(`${TEST_API}/imports?limit=100`).flush([IMPORTED]);
    await settle(fixture);
    expect(el.querySelector('[data-testid="upload-card"]')).toBeNull();
    expect(el.querySelectorAll('[data-testid="rollback"]')).toHaveLength(0);
    expect(el.querySelectorAll('[data-testid="download"]')).toHaveLength(1);
  });

  it('says why the history could not be loaded, in the API’s words, with a retry', async () => {
    const { fixture, http, el } = await open('county-admin');
    http.expectOne(`${TEST_API}/adapters`).flush([]);
    http.expectOne(`${TEST_API}/regions`).flush([]);
    http
      .expectOne(`${TEST_API}/imports?limit=100`)
      .flush(
        { statusCode: 500, error: 'internal', message: 'database is restarting' },
        { status: 500, statusText: 'Server Error' },
      );
    await settle(fixture);
    const error = el.querySelector('[data-testid="load-error"]');
    expect(error?.textContent).toContain('加载失败');
    expect(error?.textContent).toContain('database is restarting');
    expect(error?.textContent).toContain('重试');
  });

  it('shows a designed empty state before the first import', async () => {
    const { fixture, http, el } = await open('county-admin');
    http.expectOne(`${TEST_API}/adapters`).flush([]);
    http.expectOne(`${TEST_API}/regions`).flush([]);
    http.expectOne(`${TEST_API}/imports?limit=100`).flush([]);
    await settle(fixture);
    expect(el.querySelector('[data-testid="history-table"]')?.textContent).toContain(
      '还没有导入记录',
    );
  });

  it('says a refused file in Chinese, with the API’s sentence as detail', async () => {
    const { fixture, http, el } = await open('city-admin');
    http.expectOne(`${TEST_API}/adapters`).flush([]);
    http.expectOne(`${TEST_API}/regions`).flush([]);
    http.expectOne(`${TEST_API}/imports?limit=100`).flush([]);
    await settle(fixture);
    const input = el.querySelector(
      '[data-testid="upload-drop"] input[type="file"]',
    ) as HTMLInputElement;
    expect(input.getAttribute('accept')).toBe('.xlsx,.csv');
    Object.defineProperty(input, 'files', {
      value: [new File(['x'], '报表.xlsx', { type: 'application/octet-stream' })],
    });
    input.dispatchEvent(new Event('change'));
    await settle(fixture);
    (el.querySelector('[data-testid="preview-button"]') as HTMLButtonElement).click();
    await settle(fixture);
    const req = http.expectOne(`${TEST_API}/imports/preview`);
    expect(req.request.reportProgress).toBe(true);
    req.flush(
      {
        statusCode: 422,
        message: '报表.xlsx: no adapter recognises this file; choose one with "adapter"',
      },
      { status: 422, statusText: 'Unprocessable Entity' },
    );
    await settle(fixture);
    const alert = el.querySelector('[data-testid="preview-error"]') as HTMLElement;
    expect(alert.querySelector('[data-testid="refusal"]')?.textContent).toContain(
      '无法识别这个文件的格式',
    );
    expect(alert.textContent).toContain('接口原文：报表.xlsx: no adapter recognises this file');
    http.verify();
  });
});
