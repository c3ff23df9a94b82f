import { TestBed } from '@angular/core/testing';
import { HttpTestingController } from '@angular/common/http/testing';
import type { Role } from '@efficacy/api-contract';
import {
  provideApiTesting,
  provideTestEnvironment,
  settle,
  signIn,
  useLanguage,
} from '@efficacy/console/core/testing';
import { Shell } from './shell';

describe('Shell menu', () => {
  async function menuOf(role: Role): Promise<string[]> {
    await TestBed.configureTestingModule({
      imports: [Shell],
      providers: [provideTestEnvironment(), provideApiTesting()],
    }).compileComponents();
    useLanguage('zh-CN');
    signIn(role);
    const fixture = TestBed.createComponent(Shell);
    await settle(fixture);
    TestBed.inject(HttpTestingController).verify();
    const el = fixture.nativeElement as HTMLElement;
    return Array.from(el.querySelectorAll('[data-testid="main-menu"] a')).map(
      (a) => a.textContent?.trim() ?? '',
    );
  }

  it('gives a city administrator every page', async () => {
    expect(await menuOf('city-admin')).toEqual([
      '工作台',
      '效能总览',
      '地区详情',
      '督查督办',
      '目标管理',
      '整改任务',
      '通报',
      '数据导入',
      '办件导入',
      '区划与单位',
      '适配器',
    ]);
  });

  it('shows department staff no admin menus', async () => {
    expect(await menuOf('dept-staff')).toEqual([
      '工作台',
      '效能总览',
      '地区详情',
      '督查督办',
      '目标管理',
      '整改任务',
      '区划与单位',
    ]);
  });

  it('shows regional IT the adapters and imports, not the assessments', async () => {
    expect(await menuOf('regional-it')).toEqual([
      '工作台',
      '数据导入',
      '办件导入',
      '区划与单位',
      '适配器',
    ]);
  });
});
