// Shared helpers of the case screens (console and mobile): the catalogue, labels, deadlines.
import { useEffect, useMemo, useState } from 'react';
import dayjs from 'dayjs';
import type { CaseAction, CaseState, CatalogueType, DeadlineSpec, Rating, StepDeadlines } from '../api/cases.ts';
import { useI18n } from '../i18n/index.tsx';
import { useApi } from './useApi.ts';
import { getOrCopy } from './offlineDb.ts';

// ---- catalogue ------------------------------------------------------------------------------

let catalogue: Promise<{ items: CatalogueType[] }> | null = null;
const listeners = new Set<() => void>();

/** Drops the cached catalogue (after an edit) and tells every user of `useCatalogue` to reload. */
export function reloadCatalogue() {
  catalogue = null;
  listeners.forEach((fn) => fn());
}

export interface CatalogueNode extends CatalogueType {
  children: CatalogueNode[];
  /** Names from the top: ['城市管理事件·市容环境', …] */
  path: string[];
}

export interface Catalogue {
  loaded: boolean;
  error: Error | undefined;
  items: CatalogueType[];
  roots: CatalogueNode[];
  leaves: CatalogueType[];
  byCode: Map<string, CatalogueNode>;
  name: (code: string | null | undefined) => string;
}

/** The catalogue (`GET /api/catalog`, public), loaded once per page load and shared by every screen. */
export function useCatalogue(): Catalogue {
  const [version, setVersion] = useState(0);
  useEffect(() => {
    const fn = () => setVersion((v) => v + 1);
    listeners.add(fn);
    return () => {
      listeners.delete(fn);
    };
  }, []);
  const res = useApi(fetchCatalogue, [version]);
  return useMemo(() => buildCatalogue(res.data?.items ?? [], Boolean(res.data), res.error), [res.data, res.error]);
}

/**
 * The catalogue's request, shared by every component, so it is never aborted by one of them. Its last copy serves a
 * report form opened without a connection.
 */
function fetchCatalogue(): Promise<{ items: CatalogueType[] }> {
  catalogue ??= getOrCopy<{ items: CatalogueType[] }>('/api/catalog').catch((e: unknown) => {
    catalogue = null;
    throw e;
  });
  return catalogue;
}

/** The catalogue once (for an action, such as a form's submission, that needs it without rendering again when it arrives). */
export async function loadCatalogue(): Promise<Catalogue> {
  try {
    return buildCatalogue((await fetchCatalogue()).items, true);
  } catch (e) {
    return buildCatalogue([], false, e instanceof Error ? e : new Error(String(e)));
  }
}

