import type { Unit, UnitKind } from '../units/unit';

function unit(
  id: string,
  nameZh: string,
  regionCode: string,
  aliases: readonly string[] = [],
  kind: UnitKind = 'department',
  nameEn?: string,
): Unit {
  return { id, kind, nameZh, regionCode, aliases, ...(nameEn ? { nameEn } : {}) };
}

const JINFENG = '640106';

/** Jinfeng: the units of annex 2 and those the text names for item coverage. */
export const JINFENG_UNITS: readonly Unit[] = [
  unit(
    '640106:spj',
    '金凤区审批服务管理局',
    JINFENG,
    ['审批局', '审批服务管理局'],
    'department',
    'Jinfeng Approval Services Bureau',
  ),
  unit('640106:swj', '国家税务总局银川市金凤区税务局', JINFENG, ['金凤区税务局', '税务局']),
  unit('640106:cl', '金凤区残疾人联合会', JINFENG, ['残联', '金凤区残联']),
  unit('640106:jycyrc', '金凤区就业创业和人才服务中心', JINFENG, ['就业创业和人才服务中心']),
  unit('640106:sbj', '金凤区社会保险和事业管理局', JINFENG, ['社会保险和事业管理局']),
  unit('640106:gaj', '银川市公安局金凤区分局', JINFENG, ['公安分局']),
  unit('640106:scjgj', '银川市市场监督管理局金凤区分局', JINFENG, ['市场监管局']),
  unit('640106:zrzyj', '金凤区自然资源局', JINFENG, ['自然资源局']),
  unit('640106:yczmj', '金凤区烟草专卖局', JINFENG, ['烟草专卖局']),
  unit('640106:liangtian-mszx', '良田镇民生服务中心', '640106100000', [], 'service-centre'),
  unit('640106:fengdeng-mszx', '丰登镇民生服务中心', '640106101000', [], 'service-centre'),
  unit('640106:shanghaixilu-mszx', '上海西路民生服务中心', '640106005000', [], 'service-centre'),
  unit(
    '640106:changchengzhonglu-mszx',
    '长城中路民生服务中心',
    '640106003000',
    [],
    'service-centre',
  ),
  unit('640106:huanghedonglu-mszx', '黄河东路民生服务中心', '640106002000', [], 'service-centre'),
  unit('640106:manchengbeijie-mszx', '满城北街民生服务中心', '640106001000', [], 'service-centre'),
  unit('640106:beijingzhonglu-mszx', '北京中路民生服务中心', '640106004000', [], 'service-centre'),
  unit(
    '640106:helanshanzhonglu-mszx',
    '贺兰山中路民生服务中心',
    '640106006000',
    [],
    'service-centre',
  ),
];

const YINDU = '410505';

/**
 * Yindu: one unit per department however the annexes spell it. Annex 1 uses the full
 * 殷都区… names; the others drop the prefix, abbreviate (退役军人局, 应急局) or name the branch
 * (生态环境局殷都分局, 公安局).
 */
