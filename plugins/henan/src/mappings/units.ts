/**
 * The unit column as the Yindu annexes print it: 单位 (附件1, 2, 8), 单位名称 (附件3, 4, 6, 7),
 * 区划/部门 (附件5, where the first rows are regions rather than departments).
 */
export const UNIT_HEADERS = ['单位', '单位名称', '区划/部门', '部门', '单位/部门'] as const;
