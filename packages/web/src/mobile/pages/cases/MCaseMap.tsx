import { useEffect, useRef } from 'react';
import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import type { GeoJsonObject } from 'geojson';
import { get } from '../../../api/client.ts';
import type { AreaDetail } from '../../../api/types.ts';
import { useT } from '../../../i18n/index.tsx';
import { addBaseLayer, projectionFor, useMapSettings } from '../../../lib/mapTiles.ts';
import { useApi } from '../../../lib/useApi.ts';

const REPORT = '#b7181e';
const VERIFY = '#237804';

/**
 * Where the case is on the phone: the report's point (red) and, for staff, where the on-site check
 * was passed (green), inside the grid's outline when the caller may read it, with a legend.
 */
export function MCaseMap({ location, verifyLocation, areaCode, withGrid }: { location: { lat: number; lng: number } | null; verifyLocation: { lat: number; lng: number } | null; areaCode: string; withGrid: boolean }) {
  const t = useT();
  const settings = useMapSettings();
  // The grid outline for staff (who read the grid); the reporter sees the points alone.
  const gridCode = withGrid && areaCode.length >= 15 ? areaCode.slice(0, 15) : null;
  const grid = useApi(gridCode ? (signal) => get<AreaDetail>(`/api/areas/${gridCode}`, undefined, signal) : null, [gridCode]);
  const geometry = grid.data?.geometry as GeoJsonObject | undefined;
  const el = useRef<HTMLDivElement>(null);
  const waiting = settings === null || (Boolean(gridCode) && grid.loading && grid.data === undefined);

  useEffect(() => {
    const container = el.current;
    if (!container || waiting) return;
    const proj = projectionFor(settings);
    const map = L.map(container, { attributionControl: false, zoomControl: false, zoomSnap: 0.25, minZoom: 8, maxZoom: 20 });
    const points = [location, verifyLocation].filter((p): p is { lat: number; lng: number } => p !== null).map((p) => proj.toMap(p.lat, p.lng));
    const outline = geometry ? L.geoJSON(geometry, { coordsToLatLng: proj.coordsToLatLng, interactive: false, style: { color: REPORT, weight: 1.5, fillColor: REPORT, fillOpacity: 0.05, dashArray: '4 3' } }) : null;
    let bounds = L.latLngBounds(points);
    if (outline?.getBounds().isValid()) bounds = bounds.extend(outline.getBounds());
    if (!bounds.isValid()) {
      map.remove();
      return;
    }
    if (bounds.getNorthEast().equals(bounds.getSouthWest())) map.setView(bounds.getCenter(), 17);
    else map.fitBounds(bounds, { padding: [16, 16], maxZoom: 18 });
    addBaseLayer(map, settings);
    outline?.addTo(map);
    if (location) L.circleMarker(proj.toMap(location.lat, location.lng), { radius: 7, color: '#fff', weight: 2, fillColor: REPORT, fillOpacity: 1 }).addTo(map);
    if (verifyLocation) L.circleMarker(proj.toMap(verifyLocation.lat, verifyLocation.lng), { radius: 6, color: '#fff', weight: 2, fillColor: VERIFY, fillOpacity: 1 }).addTo(map);
    return () => {
      map.remove();
    };
  }, [waiting, geometry, settings, location, verifyLocation]);

  if (waiting) return <div className="m-point-map m-point-map-wait" />;
  return (
    <div className="m-point-map-wrap m-case-map" data-testid="m-case-map">
      <div ref={el} className="m-point-map" />
      <div className="m-case-map-legend">
        {location && (
          <span>
            <i style={{ background: REPORT }} />
            {t('m.case.mapReport')}
          </span>
        )}
        {verifyLocation && (
          <span data-testid="m-case-map-verify">
            <i style={{ background: VERIFY }} />
            {t('m.case.mapVerify')}
          </span>
        )}
      </div>
    </div>
  );
}
