// 长辈版 (elder mode) of the phone pages, after 工业和信息化部《移动互联网应用（APP）适老化通用设计规范》.
// Merged into zh-CN.ts; elder.en.ts mirrors these keys.
export const elderZhCN = {
  'elder.name': '长辈版',
  'elder.standard': '标准版',
  'elder.promptTitle': '需要更大的字和按钮吗？',
  'elder.promptText': '长辈版字更大、按钮更大，首页只留常用的几件事。以后可在“我的”里随时切换。',
  'elder.promptYes': '用长辈版',
  'elder.promptNo': '用标准版',
  'elder.settings': '长辈版',
  'elder.switch': '长辈版（大字大按钮）',
  'elder.on': '已开启',
  'elder.off': '未开启',
  'elder.fontSize': '字号',
  'elder.fontSizeValue': '{size} 像素',
  'elder.fontSmaller': '字小一点',
  'elder.fontBigger': '字大一点',
  'elder.sample': '示例：我要反映楼道灯坏了',
  'elder.homeTitle': '您好，{name}',
  'elder.homeHint': '点下面的大按钮办事',
  'elder.report': '我要反映问题',
  'elder.reportDesc': '拍照、说清楚在哪儿',
  'elder.myReports': '我反映的事',
  'elder.myReportsDesc': '看办到哪一步了',
  'elder.myPoints': '我的积分',
  'elder.myPointsDesc': '看积分、换东西',
  'elder.call': '打电话给社区',
  'elder.callDesc': '{name} {phone}',
  'elder.callNoPhone': '{name}还没有登记电话，请到社区办公室或点“我要反映问题”',
  'elder.callLoading': '正在查社区电话',
  'elder.more': '更多功能请切换到标准版',
} as const;

export type ElderMessageKey = keyof typeof elderZhCN;
