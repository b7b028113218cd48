// What the audit log's codes mean in words: every action, entity type and detail field a row can
// carry gets a Chinese (and English) label, so the log never shows `wish.claim` or raw JSON.
import { ACTION_LABELS as CASE_ACTION_LABELS } from '../cases/workflow.ts';
import { isAreaCode } from '../codes.ts';
import { ORDER_ACTION_LABELS } from '../orders/workflow.ts';
import { WISH_ACTION_LABELS } from '../wishes/workflow.ts';

export interface Label {
  zh: string;
  en: string;
}

const l = (zh: string, en: string): Label => ({ zh, en });

/** Actions written with a fixed code. */
const ACTIONS: Record<string, Label> = {
  // Modules of the participation half and the case loop's settings.
  'case.group-merge': l('一键合并重复组', 'Merge a duplicate group'),
  'case.meeting': l('记录案件会商', 'Record a joint-handling meeting'),
  'burden.form.create': l('下发报表', 'Send a report form'),
  'burden.form.export': l('导出报表填报', 'Export form answers'),
  'burden.form.submit': l('填报报表', 'Fill a report form'),
  'burden.list.create': l('新增准入/负面清单事项', 'Add a list entry'),
  'burden.list.update': l('修改准入/负面清单事项', 'Edit a list entry'),
  'burden.request.file': l('提交准入申请', 'File an admission request'),
  'burden.request.admit': l('准入通过', 'Admit a request'),
  'burden.request.refuse': l('不予准入', 'Refuse a request'),
  'burden.request.return': l('退回准入申请', 'Send a request back'),
  'burden.request.resubmit': l('重新提交准入申请', 'Resubmit a request'),
  'burden.request.withdraw': l('撤回准入申请', 'Withdraw a request'),
  'burden.task.done': l('完成下派任务', 'Complete a pushed-down task'),
  'burden.task.flag': l('反映清单外任务', 'Flag a task outside the process'),
  'cadre-task.assign': l('给下沉干部派任务', 'Assign a cadre task'),
  'cadre-task.cancel': l('取消下沉干部任务', 'Cancel a cadre task'),
  'cadre-task.complete': l('完成下沉干部任务', 'Complete a cadre task'),
  'cadre.checkin': l('下沉干部到社区报到', 'Cadre check-in'),
  'cadre.kind': l('设置干部类别', 'Set cadre kind'),
  'calendar.override': l('设置节假日调整', 'Set a calendar override'),
  'calendar.override.delete': l('删除节假日调整', 'Delete a calendar override'),
  'office-hours.update': l('修改办公时间', 'Change office hours'),
  'office-hours.reset': l('恢复默认办公时间', 'Reset office hours'),
  'deliberation.create': l('发起议事', 'Open a deliberation'),
  'deliberation.ballot': l('议事投票', 'Cast a ballot'),
  'deliberation.close': l('结束议事表决', 'Close a deliberation'),
  'meeting.create': l('安排议事会议', 'Schedule a meeting'),
  'meeting.update': l('修改议事会议', 'Change a meeting'),
  'meeting.agenda': l('修改会议议程', 'Change an agenda'),
  'meeting.check-in': l('会议扫码签到', 'Check in to a meeting'),
  'meeting.attendance': l('登记会议到会', 'Record attendance'),
  'meeting.minutes': l('记录会议纪要', 'Record minutes'),
  'meeting.file': l('附上会议文件', 'Attach a meeting file'),
  'convention.draft': l('新建公约草案', 'Open a convention draft'),
  'convention.edit': l('编辑公约草案', 'Edit a convention draft'),
  'convention.adopt': l('通过村规民约/居民公约', 'Adopt a convention'),
  'idea.create': l('提交金点子', 'Submit an idea'),
  'idea.support': l('支持金点子', 'Support an idea'),
  'idea.need': l('金点子列入需求清单', 'Idea to the needs list'),
  'idea.topic': l('金点子转为议题', 'Idea to a topic'),
  'idea.to-topic': l('金点子列入会议议程', 'Idea on a meeting agenda'),
  'idea.close': l('关闭金点子', 'Close an idea'),
  'need.create': l('新增需求清单事项', 'Add a need'),
  'offer.create': l('发布赋能清单事项', 'Publish an offer'),
  'project.create': l('建立治理项目', 'Create a project'),
  'project.claim': l('认领治理项目', 'Claim a project'),
  'project.milestone': l('记录项目进度', 'Record a milestone'),
  'project.sign-off': l('监督小组签字', 'Supervisor sign-off'),
  'project.close': l('治理项目结项', 'Close a project'),
  'property.bill.create': l('开具物业费账单', 'Issue a fee bill'),
  'property.bill.pay': l('登记物业费缴纳', 'Record a fee payment'),
  'property.bill.offset': l('积分抵扣物业费', 'Offset a fee with points'),
  'property.committee.create': l('成立业主委员会', 'Form an owners’ committee'),
  'property.committee.update': l('修改业主委员会', 'Edit an owners’ committee'),
  'property.contract.create': l('登记物业服务合同', 'Record a service contract'),
  'property.contract.update': l('修改物业服务合同', 'Edit a service contract'),
  'property.coverage': l('登记无物业小区管理方式', 'Record how a compound is covered'),
  'property.evaluate': l('业委会评价物业', 'Committee evaluates the company'),
  'property.grading.propose': l('提出物业信用等级', 'Propose a grading'),
  'property.grading.confirm': l('确认物业信用等级', 'Confirm a grading'),
  'property.inspect': l('社区检查物业', 'Inspect a compound'),
  'property.joint-meeting': l('登记四位一体联席会议', 'Record a joint meeting'),
  'property.sanction': l('登记住建奖惩', 'Record a penalty or commendation'),
  'reception.create': l('安排接待日', 'Schedule a reception day'),
  'reception.update': l('修改接待日', 'Edit a reception day'),
  'reception.delete': l('删除接待日', 'Delete a reception day'),
  'reception.attach': l('领导挂点社区', 'Attach a leader'),
  'service-point.create': l('新增服务阵地', 'Add a service point'),
  'talent.create': l('登记名录库人员', 'Add to the talent registry'),
  'talent.update': l('修改名录库人员', 'Edit a talent entry'),
  'talent.reveal': l('查看名录库联系方式', 'Reveal a talent’s phone'),
  'auth.login': l('登录', 'Sign in'),
  'auth.logout': l('退出登录', 'Sign out'),
  'auth.password.change': l('修改密码', 'Change password'),
  'person.reveal': l('查看完整号码', 'Reveal number'),
  'person.create': l('录入人员', 'Add person'),
  'person.update': l('修改人员', 'Edit person'),
  'user.create': l('新建账号', 'Create account'),
  'user.update': l('修改账号', 'Edit account'),
  'user.unlock': l('解除锁定', 'Unlock account'),
  'user.password.reset': l('重置密码', 'Reset password'),
  'user.sessions.end': l('结束账号全部会话', 'End all sessions'),
  'chain.verify': l('校验历史记录哈希链', 'Verify history chains'),
  'chain.heads-export': l('导出日终链头哈希', 'Export daily heads'),
  'chain.heads-verify': l('核对日终链头哈希', 'Check daily heads'),
  'area.rename': l('修改区域名称', 'Rename area'),
  'area.create': l('新增区域', 'Create area'),
  'area.update': l('修改区域', 'Edit area'),
  'area.split': l('拆分网格', 'Split grid'),
  'area.merge': l('合并网格', 'Merge grids'),
  'area.import': l('批量导入区域边界', 'Import outlines'),
  'area.move': l('楼栋随网格调整迁移', 'Move building to new grid'),
  'user.move': l('账号范围随网格调整迁移', 'Move account to new grid'),
  'staff.move': l('任职随网格调整迁移', 'Move appointment to new grid'),
  'party.org.move': l('党组织随网格调整迁移', 'Move party organisation to new grid'),
  'household.move': l('住户随网格调整迁移', 'Move household to new grid'),
  'case.move': l('案件随网格调整迁移', 'Move case to new grid'),
  'seed.case-history': l('生成演示案件历史', 'Generate demo case history'),
  'case.create': l('登记案件', 'Register case'),
  'case.amend': l('更新案件信息', 'Amend case'),
  'case.auto-escalate': l('超时自动上报', 'Escalate automatically'),
  'catalogue.update': l('修改事项目录', 'Edit catalogue'),
  'open311.key.create': l('新建 Open311 密钥', 'Create Open311 key'),
  'open311.key.revoke': l('停用 Open311 密钥', 'Revoke Open311 key'),
  'import.hotline': l('导入12345工单', 'Import hotline orders'),
  'import.people': l('导入人口信息', 'Import people'),
  'household.create': l('新建住户', 'Add household'),
  'household.update': l('修改住户', 'Edit household'),
  'household.move-in': l('登记迁入', 'Record move-in'),
  'household.move-out': l('登记迁出', 'Record move-out'),
  'household.death': l('登记死亡', 'Record death'),
  // places and organisations (docs/REGISTRY.md)
  'place.create': l('新增场所', 'Add place'),
  'place.update': l('修改场所', 'Edit place'),
  'place.retire': l('注销场所', 'Retire place'),
  'organisation.create': l('新增组织', 'Add organisation'),
  'organisation.update': l('修改组织', 'Edit organisation'),
  'organisation.retire': l('注销组织', 'Retire organisation'),
  // activities and volunteers (docs/ACTIVITIES.md)
  'activity.publish': l('发布活动', 'Publish activity'),
  'activity.cancel': l('取消活动', 'Cancel activity'),
  'activity.sign-up': l('活动报名', 'Sign up for activity'),
  'activity.cancel-sign-up': l('取消活动报名', 'Cancel sign-up'),
  'activity.check-in': l('活动签到', 'Check in'),
  'activity.check-out': l('活动签退', 'Check out'),
  'activity.mark': l('标记出席或缺席', 'Mark attendance'),
  'activity.confirm': l('确认活动考勤', 'Confirm attendance'),
  'volunteer.register': l('登记志愿者', 'Register volunteer'),
  'volunteer-team.create': l('建立志愿服务队', 'Create volunteer team'),
  'volunteer-team.update': l('修改志愿服务队', 'Edit volunteer team'),
  'volunteer.record': l('填写志愿服务记录', 'Keep volunteer record'),
  'volunteer.certificate': l('开具志愿服务记录证明', 'Issue certificate of service'),
  'organisation.whitelist': l('设置社会组织白名单', 'Set whitelist'),
  'wish.create': l('发布微心愿', 'Post wish'),
  'survey.create': l('新建问卷', 'Create a questionnaire'),
  'survey.update': l('修改问卷', 'Edit a questionnaire'),
  'survey.publish': l('发布问卷', 'Publish a questionnaire'),
  'survey.close': l('结束问卷', 'Close a questionnaire'),
  'survey.answer': l('填写问卷', 'Answer a questionnaire'),
  'order.create': l('群众点单', 'Place order'),
  'service-menu.create': l('新增服务项目', 'Add service'),
  'service-menu.update': l('修改服务项目', 'Edit service'),
  'service-team.create': l('新建服务队伍', 'Create service team'),
  'service-team.member.add': l('加入服务队伍', 'Add team member'),
  'service-team.member.remove': l('移出服务队伍', 'Remove team member'),
  'points.award.propose': l('申报积分', 'Propose award'),
  'points.award.auto': l('自动积分', 'Automatic award'),
  'points.award.approve': l('审核通过积分', 'Approve award'),
  'points.award.reject': l('驳回积分申报', 'Reject award'),
  'points.award.reverse': l('冲正积分', 'Reverse award'),
  'points.rule.create': l('新增积分规则', 'Add points rule'),
  'points.rule.update': l('修改积分规则', 'Edit points rule'),
  'points.item.create': l('上架兑换商品', 'Add item'),
  'points.item.update': l('修改兑换商品', 'Edit item'),
  'points.item.restock': l('补充库存', 'Restock item'),
  'points.redeem': l('积分兑换', 'Redeem points'),
  'points.redemption.confirm': l('核销兑换', 'Confirm redemption'),
  'points.redemption.cancel': l('取消兑换', 'Cancel redemption'),
  'points.factor.save': l('修改积分系数', 'Save points factor'),
  'points.audit': l('账本核查', 'Audit ledger'),
  'party.registration.apply': l('申请双报到', 'Apply to register'),
  'party.registration.accept': l('通过双报到申请', 'Accept registration'),
  'party.registration.reject': l('驳回双报到申请', 'Reject registration'),
  'party.post.create': l('新增党员岗位', 'Add post'),
  'party.member.post': l('设岗定责', 'Assign post'),
  'party.member.post-report': l('岗位履职报告', 'Report on post'),
  'party.member.transfer': l('组织关系转接', 'Transfer member'),
  'party.links.apply': l('生成一户十联', 'Apply household links'),
  'party.links.move': l('调整联户', 'Move household link'),
  'party.visit.create': l('走访记录', 'Record visit'),
  'party.visit.followup': l('走访问题转案件', 'Visit follow-up to case'),
  'party.patrol.check-in': l('巡查打卡', 'Patrol check-in'),
  'export.bulletin': l('导出工作简报', 'Export bulletin'),
  'export.emergency': l('导出应急事件纪实', 'Export emergency record'),
  'staff.appoint': l('任命网格队伍人员', 'Appoint staff'),
  'staff.end': l('免去网格队伍职务', 'End appointment'),
  'household.risk': l('调整风险等级', 'Change risk colour'),
  'campaign.create': l('发起敲门行动', 'Start door-knocking campaign'),
  'campaign.round': l('开始新一轮敲门', 'Start another round'),
  'campaign.close': l('结束敲门行动', 'Close campaign'),
  'emergency.start': l('转入战时状态', 'Switch to wartime'),
  'emergency.unit': l('组建战时力量', 'Form a wartime force'),
  'emergency.checkin': l('战时到岗签到', 'On-call check-in'),
  'emergency.end': l('恢复平时状态', 'Back to peacetime'),
  'emergency.task': l('下达战时任务', 'Send a wartime task'),
  'emergency.task-ack': l('确认收到战时任务', 'Acknowledge a wartime task'),
  'evacuation.create': l('生成转移安置名单', 'Create evacuation list'),
  'evacuation.add': l('加入转移名单', 'Add to evacuation list'),
  'evacuation.assign': l('分派转移责任人和安置点', 'Assign evacuation'),
  'evacuation.close': l('结束转移安置', 'Close evacuation list'),
  'evacuation.start': l('开始转移', 'Evacuation started'),
  'evacuation.arrive': l('确认到达安置点', 'Arrival confirmed'),
  'evacuation.refuse': l('拒绝转移', 'Evacuation refused'),
  'evacuation.return': l('转移人员返回', 'Returned home'),
  'export.evacuation': l('导出转移安置名单', 'Export evacuation list'),
  'party.org.create': l('新建党组织', 'Create organisation'),
  'party.org.update': l('修改党组织', 'Edit organisation'),
  'party.org.delete': l('撤销党组织', 'Remove organisation'),
  'party.member.central': l('设置党员中心户', 'Set central household'),
};

