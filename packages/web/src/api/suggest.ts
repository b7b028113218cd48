import { api } from './client.ts';

/** POST /api/cases/suggest (docs/SMART-INTAKE.md). */
export interface CaseSuggestions {
  categories: { code: string; name: string; score: number; words?: string[] }[];
  units: { id: string; name: string; score: number; words?: string[] }[];
  similar: { id: string; code: string; title: string; score: number }[];
}

export interface SuggestQuery {
  title?: string;
  description?: string;
  areaCode?: string;
  location?: { lat: number; lng: number; crs?: 'wgs84' | 'gcj02' | 'bd09' };
}

export const suggestCase = (q: SuggestQuery, signal?: AbortSignal) => api<CaseSuggestions>('/api/cases/suggest', { method: 'POST', body: q, signal });
