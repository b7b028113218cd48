import type { CaseSuggestions } from '@gongzhi/domain/contract';
import { api } from './client.ts';

/** POST /api/cases/suggest (docs/SMART-INTAKE.md): the server's response schema. */
export type { CaseSuggestions };

export interface SuggestQuery {
  title?: string;
  description?: string;
  areaCode?: string;
  location?: { lat: number; lng: number; crs?: 'wgs84' | 'gcj02' | 'bd09' };
}

export const suggestCase = (q: SuggestQuery, signal?: AbortSignal) => api<CaseSuggestions>('/api/cases/suggest', { method: 'POST', body: q, signal });