export const YINDU_UNITS: readonly Unit[] = [
  unit('410505:wgtlj', '殷都区文广体旅局', YINDU, ['文广体旅局', '区文广体旅局']),
  unit('410505:jtj', '殷都区交通局', YINDU, ['交通局', '区交通运输局']),
  unit('410505:zjj', '殷都区住建局', YINDU, ['住建局', '区住建局']),
  unit('410505:scjgj', '殷都区市场监管局', YINDU, ['市场监管局', '区市场监管局']),
  unit('410505:fgw', '殷都区发改委', YINDU, ['发改委', '区发改委']),
  unit('410505:mzzj', '殷都区民宗局', YINDU, ['民宗局']),
  unit('410505:shwj', '殷都区商务局', YINDU, ['商务局', '区商务局']),
  unit('410505:yjglj', '殷都区应急管理局', YINDU, ['应急管理局', '应急局', '区应急管理局']),
  unit('410505:xwcbj', '殷都区新闻出版局', YINDU, ['新闻出版局', '区新闻出版局']),
  unit('410505:sfj', '殷都区司法局', YINDU, ['司法局', '区司法局']),
  unit('410505:gxj', '殷都区工信局', YINDU, ['工信局', '区工信局']),
  unit('410505:tjj', '殷都区统计局', YINDU, ['统计局']),
  unit('410505:fgj', '殷都区房管分局', YINDU, ['房管分局', '房管局']),
  unit('410505:cgj', '殷都区城市管理局', YINDU, ['城市管理局', '城管局', '区城管局']),
  unit('410505:daj', '殷都区档案局', YINDU, ['档案局', '区档案局']),
  unit('410505:ybj', '殷都区医保局', YINDU, ['医保局', '区医疗保障局']),
  unit('410505:swj', '殷都区税务局', YINDU, ['税务局', '国家税务总局安阳市殷都区税务局']),
  unit('410505:wjw', '殷都区卫健委', YINDU, ['卫健委', '区卫健委']),
  unit('410505:zrzyj', '殷都区自然资源局', YINDU, ['自然资源局', '区自然资源局']),
  unit('410505:rsj', '殷都区人社局', YINDU, ['人社局', '区人社局', '人力资源和社会保障局']),
  unit('410505:slj', '殷都区水利局', YINDU, ['水利局', '区水利局']),
  unit('410505:gaj', '殷都区公安分局', YINDU, ['公安分局', '公安局', '区公安局']),
  unit('410505:mzj', '殷都区民政局', YINDU, ['民政局', '区民政局']),
  unit('410505:sthjj', '殷都区生态环境局', YINDU, [
    '生态环境局',
    '生态环境分局',
    '生态环境局殷都分局',
    '区生态环境局',
  ]),
  unit('410505:jyj', '殷都区教育局', YINDU, ['教育局', '区教育局']),
  unit('410505:nyncj', '殷都区农业农村局', YINDU, ['农业农村局', '区农业农村局']),
  unit('410505:tyjrj', '殷都区退役军人事务局', YINDU, ['退役军人事务局', '退役军人局']),
  unit('410505:lyj', '殷都区林业局', YINDU, ['林业局', '区林业局']),
  // Annexes 1–2 say 金融局, annexes 5–6 金融办: the same office under its old and new name.
  unit('410505:jrj', '殷都区金融局', YINDU, ['金融局', '金融办', '区金融办']),
  unit('410505:cl', '殷都区残联', YINDU, ['残联', '殷都区残疾人联合会', '残疾人联合会']),
  unit('410505:czj', '殷都区财政局', YINDU, ['财政局', '区财政局']),
  unit('410505:fpb', '殷都区扶贫开发办公室', YINDU),
  unit('410505:scjgdd', '市场监管殷都大队', YINDU, ['市场监管 殷都大队']),
  unit('410505:zhck', '殷都区政务服务大厅综合窗口', YINDU, ['综合窗口'], 'hall-window'),
  unit('410505:sbdc', '市不动产', YINDU, [], 'hall-window'),
  unit('410505:zgrs', '中国人寿', YINDU, [], 'hall-window'),
  unit('410505:wyzx', '文印中心', YINDU, [], 'hall-window'),
  unit('410505:kzgs', '刻章公司', YINDU, [], 'hall-window'),
  unit('410505:gdgs', '供电公司', YINDU, [], 'hall-window'),
  unit('410505:swgs', '水务公司', YINDU, [], 'hall-window'),
  unit('410505:gjgs', '公交公司', YINDU, [], 'hall-window'),
  unit('410505:yzgs', '邮政公司', YINDU, [], 'hall-window'),
];

const XIQU = '510403';

function centre(slug: string, nameZh: string, regionCode: string): Unit {
  return unit(`510403:${slug}`, nameZh, regionCode, [], 'service-centre');
}