/** What an export (`export.<list>`) exported. */
const EXPORT_LISTS: Record<string, Label> = {
  cases: l('案件台账', 'case ledger'),
  people: l('人口台账', 'people ledger'),
  'people-registry': l('人口信息（导入模板，完整号码）', 'people in the import template (full numbers)'),
  households: l('住户台账', 'household ledger'),
  'points-leaderboard': l('积分排行', 'points leaderboard'),
  audit: l('审计日志', 'audit log'),
  units: l('部门考核排名', 'department ranking'),
  areas: l('区域统计', 'area statistics'),
  categories: l('事项类型统计', 'type statistics'),
};

const ENTITIES: Record<string, Label> = {
  burden_form: l('报表', 'Report form'),
  burden_form_return: l('报表填报', 'Form answer'),
  burden_list_entry: l('准入/负面清单事项', 'List entry'),
  burden_request: l('准入申请', 'Admission request'),
  burden_task: l('下派任务', 'Pushed-down task'),
  cadre_checkin: l('下沉干部报到', 'Cadre check-in'),
  cadre_task: l('下沉干部任务', 'Cadre task'),
  calendar: l('工作日历', 'Work calendar'),
  deliberation: l('议事协商', 'Deliberation'),
  meeting: l('议事会议', 'Meeting'),
  convention: l('村规民约/居民公约', 'Convention'),
  idea: l('金点子', 'Idea'),
  need: l('需求清单事项', 'Need'),
  offer: l('赋能清单事项', 'Offer'),
  project: l('治理项目', 'Project'),
  reception_day: l('接待日', 'Reception day'),
  service_point: l('服务阵地', 'Service point'),
  talent: l('名录库人员', 'Talent'),
  unit: l('单位', 'Unit'),
  user: l('账号', 'Account'),
  day: l('日期', 'Day'),
  person: l('人员', 'Person'),
  area: l('区域', 'Area'),
  household: l('住户', 'Household'),
  case: l('案件', 'Case'),
  catalogue: l('事项目录', 'Catalogue'),
  export: l('导出', 'Export'),
  import: l('导入', 'Import'),
  open311_key: l('Open311 密钥', 'Open311 key'),
  party_member: l('党员', 'Party member'),
  party_org: l('党组织', 'Party organisation'),
  staff_appointment: l('网格队伍任命', 'Staff appointment'),
  campaign: l('敲门行动', 'Door-knocking campaign'),
  emergency: l('应急事件', 'Emergency event'),
  evacuation: l('转移安置名单', 'Evacuation list'),
  evacuation_entry: l('转移人员', 'Person to evacuate'),
  party_patrol: l('巡查', 'Patrol'),
  party_post: l('党员岗位', 'Post'),
  party_registration: l('双报到申请', 'Registration'),
  party_visit: l('走访', 'Visit'),
  points_award: l('积分申报', 'Points award'),
  points_factor: l('积分系数', 'Points factor'),
  points_item: l('兑换商品', 'Item'),
  points_redemption: l('积分兑换', 'Redemption'),
  points_rule: l('积分规则', 'Points rule'),
  service_menu_item: l('服务项目', 'Service'),
  service_order: l('服务单', 'Service order'),
  service_team: l('服务队伍', 'Service team'),
  wish: l('微心愿', 'Wish'),
  survey: l('问卷', 'Questionnaire'),
  place: l('场所', 'Place'),
  'property-contract': l('物业服务合同', 'Property service contract'),
  'property-bill': l('物业费账单', 'Property fee bill'),
  'property-grading': l('物业信用评级', 'Property credit grading'),
  organisation: l('组织', 'Organisation'),
  activity: l('活动', 'Activity'),
  volunteer: l('志愿者', 'Volunteer'),
  volunteer_team: l('志愿服务队', 'Volunteer team'),
};

