// Pure, deterministic demo data: district layout, grids and grid populations.
export type {
  AreaSeed,
  GridPopulation,
  GridType,
  HouseholdSeed,
  Relation,
  ResidentSeed,
  TownInput,
  VillageInput,
} from './types.ts';
export { layoutDistrict, generateGrids, type LayoutOptions } from './layout.ts';
export { generateGridPopulation, DEMO_REFERENCE_DATE } from './population.ts';
export {
  planVillage,
  isUrbanVillage,
  MIN_GRID_HOUSEHOLDS,
  MAX_GRID_HOUSEHOLDS,
  MAX_GRIDS_PER_VILLAGE,
  type VillagePlan,
  type GridPlan,
} from './plan.ts';
export {
  generateCaseHistory,
  historyStepTimes,
  HISTORY_CHANNELS,
  type CaseHistoryOptions,
  type HistoryCase,
  type HistoryEvent,
  type HistoryActor,
  type HistoryGrid,
  type HistoryChannel,
  type HistoryMark,
  type HistoryUnit,
  type StepDeadlineSpecs,
} from './case-history.ts';
export { CASE_TEXTS, type CaseText } from './case-texts.ts';
