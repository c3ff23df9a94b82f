import { TestBed } from '@angular/core/testing';
import { HttpTestingController } from '@angular/common/http/testing';
import {
  provideApiTesting,
  provideTestEnvironment,
  settle,
  signIn,
  TEST_API,
  useLanguage,
} from '@efficacy/console/core/testing';
import type { Role } from '@efficacy/api-contract';
import { DEFAULT_TEMPLATE_VERSION } from '../testing/templates.fixture';
import { DRAFT, ERRATUM, JINFENG_DOCUMENT, PUBLISHED } from '../testing/bulletin.fixture';
import { BulletinsPage } from './bulletins.page';

describe('BulletinsPage', () => {
  async function open(role: Role) {
    await TestBed.configureTestingModule({
      imports: [BulletinsPage],
      providers: [provideTestEnvironment(), provideApiTesting()],
    }).compileComponents();
    useLanguage('zh-CN');
    signIn(role);
    const fixture = TestBed.createComponent(BulletinsPage);
    fixture.componentRef.setInput('region', '640106');
    fixture.componentRef.setInput('period', '2022-01..2022-08');
    fixture.detectChanges();
    const http = TestBed.inject(HttpTestingController);
    http.expectOne(`${TEST_API}/regions`).flush([]);
    http.expectOne(`${TEST_API}/bulletins`).flush([DRAFT, PUBLISHED, ERRATUM]);
    await settle(fixture);
    http.expectOne(`${TEST_API}/bulletins/templates/640106`).flush(DEFAULT_TEMPLATE_VERSION);
    await settle(fixture);
    return { fixture, http, el: fixture.nativeElement as HTMLElement };
  }

  it('lets a city administrator preview the bulletin composed by the API', async () => {
    const { fixture, http, el } = await open('city-admin');
    (el.querySelector('[data-testid="preview-button"]') as HTMLButtonElement).click();
    const request = http.expectOne(`${TEST_API}/bulletins/preview`);
    expect(request.request.body).toEqual({ region: '640106', period: '2022-01..2022-08' });
    request.flush(JINFENG_DOCUMENT);
    await settle(fixture);
    const preview = el.querySelector('[data-testid="bulletin-preview"]');
    expect(preview?.querySelector('[data-testid="bulletin-title"]')?.textContent).toContain(
      '金凤区2022年1-8月政务服务运行情况的通报',
    );
    expect(preview?.textContent).toContain('全区线下评价率为98.95%');
    expect(preview?.querySelector('[data-testid="below-target"]')?.textContent).toContain(
      '金凤区残疾人联合会、丰登镇民生服务中心',
    );
    const annex = preview?.querySelector('[data-annex="good-bad-review"]');
    expect(annex?.querySelector('tr[data-row="合计"]')?.textContent).toContain('47903');
    expect(preview?.querySelector('[data-chart="ranking-offline_evaluation_rate"]')).not.toBeNull();
  });

  it('says why there is no bulletin for a period without imported data', async () => {
    const { fixture, http, el } = await open('city-admin');
    const office = http.expectOne(`${TEST_API}/bulletins/office/640106`);
    office.flush({
      regionCode: '640106',
      missing: ['issuer', 'signature', 'numberPrefix', 'printedBy'],
    });
    await settle(fixture);
    (el.querySelector('[data-testid="preview-button"]') as HTMLButtonElement).click();
    const reason =
      "no figures have been imported for 金凤区 (640106) in 2022-01..2022-08: import the period's statistics before composing its bulletin";
    http
      .expectOne(`${TEST_API}/bulletins/preview`)
      .flush(
        { statusCode: 422, message: reason },
        { status: 422, statusText: 'Unprocessable Entity' },
      );
    await settle(fixture);
    expect(el.textContent).toContain(reason);
    expect(el.querySelector('[data-testid="bulletin-preview"]')).toBeNull();
  });

  it('offers publish on drafts to a city administrator, errata listed under their bulletin', async () => {
    const { el } = await open('city-admin');
    const rows = Array.from(el.querySelectorAll('tr[data-bulletin]')).map((r) => ({
      id: r.getAttribute('data-bulletin'),
      erratum: r.getAttribute('data-erratum'),
      publish: r.querySelector('[data-testid="publish-button"]') !== null,
      erratumButton: r.querySelector('[data-testid="erratum-button"]') !== null,
    }));
    expect(rows).toEqual([
      { id: DRAFT.id, erratum: 'false', publish: true, erratumButton: false },
      { id: PUBLISHED.id, erratum: 'false', publish: false, erratumButton: true },
      { id: ERRATUM.id, erratum: 'true', publish: true, erratumButton: false },
    ]);
  });

  it('shows a county administrator no publish button, but drafting and templates', async () => {
    const { el } = await open('county-admin');
    expect(el.querySelectorAll('[data-testid="publish-button"]')).toHaveLength(0);
    expect(el.querySelector('[data-testid="draft-button"]')).not.toBeNull();
    expect(el.querySelectorAll('[data-testid="download-docx"]').length).toBeGreaterThan(0);
  });

  it('shows a department head the list and downloads only', async () => {
    const { el } = await open('dept-head');
    expect(el.querySelector('[data-testid="preview-button"]')).toBeNull();
    expect(el.querySelectorAll('[data-testid="publish-button"]')).toHaveLength(0);
    expect(el.querySelectorAll('[data-testid="erratum-button"]')).toHaveLength(0);
    expect(el.querySelectorAll('[data-testid="download-xlsx"]')).toHaveLength(3);
  });
});
