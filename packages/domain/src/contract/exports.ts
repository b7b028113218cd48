// Exports (Excel files): the background export jobs' answers (docs/API.md). The files themselves are declared by
// their media type beside the routes.
import { z } from 'zod';
import { isoTime } from './common.ts';

/** `POST /api/exports/{people|cases}/jobs` → 202 and `GET /api/exports/jobs/{id}`: a background export's progress. */
export const ExportJob = z.object({
  id: z.string(),
  kind: z.enum(['people', 'cases']),
  state: z.enum(['running', 'ready', 'failed']),
  done: z.number().int(),
  total: z.number().int(),
  /** 100 once ready; at most 99 while running. */
  percent: z.number().int(),
  fileName: z.string(),
  createdAt: isoTime,
  finishedAt: isoTime.nullable(),
  /** Where to download the file once it is ready (the job's owner only). */
  downloadUrl: z.string().nullable(),
});
export type ExportJob = z.infer<typeof ExportJob>;
