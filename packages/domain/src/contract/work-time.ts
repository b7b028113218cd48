// The work calendar and office hours: routes/work-time.ts.
import { z } from 'zod';

export const CalendarDay = z.object({
  date: z.string(),
  working: z.boolean(),
  kind: z.enum(['workday', 'weekend', 'holiday', 'makeup']),
  /** The holiday's name for holidays and make-up days. */
  name: z.string().nullable(),
  source: z.enum(['override', 'package', 'weekday']),
});
export type CalendarDay = z.infer<typeof CalendarDay>;

const override = { date: z.string(), working: z.boolean(), name: z.string().nullable(), updatedAt: z.string() };

export const CalendarYear = z.object({
  year: z.number().int(),
  /** The package has the State Council's notice for this year. */
  packageCovers: z.boolean(),
  covered: z.boolean(),
  /** Holidays, make-up days and every day the local table sets, in date order. */
  special: z.array(CalendarDay),
  overrides: z.array(z.object(override)),
  workingDays: z.number().int(),
  allowedActions: z.array(z.string()),
});
export type CalendarYear = z.infer<typeof CalendarYear>;

export const CalendarOverride = z.object({ ...override, day: CalendarDay });
export type CalendarOverride = z.infer<typeof CalendarOverride>;

export const OfficePeriod = z.object({ start: z.string(), end: z.string() });
export type OfficePeriod = z.infer<typeof OfficePeriod>;

export const OfficeHoursList = z.object({
  default: z.object({ periods: z.array(OfficePeriod) }),
  items: z.array(
    z.object({
      unitId: z.string(),
      name: z.string(),
      type: z.string(),
      areaCode: z.string(),
      /** null: the default office hours. */
      periods: z.array(OfficePeriod).nullable(),
      updatedAt: z.string().nullable(),
    }),
  ),
});
export type OfficeHoursList = z.infer<typeof OfficeHoursList>;

export const UnitOfficeHours = z.object({ unitId: z.string(), name: z.string(), periods: z.array(OfficePeriod) });
export type UnitOfficeHours = z.infer<typeof UnitOfficeHours>;
