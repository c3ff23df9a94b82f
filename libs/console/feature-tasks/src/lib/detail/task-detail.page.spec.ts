import { TestBed } from '@angular/core/testing';
import { HttpTestingController } from '@angular/common/http/testing';
import { ActivatedRoute, convertToParamMap } from '@angular/router';
import { of } from 'rxjs';
import {
  provideApiTesting,
  provideTestEnvironment,
  settle,
  signIn,
  TEST_API,
  useLanguage,
} from '@efficacy/console/core/testing';
import type { TaskDetail } from '@efficacy/api-contract';
import { TaskDetailPage } from './task-detail.page';

const ID = '6f1c3c0e-0000-4000-8000-000000000001';

const SUBMITTED: TaskDetail = {
  id: ID,
  number: 7,
  title: '审批局线下参评率整改',
  source: 'indicator',
  state: 'submitted',
  regionCode: '640106',
  regionNameZh: '金凤区',
  leadUnitId: '640106:spj',
  leadUnitNameZh: '金凤区审批服务管理局',
  coUnitIds: [],
  openerRegion: '640106',
  openedBy: 'jinfeng.admin',
  openedAt: '2022-09-30T02:00:00.000Z',
  originalDeadline: '2022-10-12',
  deadline: '2022-10-20',
  indicator: 'offline_evaluation_rate',
  period: '2022-01..2022-08',
  pendingExtension: null,
  workingDays: 5,
  provisional: false,
  provisionalYears: [],
  clockProvisional: false,
  remainingWorkingDays: null,
  elapsedWorkingDays: 6,
  overdueWorkingDays: 0,
  reminder: 'none',
  effect: null,
  detail: '线下参评率低于目标',
  snapshot: {
    indicator: 'offline_evaluation_rate',
    indicatorNameZh: '线下参评率',
    period: '2022-01..2022-08',
    subject: 'unit:640106:spj',
    value: 98.87,
    display: '98.87',
    target: 99,
    comparator: '>=',
    status: 'close',
    takenAt: '2022-09-30T02:00:00.000Z',
  },
  sourceRef: null,
  report: '已增设评价器',
  effectSnapshot: null,
  events: [
    {
      id: '1',
      at: '2022-09-30T02:00:00.000Z',
      actor: 'jinfeng.admin',
      action: 'open',
      fromState: null,
      toState: 'draft',
      reason: null,
      data: null,
    },
    {
      id: '2',
      at: '2022-10-10T02:00:00.000Z',
      actor: 'jinfeng.admin',
      action: 'grant_extension',
      fromState: 'in_progress',
      toState: 'in_progress',
      reason: null,
      data: { from: '2022-10-12', to: '2022-10-20' },
    },
    {
      id: '3',
      at: '2022-10-11T02:00:00.000Z',
      actor: 'jinfeng.spj.head',
      action: 'return',
      fromState: 'submitted',
      toState: 'in_progress',
      reason: '证据不足',
      data: null,
    },
  ],
  evidence: [],
  actions: ['sign_off', 'return'],
};

