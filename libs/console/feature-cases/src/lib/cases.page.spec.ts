import { TestBed } from '@angular/core/testing';
import { HttpTestingController } from '@angular/common/http/testing';
import type { CaseImportSummary, Role } from '@efficacy/api-contract';
import {
  provideApiTesting,
  provideTestEnvironment,
  settle,
  signIn,
  TEST_API,
  useLanguage,
} from '@efficacy/console/core/testing';
import { ACTIVE_IMPORT_KEY, CasesPage } from './cases.page';

const RUNNING: CaseImportSummary = {
  id: '7b0c0d3e-1111-4222-8333-944445555666',
  fileName: 'lingwu-2022-06.csv',
  fileSize: 10_000_000,
  regionCode: '640181',
  adapter: 'ningxia',
  status: 'running',
  bytesDone: 4_000_000,
  rowsDone: 23_000,
  rowsPerSecond: 115_000,
  etaSeconds: 3,
  percent: 40,
  slots: [],
  asOf: null,
  unmatchedUnits: [],
  error: null,
  createdBy: 'lingwu.admin',
  createdAt: '2026-11-22T08:00:00.000Z',
  startedAt: '2026-11-22T08:00:01.000Z',
  finishedAt: null,
};

describe('CasesPage', () => {
  afterEach(() => localStorage.clear());

  async function open(role: Role) {
    await TestBed.configureTestingModule({
      imports: [CasesPage],
      providers: [provideTestEnvironment(), provideApiTesting()],
    }).compileComponents();
    useLanguage('zh-CN');
    signIn(role);
    const fixture = TestBed.createComponent(CasesPage);
    fixture.detectChanges();
    const http = TestBed.inject(HttpTestingController);
    return { fixture, http, el: fixture.nativeElement as HTMLElement };
  }

  /** A county admin comes back to the page while `active` is the import they started. */
  async function comeBackTo(active: CaseImportSummary) {
    localStorage.setItem(ACTIVE_IMPORT_KEY, active.id);
    const page = await open('county-admin');
    page.http.expectOne(`${TEST_API}/cases/imports`).flush([active]);
    await settle(page.fixture);
    page.http.expectOne(`${TEST_API}/cases/imports/${active.id}`).flush(active);
    await settle(page.fixture);
    return page;
  }

  it('picks up the import the user left running, with rows, speed and estimate', async () => {
    const { fixture, el } = await comeBackTo(RUNNING);
    expect(el.querySelector('[data-testid="cases-active"]')?.textContent).toContain(
      'lingwu-2022-06.csv',
    );
    const rows = el.querySelector('[data-testid="cases-rows"]')?.textContent ?? '';
    expect(rows).toContain('23,000');
    expect(rows).toContain('115,000');
    expect(rows).toContain('3');
    expect(el.querySelector('[data-testid="cases-upload"]')).not.toBeNull();
    fixture.destroy();
  });

  it('shows an auditor the history without an upload form', async () => {
    const { fixture, http, el } = await open('auditor');
    http
      .expectOne(`${TEST_API}/cases/imports`)
      .flush([{ ...RUNNING, status: 'done', percent: 100, rowsDone: 58_000 }]);
    http.expectOne(`${TEST_API}/regions`).flush([
      {
        code: RUNNING.regionCode,
        nameZh: '灵武市',
        nameEn: 'Lingwu',
        level: 'county',
        generatedCode: false,
        units: [],
        children: [],
      },
    ]);
    await settle(fixture);
    expect(el.querySelector('[data-testid="cases-upload"]')).toBeNull();
    const history = el.querySelector('[data-testid="cases-history"]')?.textContent ?? '';
    expect(history).toContain('58,000');
    // Regions by name, as everywhere else in the console.
    expect(history).toContain('灵武市');
    http.verify();
  });

  it('names the departments the registry does not know once the import is done', async () => {
    const done: CaseImportSummary = {
      ...RUNNING,
      status: 'done',
      percent: 100,
      etaSeconds: 0,
      unmatchedUnits: [{ regionCode: '640181', name: '灵武市测绘地理信息服务中心', cases: 1_234 }],
    };
    const { fixture, el } = await comeBackTo(done);
    const warning = el.querySelector('[data-testid="cases-unmatched"]')?.textContent ?? '';
    expect(warning).toContain('1 个办理部门名称在登记的单位中找不到');
    expect(warning).toContain('灵武市测绘地理信息服务中心');
    expect(warning).toContain('1,234 件');
    fixture.destroy();
  });
});
