// The banner's data: the emergency events in force over an area (the caller's scope by default), refreshed every
// minute, shared by every console and phone screen (平战转换).
import { useEffect, useState } from 'react';
import { activeEmergencies, type ActiveEmergency } from '../api/emergencies.ts';

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

export const announceWartimeChange = () => window.dispatchEvent(new Event('gz-wartime-changed'));
