import { useMemo } from 'react';
import { useI18n } from '../i18n/index.tsx';
import { get } from '../api/client.ts';
import type { Dictionaries } from '../api/types.ts';
import { useApi } from './useApi.ts';

/** Display labels for the codes the API sends (roles, levels, genders …), in the current language. */
export function useLabels() {
  const { tx } = useI18n();
  return useMemo(
    () => ({
      role: (code: string) => tx(`role.${code}`, code),
      roles: (codes: string[]) => codes.map((c) => tx(`role.${c}`, c)).join('、'),
      level: (level: string | null | undefined) => (level ? tx(`level.${level}`, level) : '—'),
      gender: (g: string | null | undefined) => (g ? tx(`gender.${g}`, g) : '—'),
      relation: (r: string | null | undefined) => (r ? tx(`relation.${r}`, r) : '—'),
      residence: (r: string | null | undefined) => (r ? tx(`residence.${r}`, r) : '—'),
      risk: (r: string | null | undefined) => (r ? tx(`risk.${r}`, r) : tx('risk.none')),
      riskLong: (r: string | null | undefined) => (r ? tx(`risk.${r}Long`, r) : tx('risk.none')),
      gridType: (g: string | null | undefined) => (g ? tx(`gridType.${g}`, g) : '—'),
      gridTypeShort: (g: string | null | undefined) => (g ? tx(`gridType.${g}Short`, g) : '—'),
      auditAction: (a: string) => tx(`audit.act.${a}`, a),
      auditEntity: (e: string | null | undefined) => (e ? tx(`audit.ent.${e}`, e) : '—'),
    }),
    [tx],
  );
}

let dictionaries: Promise<Dictionaries> | null = null;

/** The registry's dictionaries (special groups, residence types), loaded once per page load. */
export function useDictionaries() {
  const { locale } = useI18n();
  const { data } = useApi(() => {
    // Shared by every component, so it is never aborted by one of them.
    dictionaries ??= get<Dictionaries>('/api/registry/dictionaries').catch((e: unknown) => {
      dictionaries = null;
      throw e;
    });
    return dictionaries;
  }, []);
  return useMemo(() => {
    const groups = data?.specialGroups ?? [];
    const byCode = new Map(groups.map((g) => [g.code, g]));
    const name = (g: { zh: string; en: string }) => (locale === 'en' ? g.en : g.zh);
    return {
      loaded: Boolean(data),
      specialGroups: groups,
      residenceTypes: data?.residenceTypes ?? [],
      tagLabel: (code: string) => {
        const g = byCode.get(code);
        return g ? name(g) : code;
      },
      isSensitive: (code: string) => Boolean(byCode.get(code)?.sensitive),
      name,
    };
  }, [data, locale]);
}
