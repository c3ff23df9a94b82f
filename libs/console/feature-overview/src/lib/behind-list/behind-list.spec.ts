import { TestBed } from '@angular/core/testing';
import type { Assessment } from '@efficacy/api-contract';
import { JINFENG, provideTestEnvironment, useLanguage } from '@efficacy/console/core/testing';
import { BehindList } from './behind-list';

describe('BehindList', () => {
  async function render(assessment: Assessment, lang: 'zh-CN' | 'en' = 'zh-CN') {
    await TestBed.configureTestingModule({
      imports: [BehindList],
      providers: [provideTestEnvironment()],
    }).compileComponents();
    useLanguage(lang);
    const fixture = TestBed.createComponent(BehindList);
    fixture.componentRef.setInput('assessment', assessment);
    fixture.detectChanges();
    await fixture.whenStable();
    fixture.detectChanges();
    return fixture.nativeElement as HTMLElement;
  }

  /** The assessment with every child's target status replaced (or removed). */
  const withStatus = (status: 'met' | undefined): Assessment => ({
    ...JINFENG,
    indicators: JINFENG.indicators.map((i) => ({
      ...i,
      children: i.children.map((c) =>
        status === undefined
          ? { ...c, target: undefined }
          : { ...c, target: c.target ? { ...c.target, status } : c.target },
      ),
    })),
  });

  it('lists the units below their targets', async () => {
    const el = await render(JINFENG);
    expect(el.querySelector('[data-testid="behind-list"]')?.textContent).toContain('线下参评率');
  });

  it('says nothing could be judged, not "all met", when no unit has a value and a target', async () => {
    const el = await render(withStatus(undefined));
    const text = el.querySelector('[data-testid="behind-empty"]')?.textContent ?? '';
    expect(text).toContain('本期无可判断的指标');
    expect(text).not.toContain('达标');
  });

  it('says all met with the number of figures judged when every judged unit met its target', async () => {
    const judged = withStatus('met')
      .indicators.flatMap((i) => i.children)
      .filter((c) => c.target).length;
    expect(judged).toBeGreaterThan(0);
    const el = await render(withStatus('met'));
    expect(el.querySelector('[data-testid="behind-empty"]')?.textContent).toContain(
      `已判断的 ${judged} 项全部达标`,
    );
  });
});
