// Reception days (接待日) and leaders' cases (领导包案): the answers of /api/reception-days, /api/reception-leaders and
// /api/lead-cases come from the server's response schemas (packages/domain/src/contract/reception.ts).
export type {
  LeadCase,
  LeadCaseList,
  PublishedReceptionDay,
  PublishedReceptionDays,
  ReceptionDay,
  ReceptionDayDetail,
  ReceptionLeader,
  ReceptionLeaders,
  ReceptionList,
  ReceptionPhase,
} from '@gongzhi/domain/contract';
