// The service points of the list on a map (Leaflet with the product's base layer, like PlacesMap).
import { useEffect, useRef } from 'react';
import { Empty, Spin } from 'antd';
import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import type { ServicePoint } from '@gongzhi/domain/contract';
import { KIND_COLOURS } from './colours.ts';
import { useI18n } from '../../../i18n/index.tsx';
import { addBaseLayer, projectionFor, useMapSettings } from '../../../lib/mapTiles.ts';

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

export function ServicePointsMap({ points, onSelect }: { points: ServicePoint[]; onSelect: (p: ServicePoint) => void }) {
  const { tx } = useI18n();
  const settings = useMapSettings();
  const el = useRef<HTMLDivElement>(null);
  const mapRef = useRef<L.Map | null>(null);
  const onSelectRef = useRef(onSelect);
  useEffect(() => {
    onSelectRef.current = onSelect;
  });
  const ready = settings !== null;
  const has = points.length > 0;

  useEffect(() => {
    if (!el.current || !ready || !has) return;
    const map = L.map(el.current, { attributionControl: false, zoomControl: true, zoomSnap: 0.25, minZoom: 8, maxZoom: 20 });
    addBaseLayer(map, settings);
    mapRef.current = map;
    return () => {
      map.remove();
      mapRef.current = null;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [ready, has]);

  useEffect(() => {
    const map = mapRef.current;
    if (!map) return;
    const proj = projectionFor(settings);
    const group = L.featureGroup();
    for (const p of points) {
      const m = L.circleMarker(proj.toMap(p.lat, p.lng), { radius: 7, color: '#fff', weight: 2, fillColor: KIND_COLOURS[p.kind] ?? '#595959', fillOpacity: 0.95 });
      m.bindTooltip(`<strong>${esc(p.name)}</strong><br/>${esc(tx(`sp.kind.${p.kind}`, p.kindName))}${p.hours ? `<br/>${esc(p.hours)}` : ''}`, { className: 'gz-map-tip' });
      m.on('click', () => onSelectRef.current(p));
      m.addTo(group);
    }
    group.addTo(map);
    const b = group.getBounds();
    if (b.isValid()) map.fitBounds(b, { padding: [16, 16], maxZoom: 17 });
    return () => {
      group.remove();
    };
  }, [points, settings, tx, ready, has]);

  if (!ready) {
    return (
      <div className="gz-map-placeholder">
        <Spin />
      </div>
    );
  }
  if (!has) {
    return (
      <div className="gz-map-placeholder">
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={tx('sp.mapEmpty')} />
      </div>
    );
  }
  return <div ref={el} className="gz-map" data-testid="sp-map" />;
}
