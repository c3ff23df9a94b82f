import { TestBed } from '@angular/core/testing';
import { provideTestEnvironment, useLanguage } from '@efficacy/console/core/testing';
import { ImportHistory, type RollbackRequest } from './import-history';
import { IMPORTED } from '../../testing/preview.fixture';

describe('ImportHistory', () => {
  async function render(canRollback: boolean) {
    await TestBed.configureTestingModule({
      imports: [ImportHistory],
      providers: [provideTestEnvironment()],
    }).compileComponents();
    useLanguage('zh-CN');
    const fixture = TestBed.createComponent(ImportHistory);
    fixture.componentRef.setInput('imports', [
      IMPORTED,
      { ...IMPORTED, id: 'b', status: 'rolled_back' },
    ]);
    fixture.componentRef.setInput('regionNames', new Map([['640106', '金凤区']]));
    fixture.componentRef.setInput('canRollback', canRollback);
    fixture.detectChanges();
    await fixture.whenStable();
    return fixture;
  }

  it('lists each import with its status, region name and who imported it', async () => {
    const el = (await render(true)).nativeElement as HTMLElement;
    const first = el.querySelector(`tr[data-import="${IMPORTED.id}"]`)?.textContent ?? '';
    expect(first).toContain('jinfeng-2022-01to08-annex2-haochaping.xlsx');
    expect(first).toContain('已导入');
    expect(first).toContain('金凤区');
    expect(first).toContain('yinchuan.admin');
    expect(el.querySelector('tr[data-import="b"]')?.textContent).toContain('已回滚');
  });

  it('offers a rollback only on committed imports, and only with the permission', async () => {
    const fixture = await render(true);
    const el = fixture.nativeElement as HTMLElement;
    expect(el.querySelectorAll('[data-testid="rollback"]')).toHaveLength(1);
    fixture.componentRef.setInput('canRollback', false);
    fixture.detectChanges();
    await fixture.whenStable();
    expect(el.querySelectorAll('[data-testid="rollback"]')).toHaveLength(0);
    expect(el.querySelectorAll('[data-testid="download"]')).toHaveLength(2);
  });

  it('asks for a reason before it rolls back', async () => {
    const fixture = await render(true);
    const sent: RollbackRequest[] = [];
    fixture.componentInstance.rollback.subscribe((r) => sent.push(r));
    (fixture.nativeElement as HTMLElement)
      .querySelector<HTMLElement>('[data-testid="rollback"]')
      ?.click();
    fixture.detectChanges();
    await fixture.whenStable();
    const confirm = document.querySelector<HTMLButtonElement>('[data-testid="rollback-confirm"]');
    expect(confirm?.disabled).toBe(true);
    const reason = document.querySelector<HTMLTextAreaElement>('[data-testid="rollback-reason"]');
    if (!reason) throw new Error('no reason field');
    reason.value = '报表数据有误，待重新导出';
    reason.dispatchEvent(new Event('input'));
    fixture.detectChanges();
    await fixture.whenStable();
    expect(confirm?.disabled).toBe(false);
    confirm?.click();
    expect(sent).toEqual([{ id: IMPORTED.id, reason: '报表数据有误，待重新导出' }]);
  });
});