/** Detail fields, by their key in the row's JSON. */
const FIELDS: Record<string, Label> = {
  period: l('账期', 'Period'),
  amountFen: l('金额（分）', 'Amount (fen)'),
  fen: l('金额（分）', 'Amount (fen)'),
  redemptionId: l('兑换记录', 'Redemption'),
  name: l('名称', 'Name'),
  startsOn: l('开始日期', 'Starts on'),
  endsOn: l('结束日期', 'Ends on'),
  termStart: l('任期开始', 'Term starts'),
  termEnd: l('任期结束', 'Term ends'),
  committeeMembers: l('委员人数', 'Committee members'),
  mode: l('覆盖方式', 'Cover'),
  heldOn: l('会议日期', 'Held on'),
  successors: l('后继区域', 'Successors'),
  buildings: l('楼栋数', 'Buildings'),
  code: l('编码', 'Code'),
  from: l('原值', 'From'),
  to: l('新值', 'To'),
  reason: l('原因', 'Reason'),
  note: l('说明', 'Note'),
  id: l('编号', 'ID'),
  points: l('积分', 'Points'),
  orgId: l('党组织', 'Organisation'),
  length: l('长度', 'Length'),
  fields: l('字段', 'Fields'),
  requestId: l('依据的准入申请', 'Admitted request'),
  field: l('字段', 'Field'),
  changed: l('修改项', 'Changed'),
  amount: l('积分数', 'Amount'),
  username: l('用户名', 'Username'),
  stock: l('库存', 'Stock'),
  state: l('状态', 'State'),
  price: l('价格', 'Price'),
  postCode: l('岗位', 'Post'),
  memberId: l('党员', 'Member'),
  channel: l('渠道', 'Channel'),
  quantity: l('数量', 'Quantity'),
  updated: l('更新', 'Updated'),
  unchanged: l('未变', 'Unchanged'),
  total: l('合计', 'Total'),
  rule: l('规则', 'Rule'),
  ruleCode: l('规则', 'Rule'),
  roles: l('角色', 'Roles'),
  refused: l('拒绝', 'Refused'),
  percent: l('比例', 'Percent'),
  onBehalf: l('代办', 'On behalf'),
  kind: l('类型', 'Kind'),
  failedLogins: l('失败次数', 'Failed logins'),
  sourceFailures: l('该地址失败次数', 'Failures from this address'),
  failures: l('失败次数', 'Failures'),
  links: l('已校验记录', 'Links checked'),
  breaks: l('断链数', 'Breaks'),
  first: l('第一处断链', 'First break'),
  heads: l('链头数', 'Heads'),
  sm3: l('文件摘要', 'File digest'),
  entries: l('条目数', 'Entries'),
  duties: l('职责', 'Duties'),
  created: l('新增', 'Created'),
  active: l('启用', 'Active'),
  userId: l('账号', 'Account'),
  post: l('职务', 'Post'),
  personId: l('人员', 'Person'),
  parentId: l('上级组织', 'Parent organisation'),
  secretaryName: l('书记', 'Secretary'),
  compounds: l('小区', 'Compounds'),
  whitelisted: l('白名单', 'Whitelisted'),
  user: l('账号', 'Account'),
  until: l('截至', 'Until'),
  transferId: l('转账编号', 'Transfer'),
  toLevel: l('上报至', 'To level'),
  toArea: l('转入区域', 'To area'),
  step: l('环节', 'Step'),
  size: l('大小', 'Size'),
  service: l('服务', 'Service'),
  self: l('本人', 'Self'),
  rows: l('行数', 'Rows'),
  reportId: l('报告', 'Report'),
  refund: l('返还', 'Refund'),
  refId: l('关联', 'Reference'),
  ref: l('关联', 'Reference'),
  authorisedBy: l('确认人', 'Confirmed by'),
  recipient: l('获得人', 'Recipient'),
  poolId: l('积分池', 'Pool'),
  ownerLevel: l('主办层级', 'Owner level'),
  ownerAreaCode: l('主办区域', 'Owner area'),
  month: l('月份', 'Month'),
  members: l('党员数', 'Members'),
  locked: l('锁定', 'Locked'),
  linked: l('联户数', 'Linked'),
  level: l('层级', 'Level'),
  firstCode: l('首个编号', 'First code'),
  lastCode: l('末个编号', 'Last code'),
  key: l('密钥', 'Key'),
  item: l('商品', 'Item'),
  households: l('户数', 'Households'),
  householdId: l('住户', 'Household'),
  fromId: l('原记录', 'From record'),
  fromCode: l('原编号', 'From code'),
  followups: l('待跟进', 'Follow-ups'),
  followupId: l('跟进', 'Follow-up'),
  filters: l('筛选条件', 'Filters'),
  cases: l('案件数', 'Cases'),
  events: l('流转记录数', 'Steps'),
  areas: l('区域', 'Areas'),
  lightAreas: l('简版演示村（社区）数', 'Light demo villages'),
  area: l('区域', 'Area'),
  scheme: l('积分类别', 'Scheme'),
  category: l('事项类型', 'Type'),
  q: l('关键词', 'Keyword'),
  overdue: l('超期', 'Overdue'),
  box: l('列表', 'List'),
  imported: l('导入', 'Imported'),
  skipped: l('跳过', 'Skipped'),
  file: l('文件', 'File'),
  fileName: l('文件名', 'File name'),
  action: l('操作', 'Action'),
  decision: l('决定', 'Decision'),
  score: l('评价', 'Rating'),
  unitId: l('单位', 'Unit'),
  assistUnitIds: l('协办单位', 'Assisting units'),
  workingDays: l('工作日', 'Working days'),
  intoCaseId: l('并入案件', 'Merged into'),
  parentCode: l('上级区域', 'Parent area'),
  outline: l('边界', 'Outline'),
  crs: l('坐标系', 'Coordinate system'),
  title: l('标题', 'Title'),
  round: l('轮次', 'Round'),
  visited: l('已走访户数', 'Households reached'),
  summary: l('总结', 'Summary'),
  grid: l('网格', 'Grid'),
  task: l('任务', 'Task'),
  unit: l('战时力量', 'Force'),
  minutes: l('持续分钟', 'Minutes'),
  responseLevel: l('响应级别', 'Response level'),
  located: l('附位置', 'With location'),
  tappedAt: l('签到时间（离线补发）', 'Tapped at (sent later)'),
  format: l('格式', 'Format'),
  people: l('人数', 'People'),
  person: l('人员', 'Person'),
  destination: l('安置点', 'Shelter'),
  responsible: l('责任人', 'Responsible'),
  capacity: l('名额', 'Capacity'),
  signedUp: l('报名人数', 'Signed up'),
  present: l('出席人数', 'Present'),
  absent: l('未到人数', 'No-shows'),
  posted: l('记分人数', 'Points posted'),
  attendance: l('报名记录', 'Sign-up'),
  mark: l('标记', 'Mark'),
  team: l('队伍', 'Team'),
  commendations: l('表彰数', 'Commendations'),
  hours: l('时长（小时）', 'Hours'),
  trainings: l('培训数', 'Trainings'),
};