export function buildCatalogue(items: CatalogueType[], loaded: boolean, error?: Error): Catalogue {
  const byCode = new Map<string, CatalogueNode>();
  for (const it of items) byCode.set(it.code, { ...it, children: [], path: [] });
  const roots: CatalogueNode[] = [];
  for (const node of byCode.values()) {
    const parent = node.parentCode ? byCode.get(node.parentCode) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  const walk = (n: CatalogueNode, path: string[]) => {
    n.path = [...path, n.name];
    n.children.forEach((c) => walk(c, n.path));
  };
  roots.forEach((r) => walk(r, []));
  return {
    loaded,
    error,
    items,
    roots,
    leaves: items.filter((i) => i.leaf && i.active),
    byCode,
    name: (code) => (code ? (byCode.get(code)?.name ?? code) : '—'),
  };
}

/** Top-level families of the catalogue, by the first character(s) of their codes. */
export function familyOf(code: string): 'event' | 'component' | 'governance' | 'hotline' {
  if (code.startsWith('B')) return 'component';
  if (code.startsWith('G')) return 'governance';
  if (code.startsWith('H')) return 'hotline';
  return 'event';
}

/** Leaves matching a search text in name, code or keywords (residents type 路灯不亮, 垃圾 …). */
export function searchCatalogue(cat: Catalogue, text: string, limit = 30): CatalogueNode[] {
  const q = text.trim().toLowerCase();
  if (!q) return [];
  const scored: { n: CatalogueNode; s: number }[] = [];
  for (const leaf of cat.leaves) {
    const n = cat.byCode.get(leaf.code);
    if (!n) continue;
    let s = 0;
    if (n.name.includes(q)) s = 3;
    else if (n.code.toLowerCase() === q) s = 3;
    else if (n.keywords.some((k) => k.includes(q) || q.includes(k))) s = 2;
    else if (n.path.some((p) => p.includes(q))) s = 1;
    if (s) scored.push({ n, s });
  }
  return scored.sort((a, b) => b.s - a.s).slice(0, limit).map((x) => x.n);
}

// ---- labels ---------------------------------------------------------------------------------

export const STATE_COLOURS: Record<CaseState, string> = {
  reported: 'gold',
  accepted: 'orange',
  dispatched: 'blue',
  acknowledged: 'geekblue',
  handled: 'purple',
  closed: 'green',
  rejected: 'default',
  withdrawn: 'default',
  merged: 'default',
  suspended: 'magenta',
};

/** Colours for antd-mobile tags (it knows fewer presets). */
// Dark enough for text on their own tint (WCAG AA 4.5:1).
export const STATE_HEX: Record<CaseState, string> = {
  reported: '#874d00',
  accepted: '#ad4e00',
  dispatched: '#1d5fa8',
  acknowledged: '#2f54eb',
  handled: '#722ed1',
  closed: '#237804',
  rejected: '#6e6e6e',
  withdrawn: '#6e6e6e',
  merged: '#6e6e6e',
  suspended: '#c41d7f',
};

export function useCaseLabels() {
  const { tx, locale } = useI18n();
  return useMemo(() => {
    const spec = (d: DeadlineSpec | null | undefined) => {
      if (!d) return '—';
      if (d.unit === 'hours' && d.amount < 1) return tx('case.spec.minutes', '', { n: Math.round(d.amount * 60) });
      return tx(d.unit === 'hours' ? 'case.spec.hours' : 'case.spec.workingDays', '', { n: d.amount });
    };
    return {
      state: (s: string | null | undefined) => (s ? tx(`case.state.${s}`, s) : '—'),
      action: (a: string) => tx(`case.action.${a}`, a),
      channel: (c: string | null | undefined) => (c ? tx(`case.channel.${c}`, c) : '—'),
      rating: (r: Rating | string | null | undefined) => (r ? tx(`case.rating.${r}`, r) : '—'),
      ownerLevel: (l: string | null | undefined) => (l ? tx(`case.ownerLevel.${l}`, l) : '—'),
      unitStatus: (s: string) => tx(`case.unitStatus.${s}`, s),
      unitRole: (r: string) => tx(`case.unitRole.${r}`, r),
      /** A label the server sends in Chinese; in English, ours for the same code when we have one. */
      serverLabel: (zh: string, key: string) => (locale === 'en' ? tx(key, zh) : zh),
      spec,
      /** "受理 2 小时 · 签收 2 小时 · 办结 3 个工作日 · 核查 1 个工作日" */
      specs: (d: StepDeadlines) => (['accept', 'acknowledge', 'handle', 'verify'] as const).map((k) => `${tx(`case.step.${k}`, k)} ${spec(d[k])}`).join(' · '),
    };
  }, [tx, locale]);
}

/** Actions whose button leads the row (the next step of the loop), and those that undo or refuse. */
export const PRIMARY_ACTIONS: readonly CaseAction[] = ['accept', 'dispatch', 'acknowledge', 'handle', 'verify-pass', 'approve-extension', 'rate', 'resume', 'reopen'];
export const DANGER_ACTIONS: readonly CaseAction[] = ['reject', 'return', 'verify-fail', 'withdraw', 'deny-extension'];
/** The order buttons appear in: the loop's next step first, then the side steps. */
export const ACTION_ORDER: readonly CaseAction[] = [
  'accept',
  'dispatch',
  'acknowledge',
  'handle',
  'verify-pass',
  'verify-fail',
  'approve-extension',
  'deny-extension',
  'rate',
  'reopen',
  'resume',
  'escalate',
  'feedback',
  'request-extension',
  'merge',
  'unmerge',
  'urge',
  'suspend',
  'return',
  'reject',
  'withdraw',
];

export const sortActions = (actions: readonly CaseAction[]) => [...actions].sort((a, b) => ACTION_ORDER.indexOf(a) - ACTION_ORDER.indexOf(b));

// ---- time -----------------------------------------------------------------------------------

/** The current time, refreshed every `ms` (for countdowns). */
export function useNow(ms = 30_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = window.setInterval(() => setNow(Date.now()), ms);
    return () => window.clearInterval(id);
  }, [ms]);
  return now;
}

export type DueTone = 'ok' | 'warning' | 'overdue' | 'none';

/** Time left to (or past) a deadline as "2 天 3 小时" in the current language. */
export function useRemaining() {
  const { t } = useI18n();
  return (iso: string | null | undefined, now: number): { text: string; overdue: boolean } | null => {
    if (!iso) return null;
    const due = dayjs(iso).valueOf();
    if (!Number.isFinite(due)) return null;
    let diff = Math.abs(due - now);
    const overdue = due < now;
    const days = Math.floor(diff / 86_400_000);
    diff -= days * 86_400_000;
    const hours = Math.floor(diff / 3_600_000);
    diff -= hours * 3_600_000;
    const minutes = Math.max(overdue ? 0 : 1, Math.floor(diff / 60_000));
    const parts: string[] = [];
    if (days) parts.push(t('case.dur.days', { n: days }));
    if (hours || days) parts.push(t('case.dur.hours', { n: hours }));
    if (!days) parts.push(t('case.dur.minutes', { n: minutes }));
    const span = parts.join(' ');
    return { text: overdue ? t('case.due.overdueBy', { d: span }) : t('case.due.left', { d: span }), overdue };
  };
}

/** Mobile numbers the server accepts: 11 digits starting 13–19. */
export const isMobile = (s: string) => /^1[3-9]\d{9}$/.test(s.trim());

/** A case title from what a resident wrote: the type and the first phrase, at most 40 characters. */
export function titleFrom(typeName: string, description: string): string {
  const first = description.trim().split(/[。！？!?\n；;]/)[0]?.trim() ?? '';
  const phrase = first.length > 34 ? `${first.slice(0, 33)}…` : first;
  return (phrase ? `${typeName}：${phrase}` : typeName).slice(0, 100);
}
