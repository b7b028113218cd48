// Points (积分) helpers shared by the console and the phone pages: the caller's points abilities,
// labels in the current language, idempotency keys.
import { useMemo } from 'react';
import { get } from '../api/client.ts';
import type { PointScheme, PointsMe } from '@gongzhi/domain/contract';
import { useAuth } from '../auth/AuthContext.tsx';
import { useI18n } from '../i18n/index.tsx';
import { useApi } from './useApi.ts';

/** The schemes in the order the screens list them. */
export const POINT_SCHEMES: readonly PointScheme[] = ['vanguard', 'neighbourhood', 'family', 'volunteer', 'service', 'cadre'];

let cached: { userId: string; promise: Promise<PointsMe>; data?: PointsMe } | null = null;

/** `/api/points/me` once per signed-in user, for menus and tabs (pages that show balances load it themselves). */
function pointsMeOnce(userId: string): Promise<PointsMe> {
  if (cached?.userId !== userId) {
    const entry: NonNullable<typeof cached> = { userId, promise: get<PointsMe>('/api/points/me') };
    entry.promise.then(
      (data) => {
        entry.data = data;
      },
      () => {
        if (cached === entry) cached = null;
      },
    );
    cached = entry;
  }
  return cached.promise;
}

export interface PointsAccess {
  loaded: boolean;
  error?: Error;
  can: (ability: string) => boolean;
  /** The caller holds (or may hold) personal or family points. */
  hasAccounts: boolean;
}

/** The caller's points abilities (from `/api/points/me`), loaded once per session. */
export function usePointsAccess(): PointsAccess {
  const { me } = useAuth();
  const userId = me?.id ?? null;
  const res = useApi(userId ? () => pointsMeOnce(userId) : null, [userId]);
  const loaded = res.data;
  const error = res.error;
  // Once loaded, every later page has the answer at its first render (no flash of a default tab).
  const data = loaded ?? (cached?.userId === userId ? cached?.data : undefined);
  return useMemo(() => {
    const abilities = new Set(data?.abilities ?? []);
    return { loaded: Boolean(data), error: data ? undefined : error, can: (a: string) => abilities.has(a), hasAccounts: (data?.accounts.length ?? 0) > 0 };
  }, [data, error]);
}

/** Display labels for the points codes, in the current language (the server's Chinese label as fallback). */
export function usePointsLabels() {
  const { tx } = useI18n();
  return useMemo(
    () => ({
      scheme: (code: string, fallback?: string) => tx(`points.scheme.${code}`, fallback ?? code),
      schemeShort: (code: string, fallback?: string) => tx(`points.schemeShort.${code}`, fallback ?? code),
      unit: (scheme: string) => tx(`points.unit.${scheme === 'volunteer' ? 'hours' : 'points'}`),
      awardState: (s: string, fallback?: string) => tx(`points.awardState.${s}`, fallback ?? s),
      redemptionState: (s: string, fallback?: string) => tx(`points.redemptionState.${s}`, fallback ?? s),
      itemKind: (k: string, fallback?: string) => tx(`points.itemKind.${k}`, fallback ?? k),
      transferKind: (k: string, fallback?: string) => tx(`points.transferKind.${k}`, fallback ?? k),
      accountKind: (k: string | null | undefined) => (k ? tx(`points.accountKind.${k}`, k) : '—'),
    }),
    [tx],
  );
}

/** Colours per scheme, shared by tags and phone cards (dark enough for text: WCAG AA 4.5:1). */
export const SCHEME_COLOUR: Record<PointScheme, string> = {
  vanguard: '#b7181e',
  neighbourhood: '#1d5fa8',
  family: '#ad4e00',
  volunteer: '#237804',
  service: '#722ed1',
  cadre: '#006d75',
};

/** A fresh Idempotency-Key (crypto.randomUUID needs a secure context; getRandomValues does not). */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function' && window.isSecureContext) return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
}

/** "+5", "-80", "0". */
export const signed = (n: number) => (n > 0 ? `+${n}` : String(n));