/** The label of an audit action code; an unknown code is shown as a generic 系统操作, never as the code. */
/** Coded values of detail fields, in words: why a login or password change failed or was refused. */
const VALUES: Record<string, Record<string, Label>> = {
  mark: { present: l('出席', 'Present'), absent: l('缺席', 'Absent') },
  crs: { wgs84: l('WGS84（GPS）', 'WGS84 (GPS)'), gcj02: l('GCJ-02（高德、腾讯地图）', 'GCJ-02 (AMap, Tencent)'), bd09: l('BD-09（百度地图）', 'BD-09 (Baidu)') },
  outline: { drawn: l('已绘制', 'Drawn'), redrawn: l('已重新绘制', 'Redrawn'), point: l('已定位', 'Located'), cleared: l('已清除', 'Cleared') },
  reason: {
    bad_password: l('密码错误', 'Wrong password'),
    unknown_user: l('用户名不存在', 'Unknown username'),
    inactive: l('账号已停用', 'Account disabled'),
    locked: l('账号锁定中，未完成验证', 'Account locked, no challenge solved'),
    challenge_required: l('需完成验证题', 'Challenge required'),
    challenge_failed: l('验证题答错或已过期', 'Challenge wrong or expired'),
    source_blocked: l('该地址失败过多，已拒绝', 'Too many failures from this address'),
    wrong_current: l('当前密码错误', 'Wrong current password'),
  },
};

