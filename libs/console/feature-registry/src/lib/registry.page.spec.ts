import { TestBed } from '@angular/core/testing';
import { HttpTestingController } from '@angular/common/http/testing';
import type {
  RegionChild,
  RegionDetail,
  RegionNode,
  RegionSuccession,
  Role,
} from '@efficacy/api-contract';
import {
  provideApiTesting,
  provideTestEnvironment,
  settle,
  signIn,
  TEST_API,
  useLanguage,
} from '@efficacy/console/core/testing';
import { RegistryPage } from './registry.page';

const ROOT: RegionNode = {
  code: '410500',
  level: 'city',
  nameZh: '安阳市',
  nameEn: 'Anyang',
  generatedCode: false,
  unitCount: 0,
  children: [],
};
const COUNTIES: RegionChild[] = [
  {
    code: '410505',
    level: 'county',
    nameZh: '殷都区',
    nameEn: '',
    generatedCode: false,
    childCount: 11,
    unitCount: 2,
  },
  {
    code: '410523',
    level: 'county',
    nameZh: '汤阴县',
    nameEn: '',
    generatedCode: false,
    childCount: 10,
    unitCount: 0,
  },
];
const TANGYIN: RegionDetail = {
  code: '410523',
  level: 'county',
  nameZh: '汤阴县',
  nameEn: '',
  generatedCode: false,
  asOf: '2026-01-05',
  ancestors: [
    { code: '410500', nameZh: '安阳市', nameEn: 'Anyang', inScope: true },
    { code: '410000', nameZh: '河南省', nameEn: 'Henan', inScope: false },
  ],
  children: [],
  units: [
    {
      id: '410523:kfq',
      kind: 'development-zone',
      nameZh: '汤阴县产业集聚区',
      regionCode: '410523',
      aliases: ['汤阴产业集聚区'],
    },
  ],
};
const RENAME: RegionSuccession = {
  id: '1',
  kind: 'rename',
  date: '2025-01-01',
  from: ['410523100000'],
  to: ['410523990000'],
  note: '豫民〔2025〕1号',
  recordedBy: 'anyang.admin',
  recordedAt: '2025-01-02T03:00:00.000Z',
};

describe('RegistryPage', () => {
  async function open(role: Role) {
    await TestBed.configureTestingModule({
      imports: [RegistryPage],
      providers: [provideTestEnvironment(), provideApiTesting()],
    }).compileComponents();
    useLanguage('zh-CN');
    signIn(role, ['410500']);
    const fixture = TestBed.createComponent(RegistryPage);
    fixture.componentRef.setInput('region', '410523');
    fixture.detectChanges();
    const http = TestBed.inject(HttpTestingController);
    http.expectOne(`${TEST_API}/regions?depth=1`).flush([ROOT]);
    http.expectOne(`${TEST_API}/regions/410523`).flush(TANGYIN);
    http.expectOne(`${TEST_API}/regions/410523/successions`).flush([RENAME]);
    await settle(fixture);
    // The user's own region opens at once.
    http.expectOne(`${TEST_API}/regions/410500/children`).flush(COUNTIES);
    await settle(fixture);
    return { fixture, http, el: fixture.nativeElement as HTMLElement };
  }

  it("opens the user's region on its counties and shows a region's units, kinds, aliases and history", async () => {
    const { el } = await open('city-admin');
    const nodes = Array.from(el.querySelectorAll('[data-testid="tree-node"]')).map((n) =>
      n.getAttribute('data-code'),
    );
    expect(nodes).toEqual(['410500', '410505', '410523']);
    expect(
      el
        .querySelector('[data-testid="tree-node"][aria-selected="true"]')
        ?.getAttribute('data-code'),
    ).toBe('410523');
    expect(el.querySelector('[data-testid="region-name"]')?.textContent?.trim()).toBe('汤阴县');
    expect(
      el
        .querySelector('[data-testid="region-ancestors"]')
        ?.textContent?.replace(/\s+/g, ' ')
        .trim(),
    ).toBe('河南省 / 安阳市 / 汤阴县');
    const unit = el.querySelector('[data-unit="410523:kfq"]');
    expect(unit?.querySelector('[data-testid="unit-kind"]')?.textContent?.trim()).toBe(
      '开发区（经开区、高新区）',
    );
    expect(unit?.querySelector('[data-testid="unit-aliases"]')?.textContent).toContain(
      '汤阴产业集聚区',
    );
    const row = el.querySelector('[data-testid="succession-row"]')?.textContent ?? '';
    expect(row).toContain('2025-01-01');
    expect(row).toContain('更名');
    expect(row).toContain('410523100000 → 410523990000');
  });

  it('offers the writes only to those who may make them', async () => {
    const admin = await open('city-admin');
    expect(admin.el.querySelector('[data-testid="unit-add"]')).not.toBeNull();
    expect(admin.el.querySelector('[data-testid="alias-add"]')).not.toBeNull();
    expect(admin.el.querySelector('[data-testid="succession-add"]')).not.toBeNull();
    TestBed.resetTestingModule();
    const staff = await open('dept-staff');
    expect(staff.el.querySelector('[data-testid="unit-add"]')).toBeNull();
    expect(staff.el.querySelector('[data-testid="alias-add"]')).toBeNull();
    expect(staff.el.querySelector('[data-testid="succession-add"]')).toBeNull();
  });

  it('searches in scope and says when nothing matches', async () => {
    const { fixture, http, el } = await open('city-admin');
    const input = el.querySelector<HTMLInputElement>('[data-testid="region-search"]');
    if (!input) throw new Error('no search box');
    input.value = '唐河';
    input.dispatchEvent(new Event('input'));
    el.querySelector<HTMLButtonElement>('[data-testid="region-search-submit"]')?.click();
    await settle(fixture);
    http.expectOne(`${TEST_API}/regions/search?q=${encodeURIComponent('唐河')}`).flush([]);
    await settle(fixture);
    expect(el.querySelector('[data-testid="search-empty"]')?.textContent).toContain(
      '数据范围内没有名称或代码匹配“唐河”的地区',
    );
  });
});
