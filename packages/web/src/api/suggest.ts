import type { z } from 'zod';
import type { CaseSuggestions, SuggestBody } from '@gongzhi/domain/contract';
import { api } from './client.ts';

/** POST /api/cases/suggest (docs/SMART-INTAKE.md): the server's response schema. */
export type { CaseSuggestions };

/** What the report form holds so far: the server's request schema (docs/API.md "Request types"). */
export type SuggestQuery = z.input<typeof SuggestBody>;

export const suggestCase = (q: SuggestQuery, signal?: AbortSignal) => api<CaseSuggestions>('/api/cases/suggest', { method: 'POST', body: q, signal });
