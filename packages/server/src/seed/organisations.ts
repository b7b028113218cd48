import type { NewUnitRow } from '../repositories/users.ts';
import type { CountyDivisions } from './divisions.ts';
import { shortVillageName } from '@gongzhi/domain';

/** District departments and public utilities that cases are dispatched to (吹哨报到). */
export const DEPARTMENTS: { code: string; name: string; shortName: string; duties: string }[] = [
  { code: 'dept-cg', name: '区城市管理局', shortName: '城管局', duties: '市容环境、占道经营、违章搭建、户外广告、渣土管理' },
  { code: 'dept-ga', name: '区公安分局', shortName: '公安分局', duties: '社会治安、交通秩序、噪声扰民（社会生活）、户籍' },
  { code: 'dept-scjg', name: '区市场监督管理局', shortName: '市场监管局', duties: '食品安全、价格、消费维权、无证经营' },
  { code: 'dept-zj', name: '区住房和城乡建设局', shortName: '住建局', duties: '物业管理、房屋安全、建筑施工、燃气' },
  { code: 'dept-mz', name: '区民政局', shortName: '民政局', duties: '低保救助、养老服务、殡葬、社会组织' },
  { code: 'dept-wj', name: '区卫生健康委员会', shortName: '卫健委', duties: '医疗卫生、公共卫生、计划生育' },
  { code: 'dept-sthj', name: '区生态环境局', shortName: '生态环境局', duties: '大气、水、噪声（工业）污染' },
  { code: 'dept-yj', name: '区应急管理局', shortName: '应急管理局', duties: '安全生产、防汛防台、危化品' },
  { code: 'dept-sf', name: '区司法局', shortName: '司法局', duties: '人民调解、法律援助、社区矫正' },
  { code: 'dept-sw', name: '区水务局', shortName: '水务局', duties: '河道、排水防涝、供水管理' },
  { code: 'dept-jt', name: '区交通运输局', shortName: '交通运输局', duties: '公交、道路养护、出租车' },
  { code: 'dept-zrzy', name: '区自然资源和规划局', shortName: '自然资源局', duties: '土地、规划、违法用地' },
  { code: 'dept-nync', name: '区农业农村局', shortName: '农业农村局', duties: '农业生产、农村人居环境、动物防疫' },
  { code: 'dept-jy', name: '区教育体育局', shortName: '教体局', duties: '学校、校外培训、校园周边' },
  { code: 'dept-rs', name: '区人力资源和社会保障局', shortName: '人社局', duties: '就业、社保、欠薪' },
  { code: 'dept-xf', name: '区消防救援大队', shortName: '消防救援大队', duties: '消防安全、消防通道' },
  { code: 'util-gd', name: '国网海门供电公司', shortName: '供电公司', duties: '供电、线路、电表' },
  { code: 'util-zls', name: '海门自来水公司', shortName: '自来水公司', duties: '供水、水压、管网抢修' },
  { code: 'util-rq', name: '海门港华燃气公司', shortName: '燃气公司', duties: '燃气供应、管道安全' },
  { code: 'util-tx', name: '中国电信海门分公司', shortName: '电信公司', duties: '通信线路、飞线整治' },
];

export function organisationsFor(county: CountyDivisions): NewUnitRow[] {
  const rows: NewUnitRow[] = DEPARTMENTS.map((d, i) => ({
    code: d.code,
    name: d.name,
    shortName: d.shortName,
    type: 'department',
    areaCode: county.code,
    duties: d.duties,
    sort: i,
  }));
  rows.push({
    code: `centre-${county.code}`,
    name: `${county.name}社会治理现代化指挥中心`,
    shortName: '区指挥中心',
    type: 'district-centre',
    areaCode: county.code,
    sort: 0,
  });
  county.towns.forEach((t, i) =>
    rows.push({
      code: `centre-${t.code}`,
      name: `${t.name}社会治理综合服务中心`,
      shortName: `${t.name}指挥中心`,
      type: 'town-centre',
      areaCode: t.code,
      sort: i,
    }),
  );
  county.villages.forEach((v, i) =>
    rows.push({
      code: `office-${v.code}`,
      name: `${shortVillageName(v.name)}${v.name.endsWith('村委会') ? '村民委员会' : '居民委员会'}`,
      shortName: shortVillageName(v.name),
      type: 'community-office',
      areaCode: v.code,
      sort: i,
    }),
  );
  return rows;
}

/** Demo partner merchant and property company in 状元街. */
export const DEMO_LOCAL_UNITS: NewUnitRow[] = [
  { code: 'merchant-320614103001-01', name: '状元街邻里便民超市', shortName: '便民超市', type: 'merchant', areaCode: '320614103001', sort: 0 },
  { code: 'property-320614103001-01', name: '海门常乐物业服务有限公司', shortName: '常乐物业', type: 'property', areaCode: '320614103001', sort: 0 },
];

/** The demo communities' offices answer the phone (长辈版 首页「打电话给社区」). */
export const DEMO_OFFICE_PHONES: { code: string; phone: string }[] = [
  { code: 'office-320614103001', phone: '0513-82651101' },
  { code: 'office-320614103002', phone: '0513-82651102' },
];
