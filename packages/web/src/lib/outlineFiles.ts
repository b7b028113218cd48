// Outline files → GeoJSON features, for the bulk import of outlines (docs/TERRITORY.md): GeoJSON as it is, KML
// with @tmcw/togeojson, zipped Shapefile with shpjs (its .prj applied, so the outlines arrive in WGS84). Runs in
// the browser; the XML parser is a parameter so the same code is tested under Node with a DOM-less parser.
// The ambient types of shpjs, needed too when the server's tests compile this file.
// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="../shpjs.d.ts" />
import type { Feature, FeatureCollection } from 'geojson';

/** The XML document @tmcw/togeojson reads (the DOM's Document in the browser). */
type KmlDocument = Parameters<(typeof import('@tmcw/togeojson'))['kml']>[0];
export type XmlParser = (text: string) => KmlDocument;

type XmlParserClass = new () => { parseFromString(text: string, type: string): KmlDocument };
const browserXml: XmlParser = (text) => new (globalThis as unknown as { DOMParser: XmlParserClass }).DOMParser().parseFromString(text, 'text/xml');

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