describe('TaskDetailPage', () => {
  async function open() {
    await TestBed.configureTestingModule({
      imports: [TaskDetailPage],
      providers: [
        provideTestEnvironment(),
        provideApiTesting(),
        { provide: ActivatedRoute, useValue: { paramMap: of(convertToParamMap({ id: ID })) } },
      ],
    }).compileComponents();
    useLanguage('zh-CN');
    signIn('dept-head', ['640106'], ['640106:spj']);
    const fixture = TestBed.createComponent(TaskDetailPage);
    fixture.detectChanges();
    const http = TestBed.inject(HttpTestingController);
    http.expectOne(`${TEST_API}/tasks/${ID}`).flush(SUBMITTED);
    await settle(fixture);
    return { fixture, http, el: fixture.nativeElement as HTMLElement };
  }

  it('shows the moved deadline beside the original one, the snapshot and the timeline with the return reason', async () => {
    const { el } = await open();
    expect(el.querySelector('[data-testid="task-state"]')?.textContent).toContain('已提交');
    expect(el.querySelector('[data-testid="task-deadline"]')?.textContent).toContain('2022-10-20');
    expect(el.querySelector('[data-testid="task-original-deadline"]')?.textContent).toContain(
      '原期限 2022-10-12',
    );
    expect(el.querySelector('[data-testid="snapshot-value"]')?.textContent).toContain('98.87');
    const items = Array.from(el.querySelectorAll('[data-testid="timeline-item"]')).map(
      (i) => i.textContent,
    );
    expect(items[1]).toContain('2022-10-12 → 2022-10-20');
    expect(items[2]).toContain('退回');
    expect(items[2]).toContain('证据不足');
  });

  it('offers the head exactly sign-off and return, and signs off through the dialog', async () => {
    const { fixture, http, el } = await open();
    const buttons = Array.from(el.querySelectorAll('[data-testid^="action-"]')).map((b) =>
      b.getAttribute('data-testid'),
    );
    expect(buttons).toEqual(['action-sign_off', 'action-return']);
    (el.querySelector('[data-testid="action-sign_off"]') as HTMLButtonElement).click();
    await settle(fixture);
    const ok = document.querySelector('.ant-modal-footer .ant-btn-primary') as HTMLButtonElement;
    expect(document.querySelector('[data-testid="dialog-hint"]')?.textContent).toContain('签字');
    ok.click();
    const req = http.expectOne(`${TEST_API}/tasks/${ID}/sign-off`);
    expect(req.request.method).toBe('POST');
    req.flush({ ...SUBMITTED, state: 'signed_off', actions: [] });
    await settle(fixture);
    expect(el.querySelector('[data-testid="task-state"]')?.textContent).toContain('负责人已签字');
    http.verify();
  });

  it('keeps the return button disabled until a reason is written', async () => {
    const { fixture, http, el } = await open();
    (el.querySelector('[data-testid="action-return"]') as HTMLButtonElement).click();
    await settle(fixture);
    const ok = document.querySelector('.ant-modal-footer .ant-btn-primary') as HTMLButtonElement;
    expect(ok.disabled).toBe(true);
    const reason = document.querySelector('[data-testid="dialog-reason"]') as HTMLTextAreaElement;
    reason.value = '证据不足';
    reason.dispatchEvent(new Event('input'));
    await settle(fixture);
    expect(ok.disabled).toBe(false);
    ok.click();
    const req = http.expectOne(`${TEST_API}/tasks/${ID}/return`);
    expect(req.request.body).toEqual({ reason: '证据不足' });
    req.flush(SUBMITTED);
    http.verify();
  });

  it('takes evidence by drop or choice with the accepted types declared, and says a refusal in Chinese', async () => {
    await TestBed.configureTestingModule({
      imports: [TaskDetailPage],
      providers: [
        provideTestEnvironment(),
        provideApiTesting(),
        { provide: ActivatedRoute, useValue: { paramMap: of(convertToParamMap({ id: ID })) } },
      ],
    }).compileComponents();
    useLanguage('zh-CN');
    signIn('dept-staff', ['640106'], ['640106:spj']);
    const fixture = TestBed.createComponent(TaskDetailPage);
    fixture.detectChanges();
    const http = TestBed.inject(HttpTestingController);
    http
      .expectOne(`${TEST_API}/tasks/${ID}`)
      .flush({ ...SUBMITTED, state: 'in_progress', actions: ['submit'] });
    await settle(fixture);
    const el = fixture.nativeElement as HTMLElement;
    const drop = el.querySelector('[data-testid="evidence-drop"]') as HTMLElement;
    expect(drop.textContent).toContain('将佐证材料拖到此处');
    expect(drop.textContent).toContain('支持 PDF、PNG、JPEG、DOCX、XLSX');
    const input = drop.querySelector('input[type="file"]') as HTMLInputElement;
    expect(input.getAttribute('accept')).toBe('.pdf,.png,.jpg,.jpeg,.docx,.xlsx');

    const file = new File(['hello'], '说明.txt', { type: 'text/plain' });
    Object.defineProperty(input, 'files', { value: [file] });
    input.dispatchEvent(new Event('change'));
    await settle(fixture);
    const req = http.expectOne(`${TEST_API}/tasks/${ID}/evidence`);
    expect(req.request.reportProgress).toBe(true);
    req.flush(
      {
        statusCode: 400,
        message:
          'evidence file "说明.txt" is not a PDF, PNG, JPEG, DOCX or XLSX file (its content says otherwise)',
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await settle(fixture);
    const alert = el.querySelector('[data-testid="evidence-error"]') as HTMLElement;
    expect(alert.querySelector('.ant-alert-message')?.textContent).toContain(
      '只接受 PDF、PNG、JPEG、DOCX、XLSX 文件',
    );
    // The API's sentence stays as the detail, marked as such.
    expect(alert.querySelector('.ant-alert-description')?.textContent).toContain('接口原文：');
    http.verify();
  });
});
