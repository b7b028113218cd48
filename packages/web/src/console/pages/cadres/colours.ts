// The colour of each kind of service point, on the map and in the list.
import type { ServicePointKind } from '@gongzhi/domain';

export const KIND_COLOURS: Record<ServicePointKind, string> = {
  'service-centre': '#cf1322',
  'grid-station': '#1677ff',
  'neighbourhood-centre': '#fa8c16',
  'building-group': '#d4380d',
  clinic: '#13c2c2',
  'love-supermarket': '#eb2f96',
  'elderly-care': '#52c41a',
  'self-service': '#722ed1',
  other: '#595959',
};
