// shpjs ships no types: a zipped Shapefile (ArrayBuffer) → GeoJSON, one collection per layer.
declare module 'shpjs' {
  import type { FeatureCollection } from 'geojson';
  type Collection = FeatureCollection & { fileName?: string };
  export default function shp(input: ArrayBuffer): Promise<Collection | Collection[]>;
}