export function auditActionLabel(action: string): Label {
  const fixed = ACTIONS[action];
  if (fixed) return fixed;
  const [head, ...rest] = action.split('.');
  const tail = rest.join('.');
  if (head === 'case' && tail in CASE_ACTION_LABELS) {
    const a = CASE_ACTION_LABELS[tail as keyof typeof CASE_ACTION_LABELS];
    return l(`案件${a.zh}`, `Case: ${a.en}`);
  }
  if (head === 'wish' && tail in WISH_ACTION_LABELS) {
    const a = WISH_ACTION_LABELS[tail as keyof typeof WISH_ACTION_LABELS];
    return l(`微心愿${a.zh}`, `Wish: ${a.en}`);
  }
  if (head === 'order' && tail in ORDER_ACTION_LABELS) {
    const a = ORDER_ACTION_LABELS[tail as keyof typeof ORDER_ACTION_LABELS];
    return l(`服务单${a.zh}`, `Order: ${a.en}`);
  }
  if (head === 'export') {
    const list = EXPORT_LISTS[tail];
    return list ? l(`导出${list.zh}`, `Export ${list.en}`) : l('导出台账', 'Export ledger');
  }
  return l('系统操作', 'System operation');
}

export function auditEntityLabel(type: string): Label {
  return ENTITIES[type] ?? l('其他', 'Other');
}

