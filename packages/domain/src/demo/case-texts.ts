// What residents, grid workers and hotline operators write, per catalogue type, for the demo
// case history. `{loc}` is a place in the grid (a doorplate or a landmark of the village).

export interface CaseText {
  /** A catalogue leaf code (packages/domain/src/cases/catalogue.ts). */
  code: string;
  /** Relative frequency in urban communities and in rural villages. */
  urban: number;
  rural: number;
  titles: string[];
  descriptions: string[];
  /** What the handler writes when the matter is done (the answer on the wall). */
  answers: string[];
}

export const CASE_TEXTS: CaseText[] = [
  {
    code: '0102', urban: 8, rural: 6,
    titles: ['{loc}有暴露垃圾', '{loc}垃圾乱扔没人管', '{loc}路边垃圾堆了好几天'],
    descriptions: ['{loc}旁边有生活垃圾散落在地上，天热有异味，麻烦尽快清理。', '巡查发现{loc}有暴露垃圾约两平方米，影响环境卫生。'],
    answers: ['已通知保洁员清理，现场已恢复整洁，并加强该点位巡回保洁。', '环卫所当日清运完毕，已在该处增设提醒标识。'],
  },
  {
    code: '0106', urban: 6, rural: 3,
    titles: ['{loc}垃圾桶满溢', '{loc}垃圾桶满了没人清运'],
    descriptions: ['{loc}的垃圾桶已经满溢，垃圾散落一地，请安排清运。', '这两天{loc}垃圾桶一直是满的，早上也没人来收。'],
    answers: ['已协调清运车辆当日清运，并将该点位清运频次调整为每日两次。'],
  },
  {
    code: '0109', urban: 4, rural: 4,
    titles: ['{loc}乱堆物堆料', '{loc}门口堆放杂物'],
    descriptions: ['{loc}门前长期堆放木料和杂物，占用通道，存在安全隐患。', '有人在{loc}路边堆放建材，行人只能绕行。'],
    answers: ['已约谈当事人，杂物已全部清理，通道恢复畅通。'],
  },
  {
    code: '0101', urban: 2, rural: 3,
    titles: ['{loc}私搭乱建', '{loc}有人搭建棚子'],
    descriptions: ['{loc}有住户在公共区域搭建彩钢棚，请核实是否违建。', '巡查发现{loc}新建简易棚约十五平方米，未见审批手续。'],
    answers: ['经核实为违法搭建，已下达整改通知书，当事人已自行拆除。', '执法中队现场核查后依法拆除违建，拆除面积约十五平方米。'],
  },
  {
    code: '0201', urban: 4, rural: 1,
    titles: ['{loc}墙上小广告', '{loc}单元门口贴满牛皮癣'],
    descriptions: ['{loc}墙面和电线杆上贴了很多办证、通下水道的小广告。', '{loc}楼道墙面被乱贴小广告，清理后又有人贴。'],
    answers: ['已组织志愿者铲除小广告，并对涉及号码进行停机处理。'],
  },
  {
    code: '0205', urban: 2, rural: 0,
    titles: ['{loc}店招破损有脱落风险'],
    descriptions: ['{loc}沿街商铺店招一角已经松动，刮风时晃动，担心掉下来砸到人。'],
    answers: ['已督促商户拆除破损店招并重新加固安装，隐患已消除。'],
  },
  {
    code: '0301', urban: 3, rural: 1,
    titles: ['{loc}夜间施工扰民', '{loc}工地晚上打桩'],
    descriptions: ['{loc}附近工地晚上十点以后还在施工，噪音很大，影响休息。'],
    answers: ['已责令施工单位停止夜间作业，确需连续施工须办理夜间施工许可并提前公告。'],
  },
  {
    code: '0302', urban: 2, rural: 1,
    titles: ['{loc}工地扬尘严重'],
    descriptions: ['{loc}旁工地裸土未覆盖，车辆进出扬尘很大，窗户都不敢开。'],
    answers: ['已督促工地覆盖裸土、增设喷淋，并安排专人冲洗进出车辆。'],
  },
  {
    code: '0402', urban: 4, rural: 1,
    titles: ['{loc}店外经营占道', '{loc}商户把摊子摆到人行道上'],
    descriptions: ['{loc}有商户长期出店经营，把货架摆到人行道上，行人只能走机动车道。'],
    answers: ['已现场劝导商户将物品搬回店内，并签订门前三包责任书。'],
  },
  {
    code: '0404', urban: 5, rural: 1,
    titles: ['{loc}机动车乱停放', '{loc}车辆堵住消防通道'],
    descriptions: ['{loc}经常有车辆停在路口，早晚高峰堵车，孩子上学不安全。', '有车辆长期停在{loc}，挡住了出入口。'],
    answers: ['交警已到场处置并联系车主挪车，该路段已纳入重点巡查。'],
  },
  {
    code: '0405', urban: 3, rural: 1,
    titles: ['{loc}电动车乱停乱放'],
    descriptions: ['{loc}门口电动车停得乱七八糟，堵住了盲道和出入口。'],
    answers: ['已组织整理停放秩序，施划非机动车停放区，并安排物业每日巡查。'],
  },
  {
    code: '0407', urban: 2, rural: 0,
    titles: ['{loc}露天烧烤油烟大'],
    descriptions: ['每天晚上{loc}有人摆露天烧烤，烟很大，楼上住户意见很大。'],
    answers: ['已劝导摊主入室经营并安装油烟净化设施，夜间加强巡查。'],
  },
  {
    code: '0601', urban: 3, rural: 0,
    titles: ['{loc}餐馆油烟直排'],
    descriptions: ['{loc}楼下餐馆油烟直接往后窗排，家里全是油烟味。'],
    answers: ['已责令餐馆加装油烟净化器并改造排烟管道，复查时油烟排放达标。'],
  },
  {
    code: '0602', urban: 0, rural: 3,
    titles: ['{loc}有人焚烧垃圾'],
    descriptions: ['{loc}田边有人焚烧垃圾和树叶，烟很大，气味刺鼻。'],
    answers: ['网格员已现场劝阻并扑灭明火，向村民宣传禁烧规定。'],
  },
  {
    code: '0603', urban: 2, rural: 1,
    titles: ['{loc}遛狗不拴绳', '{loc}有大型犬无人看管'],
    descriptions: ['{loc}经常有人遛狗不拴绳，小孩子很害怕，还有狗粪没人清理。'],
    answers: ['已联系犬主进行教育，发放文明养犬告知书，并在小区内张贴提示。'],
  },
  {
    code: 'B0110', urban: 5, rural: 4,
    titles: ['{loc}路灯不亮', '{loc}一排路灯晚上全黑'],
    descriptions: ['{loc}附近路灯好几天不亮了，晚上出行很不方便，老人容易摔倒。'],
    answers: ['路灯所已更换损坏光源和镇流器，现已恢复照明。'],
  },
  {
    code: 'B0102', urban: 2, rural: 1,
    titles: ['{loc}污水井盖松动'],
    descriptions: ['{loc}路面污水井盖松动，车辆经过时响声很大，有安全隐患。'],
    answers: ['已更换井盖并加装防坠网，现场已恢复平整。'],
  },
  {
    code: 'B0210', urban: 2, rural: 2,
    titles: ['{loc}路面坑洼', '{loc}道路破损严重'],
    descriptions: ['{loc}门口道路出现多处坑槽，下雨积水，电动车经过容易摔倒。'],
    answers: ['养护单位已对破损路面进行修补，路面恢复平整。'],
  },
  {
    code: 'B0211', urban: 0, rural: 4,
    titles: ['{loc}村道路基塌陷', '{loc}农村公路破损'],
    descriptions: ['{loc}通往组里的村道路边塌了一块，晚上看不清很危险。'],
    answers: ['交通运输局已安排养护队修复路基，并设置警示桩。'],
  },
  {
    code: 'B0302', urban: 2, rural: 2,
    titles: ['{loc}垃圾箱破损'],
    descriptions: ['{loc}的垃圾箱盖子坏了，箱体也破了，垃圾漏出来。'],
    answers: ['已更换新的分类垃圾箱。'],
  },
  {
    code: 'B0402', urban: 2, rural: 1,
    titles: ['{loc}绿化带杂草丛生'],
    descriptions: ['{loc}旁边绿化带很久没修剪了，杂草有半人高，蚊虫很多。'],
    answers: ['养护单位已完成除草修剪，并喷洒灭蚊药物。'],
  },
  {
    code: 'B0403', urban: 2, rural: 0,
    titles: ['{loc}树枝遮挡窗户'],
    descriptions: ['{loc}楼前的行道树长得太高，树枝伸进阳台，低楼层采光很差。'],
    answers: ['园林所已对树木进行修剪，不再遮挡住户采光。'],
  },
  {
    code: 'G0101', urban: 4, rural: 4,
    titles: ['{loc}邻里因漏水起纠纷', '{loc}邻居之间因噪音吵架'],
    descriptions: ['{loc}楼上卫生间漏水到楼下，两家协商多次未果，情绪比较激动。', '{loc}两户人家因为公共通道的使用问题多次争吵，请社区帮忙调解。'],
    answers: ['人民调解员组织双方调解，达成维修及赔偿协议，双方表示满意。', '经社区调解，双方就通道使用达成一致，签订了调解协议。'],
  },
  {
    code: 'G0102', urban: 1, rural: 2,
    titles: ['{loc}老人赡养问题'],
    descriptions: ['{loc}一位八十多岁的老人反映子女不尽赡养义务，生活困难。'],
    answers: ['调委会约谈其子女，明确赡养费用及照料安排，社区将定期回访。'],
  },
  {
    code: 'G0104', urban: 1, rural: 2,
    titles: ['{loc}务工人员反映被拖欠工资'],
    descriptions: ['住在{loc}的几名务工人员反映在附近工地干活，工资拖欠三个月未发。'],
    answers: ['人社局劳动监察已约谈用工单位，拖欠工资已全部结清。'],
  },
  {
    code: 'G0106', urban: 0, rural: 2,
    titles: ['{loc}宅基地地界纠纷'],
    descriptions: ['{loc}两户村民因翻建房屋对宅基地边界有争议，请村里协调。'],
    answers: ['镇村两级会同自然资源所现场测量，明确边界，双方签字确认。'],
  },
  {
    code: 'G0202', urban: 3, rural: 1,
    titles: ['{loc}广场舞音响声音太大', '{loc}深夜噪音扰民'],
    descriptions: ['每天晚上{loc}广场舞音响开得很大，一直到九点多，影响学生学习。'],
    answers: ['社区与舞蹈队协商，约定音量和结束时间，并配发了定向音箱。'],
  },
  {
    code: 'G0303', urban: 4, rural: 1,
    titles: ['{loc}楼道里给电动车充电', '{loc}有人飞线充电'],
    descriptions: ['{loc}楼道里有电动车推进去充电，还有从窗户拉下来的飞线，很不安全。'],
    answers: ['网格员和物业上门劝导，飞线已拆除，引导住户到集中充电棚充电。'],
  },
  {
    code: 'G0304', urban: 2, rural: 0,
    titles: ['{loc}消防通道被占用'],
    descriptions: ['{loc}消防通道被私家车和杂物长期占用，万一着火消防车进不来。'],
    answers: ['已清理通道杂物并联系车主挪车，施划消防通道标线并设置禁停标识。'],
  },
  {
    code: 'G0701', urban: 2, rural: 3,
    titles: ['{loc}独居老人需要助餐服务'],
    descriptions: ['{loc}有一位独居老人行动不便，子女在外地，希望能提供助餐送餐。'],
    answers: ['已为老人登记助餐服务，由邻里食堂每日送餐上门，并纳入关爱走访名单。'],
  },
  {
    code: 'G0702', urban: 1, rural: 2,
    titles: ['{loc}困难家庭咨询低保申请'],
    descriptions: ['{loc}一户家庭因病致贫，想了解低保申请的条件和流程。'],
    answers: ['已上门指导准备申请材料，民政部门已受理并完成入户调查。'],
  },
  {
    code: 'G0707', urban: 1, rural: 2,
    titles: ['{loc}频繁停电'],
    descriptions: ['这一周{loc}已经停了三次电，冰箱里的东西都坏了，请查一下原因。'],
    answers: ['供电公司已更换老化线路和配电设备，供电恢复稳定。'],
  },
  {
    code: 'G0801', urban: 3, rural: 0,
    titles: ['{loc}电梯故障', '{loc}电梯经常停运'],
    descriptions: ['{loc}电梯这周坏了两次，楼上有老人，上下楼很困难。'],
    answers: ['物业已联系维保单位更换故障部件，电梯恢复运行，并增加检查频次。'],
  },
  {
    code: 'G0803', urban: 4, rural: 0,
    titles: ['{loc}楼道堆物', '{loc}楼道堆满纸箱'],
    descriptions: ['{loc}楼道里堆了很多纸箱和旧家具，影响通行，也有火灾隐患。'],
    answers: ['网格员联合物业清理了楼道堆物，并张贴楼道禁止堆物提示。'],
  },
  {
    code: 'G0805', urban: 3, rural: 0,
    titles: ['{loc}小区单元门门禁损坏'],
    descriptions: ['{loc}单元门门禁坏了一个多月，外人随便进出，住户不放心。'],
    answers: ['物业已更换门禁控制器，单元门恢复正常使用。'],
  },
  {
    code: 'G0808', urban: 2, rural: 0,
    titles: ['{loc}有人高空抛物'],
    descriptions: ['{loc}楼下经常发现从楼上扔下来的垃圾，差点砸到人。'],
    answers: ['社区联合物业逐户宣传，加装高空抛物监控，近期未再发生。'],
  },
  {
    code: 'G0901', urban: 0, rural: 4,
    titles: ['{loc}河塘漂浮物多', '{loc}沟渠淤塞发臭'],
    descriptions: ['{loc}宅沟里漂浮着很多垃圾和水草，夏天有臭味。'],
    answers: ['村里已组织保洁人员打捞漂浮物，并对沟渠进行清淤。'],
  },
  {
    code: 'G0902', urban: 0, rural: 2,
    titles: ['{loc}田里焚烧秸秆'],
    descriptions: ['{loc}附近田里有人焚烧秸秆，浓烟很大。'],
    answers: ['网格员到场扑灭火点，对当事农户进行教育，并宣传秸秆还田政策。'],
  },
  {
    code: 'G0903', urban: 0, rural: 4,
    titles: ['{loc}生活垃圾收集点脏乱'],
    descriptions: ['{loc}的垃圾收集点周边垃圾散落，收集不及时。'],
    answers: ['已调整收运时间并安排保洁员每日清扫收集点周边。'],
  },
  {
    code: 'G0904', urban: 0, rural: 1,
    titles: ['{loc}养殖户粪污直排'],
    descriptions: ['{loc}附近养殖户的粪水直接排到沟里，气味很重。'],
    answers: ['农业农村局督促养殖户建设粪污收集池，粪污已实现资源化利用。'],
  },
  {
    code: '0502', urban: 1, rural: 1,
    titles: ['{loc}自来水管爆裂'],
    descriptions: ['{loc}路边自来水管破裂，水一直往外冒，路面已经积水。'],
    answers: ['自来水公司抢修队已关阀抢修，更换破损管段，当晚恢复供水。'],
  },
  {
    code: '0505', urban: 1, rural: 1,
    titles: ['{loc}暴雨后道路积水'],
    descriptions: ['暴雨后{loc}路段积水没过膝盖，车辆无法通行。'],
    answers: ['水务局已调集泵车排水，并疏通周边雨水管道。'],
  },
  {
    code: '0508', urban: 1, rural: 1,
    titles: ['{loc}大风刮倒树木'],
    descriptions: ['大风过后{loc}一棵大树倒在路上，挡住了道路。'],
    answers: ['园林抢险队已清理倒伏树木，道路恢复通行。'],
  },
  {
    code: 'H01', urban: 2, rural: 2,
    titles: ['咨询医保参保缴费', '咨询老年人优待证办理'],
    descriptions: ['住在{loc}的居民来电咨询城乡居民医保今年的缴费时间和标准。', '{loc}居民来电咨询老年人优待证在哪里办理、需要什么材料。'],
    answers: ['已电话答复缴费时间、标准及线上缴费渠道，来电人表示清楚。', '已告知办理地点和所需材料，来电人表示满意。'],
  },
  {
    code: 'H03', urban: 2, rural: 1,
    titles: ['投诉{loc}附近商铺噪音', '投诉{loc}物业不作为'],
    descriptions: ['市民来电反映{loc}附近商铺每天早上用大喇叭促销，严重扰民。', '市民来电投诉{loc}物业对楼道漏水问题推诿，多次报修无人处理。'],
    answers: ['已责令商铺停止使用高音喇叭，复查时未再发现。', '已督促物业维修，漏水问题已解决。'],
  },
];
