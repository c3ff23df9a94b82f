import { badCode, parseCodes, parseSuccessors, successionShape } from './registry-forms';

describe('the succession form', () => {
  it('reads the ending regions however they are separated', () => {
    expect(parseCodes(' 410505001000，410505002000、410505003000\n410505004000 ')).toEqual([
      '410505001000',
      '410505002000',
      '410505003000',
      '410505004000',
    ]);
    expect(parseCodes('   ')).toEqual([]);
  });

  it('reads one successor a line, with the name only where one is given', () => {
    expect(parseSuccessors('410505990000 测试 合并街道\n\n410505001000\n')).toEqual([
      { code: '410505990000', nameZh: '测试合并街道' },
      { code: '410505001000' },
    ]);
  });

  it('names the first code that is not a region code and where it is', () => {
    expect(badCode(['410505', '41O505'])).toEqual({
      key: 'registry.form.badCode',
      params: { code: '41O505', n: 2 },
    });
    expect(badCode(['410505', '410505001000'])).toBeNull();
  });

  it('refuses a merge of one region and a split into one', () => {
    expect(successionShape('merge', 1, 1)).toEqual({
      key: 'registry.form.shape.merge',
      params: { from: 1, to: 1 },
    });
    expect(successionShape('split', 1, 1)?.key).toBe('registry.form.shape.split');
    expect(successionShape('merge', 2, 1)).toBeNull();
    expect(successionShape('rename', 1, 1)).toBeNull();
  });
});
