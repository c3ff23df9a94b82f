import { TestBed } from '@angular/core/testing';
import { HttpTestingController } from '@angular/common/http/testing';
import { ActivatedRoute, Router, convertToParamMap } from '@angular/router';
import {
  provideApiTesting,
  provideTestEnvironment,
  settle,
  signIn,
  TEST_API,
  useLanguage,
} from '@efficacy/console/core/testing';
import { NewTaskPage } from './new-task.page';

const REGIONS = [
  {
    code: '640106',
    nameZh: '金凤区',
    nameEn: 'Jinfeng',
    level: 'county',
    children: [],
  },
];
const UNITS = [
  {
    id: '640106:spj',
    kind: 'department',
    nameZh: '金凤区审批服务管理局',
    regionCode: '640106',
    aliases: [],
  },
  {
    id: '640106:cl',
    kind: 'department',
    nameZh: '金凤区残疾人联合会',
    regionCode: '640106',
    aliases: [],
  },
];
const INDICATORS = [
  { code: 'offline_evaluation_rate', nameZh: '线下参评率', nameEn: 'Offline evaluation rate' },
];

describe('NewTaskPage', () => {
  async function open(query: Record<string, string>) {
    await TestBed.configureTestingModule({
      imports: [NewTaskPage],
      providers: [
        provideTestEnvironment(),
        provideApiTesting(),
        {
          provide: ActivatedRoute,
          useValue: { snapshot: { queryParamMap: convertToParamMap(query) } },
        },
      ],
    }).compileComponents();
    useLanguage('zh-CN');
    signIn('county-admin', ['640106']);
    const fixture = TestBed.createComponent(NewTaskPage);
    fixture.detectChanges();
    const http = TestBed.inject(HttpTestingController);
    http.expectOne(`${TEST_API}/regions`).flush(REGIONS);
    http.expectOne(`${TEST_API}/indicators`).flush(INDICATORS);
    await settle(fixture);
    http.expectOne(`${TEST_API}/units?region=640106`).flush(UNITS);
    await settle(fixture);
    return { fixture, http, el: fixture.nativeElement as HTMLElement };
  }

  it("prefills from the supervision page's link and opens the task for the unit that fell short", async () => {
    const { fixture, http, el } = await open({
      source: 'indicator',
      indicator: 'offline_evaluation_rate',
      unit: '640106:cl',
      region: '640106',
      period: '2022-01..2022-08',
    });
    const title = el.querySelector('[data-testid="new-task-title"]') as HTMLInputElement;
    expect(title.value).toBe('金凤区残疾人联合会「线下参评率」未达标整改');
    expect(el.querySelector('[data-testid="new-task-source"]')?.textContent).toContain(
      '指标未达标',
    );
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    (el.querySelector('[data-testid="new-task-submit"]') as HTMLButtonElement).click();
    const req = http.expectOne(`${TEST_API}/tasks`);
    expect(req.request.body).toEqual({
      source: 'indicator',
      title: '金凤区残疾人联合会「线下参评率」未达标整改',
      detail: '',
      leadUnitId: '640106:cl',
      coUnitIds: [],
      workingDays: 10,
      indicator: 'offline_evaluation_rate',
      period: '2022-01..2022-08',
    });
    req.flush({ id: 'abc' });
    await settle(fixture);
    expect(navigate).toHaveBeenCalledWith(['/tasks', 'abc']);
    http.verify();
  });

  it('shows the API refusal in words and stays on the page', async () => {
    const { fixture, http, el } = await open({
      source: 'discrepancy',
      region: '640106',
      unit: '640106:spj',
      title: '丰登镇好评率与计数不符',
    });
    expect((el.querySelector('[data-testid="new-task-title"]') as HTMLInputElement).value).toBe(
      '丰登镇好评率与计数不符',
    );
    (el.querySelector('[data-testid="new-task-submit"]') as HTMLButtonElement).click();
    http
      .expectOne(`${TEST_API}/tasks`)
      .flush(
        { statusCode: 404, message: 'lead unit "640106:spj" not found' },
        { status: 404, statusText: 'Not Found' },
      );
    await settle(fixture);
    expect(el.querySelector('[data-testid="new-task-error"]')?.textContent).toContain(
      'lead unit "640106:spj" not found',
    );
  });
});
