import type { TerritoryMessageKey } from './territory.zh-CN.ts';

export const territoryEn: Record<TerritoryMessageKey, string> = {
  'territory.open': 'Edit on map',
  'territory.title': 'Edit on map: {name}',
  'territory.addChild': 'Add {level}',
  'territory.draw': 'Draw {level}',
  'territory.point': 'Place a building',
  'territory.addPlain': 'Add {level} without outline',
  'territory.drawHint': 'Click each corner on the map and click the first one to finish; edges snap to neighbours',
  'territory.redrawHint': 'Drag corners to change the outline, drag the middle of an edge to add a corner',
  'territory.saveOutline': 'Save outline',
  'territory.redraw': 'Redraw outline',
  'territory.saved': 'Outline saved',
  'territory.created': 'Created',
  'territory.createTitle': 'Add {level}',
  'territory.issues': '{n} places of the grid division need a look (grids should cover everything, without gaps or overlaps)',
  'territory.overlapAt': '{a} and {b} overlap',
  'territory.gapAt': 'A gap between grids belongs to no grid',
  'territory.noOutline': 'No outline drawn yet',
  'territory.noOutlineShort': 'No outline',
  'territory.pickHint': 'Click a {level} on the map or a name below to edit it',
};
