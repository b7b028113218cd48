// Outline files → GeoJSON features, for the bulk import of outlines (docs/TERRITORY.md): GeoJSON as it is, KML
// with @tmcw/togeojson, zipped Shapefile with shpjs (its .prj applied, so the outlines arrive in WGS84). Runs in
// the browser; the XML parser is a parameter so the same code is tested under Node with a DOM-less parser.
import type { Feature, FeatureCollection } from 'geojson';

export type XmlParser = (text: string) => Document;

const browserXml: XmlParser = (text) => new DOMParser().parseFromString(text, 'text/xml');

export async function readOutlines(fileName: string, data: ArrayBuffer, parseXml: XmlParser = browserXml): Promise<Feature[]> {
  const name = fileName.toLowerCase();
  if (name.endsWith('.zip')) {
    const { default: shp } = await import('shpjs');
    const out = await shp(data);
    return (Array.isArray(out) ? out : [out]).flatMap((c) => c.features);
  }
  const text = new TextDecoder('utf-8').decode(data);
  if (name.endsWith('.kml')) {
    const { kml } = await import('@tmcw/togeojson');
    return kml(parseXml(text)).features as Feature[];
  }
  const json = JSON.parse(text) as FeatureCollection | Feature;
  return json.type === 'FeatureCollection' ? json.features : [json];
}