export interface AuditDetailItem {
  key: string;
  label: Label;
  value: string;
}

type NameOf = (code: string) => string | undefined;

function valueText(v: unknown, nameOf?: NameOf): string {
  if (v === null || v === undefined || v === '') return '—';
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (Array.isArray(v)) return v.map((x) => valueText(x, nameOf)).join('、');
  if (typeof v === 'object') {
    return Object.entries(v as Record<string, unknown>)
      .filter(([, x]) => x !== undefined && x !== null && x !== '')
      .map(([k, x]) => `${FIELDS[k]?.zh ?? '其他'}：${valueText(x, nameOf)}`)
      .join('；');
  }
  // An area code reads as its name (状元街居委会), never as digits.
  if (typeof v === 'string' && isAreaCode(v)) return nameOf?.(v) ?? v;
  return String(v);
}

/** Every area code in a detail (for looking their names up in one batch). */
export function auditDetailAreaCodes(detail: unknown): string[] {
  const out: string[] = [];
  const walk = (v: unknown) => {
    if (typeof v === 'string' && isAreaCode(v)) out.push(v);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(detail);
  return out;
}

/** A row's detail JSON as labelled lines (名称：…, 原因：…); nested objects are flattened into words. */
export function auditDetailItems(detail: unknown, nameOf?: NameOf): AuditDetailItem[] {
  if (detail === null || detail === undefined) return [];
  if (typeof detail !== 'object' || Array.isArray(detail)) return [{ key: 'value', label: l('内容', 'Value'), value: valueText(detail, nameOf) }];
  return Object.entries(detail as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .map(([key, v]) => ({ key, label: FIELDS[key] ?? l('其他', 'Other'), value: (typeof v === 'string' && VALUES[key]?.[v]?.zh) || valueText(v, nameOf) }));
}

/** For tests: every fixed action code with a label. */
export const AUDIT_ACTION_CODES = Object.keys(ACTIONS);