/** Xiqu: annex 1 departments and towns, annex 2 hall windows, annex 3 service centres. */
export const XIQU_UNITS: readonly Unit[] = [
  unit('510403:qwbgs', '区委办公室(区档案局)', XIQU, ['区委办公室', '区档案局']),
  unit('510403:qwxcb', '区委宣传部', XIQU),
  unit('510403:fgj', '区发展改革局', XIQU),
  unit('510403:jxj', '区经济和信息化局', XIQU),
  unit('510403:jytyj', '区教育和体育局', XIQU),
  unit('510403:kjj', '区科技局', XIQU),
  unit('510403:mzj', '区民政局', XIQU),
  unit('510403:sfj', '区司法局', XIQU),
  unit('510403:czj', '区财政局', XIQU),
  unit('510403:rsj', '区人力资源社会保障局', XIQU),
  unit('510403:zjj', '区住房城乡建设局', XIQU),
  unit('510403:slj', '区水利局', XIQU),
  unit('510403:nyjtj', '区农业农村和交通运输局', XIQU),
  unit('510403:shwj', '区商务局', XIQU),
  unit('510403:wglj', '区文广旅局', XIQU),
  unit('510403:wsjkj', '区卫生健康局', XIQU),
  unit('510403:tyjrj', '区退役军人局', XIQU),
  unit('510403:yjglj', '区应急管理局', XIQU),
  unit('510403:sjj', '区审计局', XIQU),
  unit('510403:scjgj', '区市场监管局', XIQU),
  unit('510403:tjj', '区统计局', XIQU),
  unit('510403:lyj', '区林业局', XIQU),
  unit('510403:ybj', '区医保局', XIQU),
  unit('510403:spj', '区行政审批局', XIQU),
  unit('510403:zhzfj', '区综合执法局', XIQU),
  unit('510403:gaj', '市公安局西区分局', XIQU),
  unit('510403:swj', '西区税务局', XIQU),
  unit('510403:zrzyj', '市自然资源和规划局西区分局', XIQU),
  unit('510403:sthjj', '西区生态环境局', XIQU),
  unit('510403:mzzj', '区民族宗教局', XIQU),
  unit('510403:cl', '区残联', XIQU),
  unit('510403:jxdd', '区救消大队', XIQU),
  // Annex 1 lists towns and streets as item owners; their governments are units of the township.
  unit('510403:geliping-zf', '格里坪镇人民政府', '510403100000', ['格里坪镇']),
  unit('510403:yuquan-bsc', '玉泉街道办事处', '510403002000', ['玉泉街道']),
  unit('510403:hemenkou-bsc', '河门口街道办事处', '510403003000', ['河门口街道']),
  unit('510403:taojiadu-bsc', '陶家渡街道办事处', '510403004000', ['陶家渡街道']),
  unit('510403:dabaoding-bsc', '大宝鼎街道办事处', '510403006000', ['大宝鼎街道']),
  unit('510403:qingxiangping-bsc', '清香坪街道办事处', '510403001000', ['清香坪街道']),
  unit('510403:sgjgs', '市公交公司(市级下沉窗口)', XIQU, ['市公交公司'], 'hall-window'),
  unit(
    '510403:sgjjglb',
    '市住房公积金中心西区管理部(市级下沉窗口)',
    XIQU,
    ['市住房公积金中心西区管理部'],
    'hall-window',
  ),
  unit('510403:sjtygc', '市交通运管处(市级下沉窗口)', XIQU, ['市交通运管处'], 'hall-window'),
  unit(
    '510403:sjtzfzd',
    '市交通综合执法支队(市级下沉窗口)',
    XIQU,
    ['市交通综合执法支队'],
    'hall-window',
  ),
  unit('510403:sbzx', '区社会保险事务中心', XIQU),
  unit('510403:jycjzx', '区就业创业促进中心', XIQU),
  unit('510403:gaj-jjck', '市公安局西区分局交警窗口', XIQU, [], 'hall-window'),
  unit('510403:hydjc', '婚姻登记处', XIQU, [], 'hall-window'),
  centre('geliping-bmfwzx', '格里坪镇便民服务中心', '510403100000'),
  centre('jinlin-bmfw', '金林社区便民服务中心', '510403100000-jinlin'),
  centre('gelipingcun-bmfw', '格里坪村便民服务中心', '510403100000-gelipingcun'),
  centre('zhuangshang-bmfw', '庄上村便民服务中心', '510403100000-zhuangshang'),
  centre('xinzhuang-bmfw', '新庄村便民服务中心', '510403100000-xinzhuang'),
  centre('dashuijingcun-bmfw', '大水井村便民服务中心', '510403100000-dashuijingcun'),
  centre('jinjia-bmfw', '金家村便民服务中心', '510403100000-jinjia'),
  centre('jingyi-bmfw', '景怡社区便民服务中心', '510403100000-jingyi'),
  centre('jinqiao-bmfw', '金桥村便民服务中心', '510403100000-jinqiao'),
  centre('yuquan-bmfwzx', '玉泉街道便民服务中心', '510403002000'),
  centre('xicaoping-bmfw', '席草坪社区便民服务中心', '510403002000-xicaoping'),
  centre('baguanhe-bmfw', '巴关河社区便民服务中心', '510403002000-baguanhe'),
  centre('heshiba-bmfw', '河石坝社区便民服务中心', '510403002000-heshiba'),
  centre('donglizhan-bmfw', '动力站社区便民服务中心', '510403002000-donglizhan'),
  centre('hemenkou-bmfwzx', '河门口街道便民服务中心', '510403003000'),
  centre('sutie-bmfw', '苏铁社区便民服务中心', '510403003000-sutie'),
  centre('hemenkoushequ-bmfw', '河门口社区便民服务中心', '510403003000-hemenkoushequ'),
  centre('taojiadu-bmfwzx', '陶家渡街道便民服务中心', '510403004000'),
  centre('kuangjian-bmfw', '矿建社区便民服务中心', '510403004000-kuangjian'),
  centre('baoding-bmfw', '宝鼎社区便民服务中心', '510403004000-baoding'),
  centre('huashan-bmfw', '花山社区便民服务中心', '510403004000-huashan'),
  centre('taiping-bmfw', '太平社区便民服务中心', '510403004000-taiping'),
  centre('dabaoding-bmfwzx', '大宝鼎街道便民服务中心', '510403006000'),
  centre('xiaobaoding-bmfw', '小宝鼎社区便民服务中心', '510403006000-xiaobaoding'),
  centre('yanjiang-bmfw', '沿江社区便民服务中心', '510403006000-yanjiang'),
  centre('qingxiangping-bmfwzx', '清香坪街道便民服务中心', '510403001000'),
  centre('yangjiaping-bmfw', '杨家坪社区便民服务中心', '510403001000-yangjiaping'),
  centre('dashuijingshequ-bmfw', '大水井社区便民服务中心', '510403001000-dashuijingshequ'),
  centre('jinsha-bmfw', '金沙社区便民服务中心', '510403001000-jinsha'),
  centre('lunan-bmfw', '路南社区便民服务中心', '510403001000-lunan'),
  centre('lubei-bmfw', '路北社区便民服务中心', '510403001000-lubei'),
  centre('zhixue-bmfw', '智学社区便民服务中心', '510403001000-zhixue'),
];

/** Jiayuguan: the one unit its plan names for a target of its own (legal-person users). */
export const JIAYUGUAN_UNITS: readonly Unit[] = [
  unit('620200:scjgj', '嘉峪关市市场监督管理局', '620200', ['市市场监管局', '市场监管局']),
  unit('620200:gaj', '嘉峪关市公安局', '620200', ['市公安局']),
  unit('620200:rsj', '嘉峪关市人力资源和社会保障局', '620200', ['市人社局', '人社局']),
];

/** Lingwu's per-township table prints the street offices of 城区 as one row, 街道办. */
export const LINGWU_UNITS: readonly Unit[] = [
  unit(
    '640181:chengqu-jdb',
    '灵武市城区街道办事处',
    '640181001000',
    ['街道办', '城区街道办'],
    'service-centre',
  ),
];

export const DEMO_UNITS: readonly Unit[] = [
  ...JINFENG_UNITS,
  ...YINDU_UNITS,
  ...XIQU_UNITS,
  ...JIAYUGUAN_UNITS,
  ...LINGWU_UNITS,
];
