import { useEffect, useMemo, useRef } from 'react';
import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import type { GeoJsonObject } from 'geojson';
import { get } from '../api/client.ts';
import type { AreaDetail } from '../api/types.ts';
import { useT } from '../i18n/index.tsx';
import { addBaseLayer, projectionFor, useMapSettings } from '../lib/mapTiles.ts';
import { useApi } from '../lib/useApi.ts';

const pinIcon = L.divIcon({ className: 'gz-pick-pin', html: '<span></span>', iconSize: [22, 22], iconAnchor: [11, 22] });

/**
 * The phone's located point on a small map, over the base map when one is configured, inside the
 * polygon of the reporter's grid when they may read it (`gridCode`); dragging the pin corrects a
 * poor GPS fix. Points are WGS84 whatever the base map is drawn in.
 */
export default function MPointMap({ point, gridCode, onMove }: { point: { lat: number; lng: number }; gridCode: string | null; onMove: (p: { lat: number; lng: number }) => void }) {
  const t = useT();
  const settings = useMapSettings();
  const proj = useMemo(() => projectionFor(settings), [settings]);
  const grid = useApi(gridCode ? (signal) => get<AreaDetail>(`/api/areas/${gridCode}`, undefined, signal) : null, [gridCode]);
  const geometry = grid.data?.geometry as GeoJsonObject | undefined;
  const el = useRef<HTMLDivElement>(null);
  const mapRef = useRef<L.Map | null>(null);
  const pinRef = useRef<L.Marker | null>(null);
  const onMoveRef = useRef(onMove);
  useEffect(() => {
    onMoveRef.current = onMove;
  });
  const waiting = settings === null || (Boolean(gridCode) && grid.loading && !grid.data);

  useEffect(() => {
    if (!el.current || waiting) return;
    const map = L.map(el.current, { attributionControl: false, zoomControl: false, zoomSnap: 0.25, minZoom: 8, maxZoom: 20 });
    addBaseLayer(map, settings);
    const here = proj.toMap(point.lat, point.lng);
    map.setView(here, 17);
    if (geometry) {
      const outline = L.geoJSON(geometry, { coordsToLatLng: proj.coordsToLatLng, interactive: false, style: { color: '#b7181e', weight: 1.5, fillColor: '#b7181e', fillOpacity: 0.06, dashArray: '4 3' } }).addTo(map);
      // The whole grid in view, with the point: where in the grid the report is.
      const bounds = outline.getBounds().extend(here);
      if (bounds.isValid()) map.fitBounds(bounds, { padding: [12, 12], maxZoom: 18 });
    }
    const pin = L.marker(proj.toMap(point.lat, point.lng), { draggable: true, icon: pinIcon, keyboard: false, title: t('m.case.dragPin') }).addTo(map);
    pin.on('dragend', () => onMoveRef.current(proj.fromMap(pin.getLatLng())));
    mapRef.current = map;
    pinRef.current = pin;
    return () => {
      map.remove();
      mapRef.current = null;
      pinRef.current = null;
    };
    // The map is made once the settings and the grid are known; the pin follows the point below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [waiting, geometry, settings, proj]);

  useEffect(() => {
    const map = mapRef.current;
    const pin = pinRef.current;
    if (!map || !pin) return;
    const ll = proj.toMap(point.lat, point.lng);
    if (!pin.getLatLng().equals(ll, 1e-7)) {
      pin.setLatLng(ll);
      map.panTo(ll);
    }
  }, [point, proj]);

  if (waiting) return <div className="m-point-map m-point-map-wait" />;
  return (
    <div className="m-point-map-wrap">
      <div ref={el} className="m-point-map" data-testid="m-point-map" />
      <div className="m-muted m-point-map-hint">{t('m.case.dragPin')}</div>
    </div>
  );
}
