import { TestBed } from '@angular/core/testing';
import { HttpTestingController } from '@angular/common/http/testing';
import type { AdapterListItem } from '@efficacy/api-contract';
import {
  provideApiTesting,
  provideTestEnvironment,
  settle,
  signIn,
  TEST_API,
  useLanguage,
} from '@efficacy/console/core/testing';
import { AdaptersPage } from './adapters.page';

const NINGXIA: AdapterListItem = {
  manifest: {
    id: 'ningxia',
    province: { code: '640000', name: { zh: '宁夏回族自治区', en: 'Ningxia' } },
    version: '1.0.0',
    fileTypes: ['xlsx', 'csv'],
    reportKinds: [
      {
        id: 'good-bad-review',
        name: { zh: '各单位“好差评”情况', en: 'Good/bad reviews per unit' },
        coverage: [{ edition: '金凤区 2022 通报附件2', from: '2022-01', to: '2022-08' }],
        fileTypes: ['xlsx', 'csv'],
      },
    ],
  },
  recentImports: [
    {
      id: 'i1',
      fileName: 'jinfeng-2022-01to08-annex2-haochaping.xlsx',
      status: 'committed',
      period: '2022-01..2022-08',
      regionCode: '640106',
      createdAt: '2022-09-13T08:00:00.000Z',
      warnings: 2,
    },
  ],
};

describe('AdaptersPage', () => {
  async function open() {
    await TestBed.configureTestingModule({
      imports: [AdaptersPage],
      providers: [provideTestEnvironment(), provideApiTesting()],
    }).compileComponents();
    useLanguage('zh-CN');
    signIn('regional-it', ['640000']);
    const fixture = TestBed.createComponent(AdaptersPage);
    fixture.detectChanges();
    return {
      fixture,
      http: TestBed.inject(HttpTestingController),
      el: fixture.nativeElement as HTMLElement,
    };
  }

  it('shows a skeleton while loading, then each manifest with its report kinds and recent imports', async () => {
    const { fixture, http, el } = await open();
    expect(el.querySelector('[data-testid="loading"] nz-skeleton')).not.toBeNull();
    http.expectOne(`${TEST_API}/regions`).flush([]);
    http.expectOne(`${TEST_API}/adapters`).flush([NINGXIA]);
    await settle(fixture);
    const card = el.querySelector('[data-adapter="ningxia"]');
    expect(card?.textContent).toContain('宁夏回族自治区（640000）');
    expect(card?.querySelector('[data-testid="adapter-version"]')?.textContent).toContain('v1.0.0');
    expect(card?.querySelector('[data-kind="good-bad-review"]')?.textContent).toContain(
      '各单位“好差评”情况',
    );
    expect(card?.querySelector('[data-kind="good-bad-review"]')?.textContent).toContain(
      '2022-01 – 2022-08',
    );
    const recent = card?.querySelector('[data-import="i1"]')?.textContent ?? '';
    expect(recent).toContain('已导入');
    expect(recent).toContain('2 条警告');
    expect(recent).toContain('2022年1-8月');
  });

  it('says when there is no access rather than showing an empty page', async () => {
    const { fixture, http, el } = await open();
    http.expectOne(`${TEST_API}/regions`).flush([]);
    http
      .expectOne(`${TEST_API}/adapters`)
      .flush(
        { statusCode: 403, message: 'missing permission adapter:read' },
        { status: 403, statusText: 'Forbidden' },
      );
    await settle(fixture);
    expect(el.querySelector('[data-testid="no-access"]')?.textContent).toContain('无权访问');
  });
});
