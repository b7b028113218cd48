// 区域绘制 (territory editor). Merged into zh-CN.ts; territory.en.ts mirrors these keys.
export const territoryZhCN = {
  'territory.open': '地图编辑',
  'territory.title': '地图编辑：{name}',
  'territory.addChild': '新增{level}',
  'territory.draw': '绘制{level}',
  'territory.point': '标注楼栋位置',
  'territory.addPlain': '新增{level}（不绘制）',
  'territory.drawHint': '在地图上依次点击各个顶点，点击第一个顶点完成；靠近相邻边界时自动吸附',
  'territory.redrawHint': '拖动顶点修改边界，拖动边的中点增加顶点',
  'territory.saveOutline': '保存边界',
  'territory.redraw': '重绘边界',
  'territory.saved': '边界已保存',
  'territory.created': '已新增',
  'territory.createTitle': '新增{level}',
  'territory.issues': '网格划分有 {n} 处需要检查（应全覆盖、无缝隙、不交叉）',
  'territory.overlapAt': '{a} 与 {b} 的边界重叠',
  'territory.gapAt': '网格之间有空隙，不属于任何网格',
  'territory.noOutline': '尚未绘制边界',
  'territory.noOutlineShort': '无边界',
  'territory.pickHint': '点击地图上的{level}或下方名称进行修改',
} as const;

export type TerritoryMessageKey = keyof typeof territoryZhCN;
