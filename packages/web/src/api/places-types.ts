// Places, organisations and the person page (docs/REGISTRY.md).
import type { PersonDetail, RiskColour } from './types.ts';

export interface Place {
  id: string;
  kind: string;
  group: string | null;
  name: string;
  areaCode: string;
  areaName: string | null;
  lat: number;
  lng: number;
  outline: unknown;
  address: string | null;
  propertyOrg: { id: string; name: string | null } | null;
  note: string | null;
  retiredAt: string | null;
  updatedAt: string;
  allowedActions: string[];
}

export interface Organisation {
  id: string;
  kind: string;
  name: string;
  areaCode: string;
  areaName: string | null;
  contactName: string | null;
  phone: string | null;
  creditCode: string | null;
  whitelisted: boolean;
  address: string | null;
  note: string | null;
  retiredAt: string | null;
  updatedAt: string;
  compounds?: { id: string; name: string; areaCode: string }[];
  allowedActions: string[];
}

export interface PersonProfile {
  person: PersonDetail;
  areas: { code: string; level: string; name: string }[];
  household: {
    id: string;
    address: string;
    doorplate: string;
    riskColour: RiskColour | null;
    members: { id: string; name: string; relation: string; gender: string; age: number | null }[];
    history: { id: string; kind: string; date: string; note: string | null; personId: string; personName: string; actorName: string | null }[];
  } | null;
  party: {
    kind: string;
    orgId: string;
    orgName: string;
    localOrgName: string | null;
    registrationState: string | null;
    backbone: boolean;
    centralHousehold: boolean;
    joinedOn: string | null;
    postName: string | null;
  } | null;
  points: { id: string; scheme: string; kind: string; name: string; balance: number }[];
  cases: { total: number; items: { id: string; code: string; title: string; state: string; areaCode: string; createdAt: string }[] };
  visits: { id: string; visitedOn: string; visitorName: string; duties: string[]; notes: string | null }[];
  posts: { id: string; post: string; areaCode: string; startedOn: string; endedOn: string | null }[];
}
