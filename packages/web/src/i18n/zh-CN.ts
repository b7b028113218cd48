// Chinese (simplified) is the product's first language; every other locale mirrors these keys.
import { pointsZhCN } from './points.zh-CN.ts';
import { casesZhCN } from './cases.zh-CN.ts';
import { cockpitZhCN } from './cockpit.zh-CN.ts';
import { ledgersZhCN } from './ledgers.zh-CN.ts';
import { territoryZhCN } from './territory.zh-CN.ts';
import { registryZhCN } from './registry.zh-CN.ts';
import { placesZhCN } from './places.zh-CN.ts';
import { cadresZhCN } from './cadres.zh-CN.ts';
import { partyZhCN } from './party.zh-CN.ts';
import { staffZhCN } from './staff.zh-CN.ts';
import { campaignZhCN } from './campaign.zh-CN.ts';
import { emergencyZhCN } from './emergency.zh-CN.ts';
import { evacZhCN } from './evac.zh-CN.ts';
import { offlineZhCN } from './offline.zh-CN.ts';
import { wishesZhCN } from './wishes.zh-CN.ts';
import { activitiesZhCN } from './activities.zh-CN.ts';
import { conventionsZhCN } from './conventions.zh-CN.ts';
import { deliberationZhCN } from './deliberation.zh-CN.ts';
import { meetingsZhCN } from './meetings.zh-CN.ts';
import { surveysZhCN } from './surveys.zh-CN.ts';
import { projectsZhCN } from './projects.zh-CN.ts';
import { worktimeZhCN } from './worktime.zh-CN.ts';
import { assessZhCN } from './assess.zh-CN.ts';
import { burdenZhCN } from './burden.zh-CN.ts';
import { receptionZhCN } from './reception.zh-CN.ts';
import { elderZhCN } from './elder.zh-CN.ts';
import { propertyZhCN } from './property.zh-CN.ts';
import { baseZhCN } from './base.zh-CN.ts';

export const zhCN = {
  ...pointsZhCN,
  ...casesZhCN,
  ...cockpitZhCN,
  ...ledgersZhCN,
  ...territoryZhCN,
  ...registryZhCN,
  ...placesZhCN,
  ...cadresZhCN,
  ...partyZhCN,
  ...staffZhCN,
  ...campaignZhCN,
  ...emergencyZhCN,
  ...evacZhCN,
  ...offlineZhCN,
  ...burdenZhCN,
  ...wishesZhCN,
  ...activitiesZhCN,
  ...deliberationZhCN,
  ...meetingsZhCN,
  ...surveysZhCN,
  ...conventionsZhCN,
  ...projectsZhCN,
  ...propertyZhCN,
  ...worktimeZhCN,
  ...assessZhCN,
  ...receptionZhCN,
  ...elderZhCN,
  ...baseZhCN,
} as const;

export type MessageKey = keyof typeof zhCN;
