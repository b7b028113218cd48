// 人口信息导入 (registry import). Merged into zh-CN.ts; registry.en.ts mirrors these keys.
export const registryZhCN = {
  'registry.menu.import': '人口信息导入',
  'registry.import.title': '人口信息导入',
  'registry.import.desc':
    '把社区（村）现有的人口台账导入系统：.xlsx，或 UTF-8 / GB18030 编码的 .csv，不超过 10 MB、20000 行。按公民身份号码识别人员，新号码新增、已登记的更新；住户按“网格编码 + 楼栋 + 单元 + 门牌号”查找，没有则新建。同一文件再次导入不会重复登记。',
  'registry.import.template': '下载导入模板',
  'registry.import.export': '导出辖区人员（按模板）',
  'registry.import.exportArea': '导出范围',
  'registry.import.exportHint': '导出文件含完整身份证号码和电话，导出操作记入审计日志，请妥善保管。',
  'registry.import.drop': '点击或拖动文件到此处上传',
  'registry.import.hint': '必填列：姓名、公民身份号码、联系电话、网格编码、楼栋、单元、门牌号；其他列见模板',
  'registry.import.running': '正在导入…',
  'registry.import.result': '导入结果：{file}',
  'registry.import.created': '新增',
  'registry.import.updated': '更新',
  'registry.import.unchanged': '未变化',
  'registry.import.refused': '未导入',
  'registry.import.done': '新增 {created}，更新 {updated}，未变化 {unchanged}，未导入 {refused}',
  'registry.import.downloadReport': '下载导入结果',
  'registry.import.allGood': '所有行均已导入。',
  'registry.import.col.row': '行号',
  'registry.import.col.reason': '未导入原因',
  'registry.import.tooLarge': '文件不能超过 10 MB',
} as const;

export type RegistryMessageKey = keyof typeof registryZhCN;
