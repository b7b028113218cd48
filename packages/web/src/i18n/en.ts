import type { MessageKey } from './zh-CN.ts';
import { pointsEn } from './points.en.ts';
import { partyEn } from './party.en.ts';
import { staffEn } from './staff.en.ts';
import { campaignEn } from './campaign.en.ts';
import { emergencyEn } from './emergency.en.ts';
import { evacEn } from './evac.en.ts';
import { offlineEn } from './offline.en.ts';
import { casesEn } from './cases.en.ts';
import { cockpitEn } from './cockpit.en.ts';
import { ledgersEn } from './ledgers.en.ts';
import { territoryEn } from './territory.en.ts';
import { registryEn } from './registry.en.ts';
import { placesEn } from './places.en.ts';
import { cadresEn } from './cadres.en.ts';
import { wishesEn } from './wishes.en.ts';
import { activitiesEn } from './activities.en.ts';
import { conventionsEn } from './conventions.en.ts';
import { deliberationEn } from './deliberation.en.ts';
import { meetingsEn } from './meetings.en.ts';
import { surveysEn } from './surveys.en.ts';
import { projectsEn } from './projects.en.ts';
import { worktimeEn } from './worktime.en.ts';
import { assessEn } from './assess.en.ts';
import { burdenEn } from './burden.en.ts';
import { receptionEn } from './reception.en.ts';
import { elderEn } from './elder.en.ts';
import { propertyEn } from './property.en.ts';
import { baseEn } from './base.en.ts';

export const en: Record<MessageKey, string> = {
  ...pointsEn,
  ...partyEn,
  ...staffEn,
  ...campaignEn,
  ...emergencyEn,
  ...evacEn,
  ...offlineEn,
  ...burdenEn,
  ...casesEn,
  ...cockpitEn,
  ...ledgersEn,
  ...territoryEn,
  ...registryEn,
  ...placesEn,
  ...cadresEn,
  ...wishesEn,
  ...activitiesEn,
  ...deliberationEn,
  ...meetingsEn,
  ...surveysEn,
  ...conventionsEn,
  ...projectsEn,
  ...propertyEn,
  ...worktimeEn,
  ...assessEn,
  ...receptionEn,
  ...elderEn,
  ...baseEn,
};
