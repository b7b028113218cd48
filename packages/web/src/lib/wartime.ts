// The banner's data: the emergency events in force over an area (the caller's scope by default), refreshed every
// minute, shared by every console and phone screen (平战转换).
import { useEffect, useState } from 'react';
import { activeEmergencies, type ActiveEmergency } from '../api/emergencies.ts';
import type { MessageKey, TFunction } from '../i18n/index.tsx';
import { fmtTime } from './format.ts';

const REFRESH_MS = 60_000;

export function useWartime(areaCode?: string, enabled = true): ActiveEmergency[] {
  const [items, setItems] = useState<ActiveEmergency[]>([]);
  useEffect(() => {
    if (!enabled) return;
    let alive = true;
    const ctrl = new AbortController();
    const load = () =>
      activeEmergencies(areaCode, ctrl.signal)
        .then((r) => alive && setItems(r.items))
        .catch(() => undefined);
    void load();
    const timer = window.setInterval(load, REFRESH_MS);
    // A switch made in this browser shows at once: the console page announces it.
    const onChange = () => void load();
    window.addEventListener('gz-wartime-changed', onChange);
    return () => {
      alive = false;
      ctrl.abort();
      window.clearInterval(timer);
      window.removeEventListener('gz-wartime-changed', onChange);
    };
  }, [areaCode, enabled]);
  return items;
}

/** The banner's sentence for one event in force (console and phone): the area, the kind, the level, since when. */
export const wartimeSentence = (t: TFunction, e: ActiveEmergency) =>
  t('emergency.banner', {
    area: e.areaName ?? e.areaCode,
    kind: t(`emergency.kind.${e.kind}` as MessageKey),
    level: t(`emergency.level.${e.level}` as MessageKey),
    since: fmtTime(e.startedAt),
  });

export const announceWartimeChange = () => window.dispatchEvent(new Event('gz-wartime-changed'));
