// Service points, the talent registry and sunk-down cadres (docs/SERVICE-POINTS.md).
export interface ServicePoint {
  id: string;
  areaCode: string;
  areaName: string | null;
  kind: string;
  kindName: string;
  name: string;
  lat: number;
  lng: number;
  address: string | null;
  hours: string | null;
  services: string[];
  contactName: string | null;
  contactPhone: string | null;
  allowedActions: string[];
  metres?: number;
  walkMinutes?: number;
}

export interface Nearby {
  home: { lat: number; lng: number } | null;
  /** What stood for home: the phone's location, the building's point, or the middle of the grid or community. */
  homeAt: 'location' | 'building' | 'grid' | 'community' | 'area' | null;
  source: 'location' | 'area' | 'home' | 'home-area';
  areaCode: string | null;
  areaName: string | null;
  method: { minutes: number; speedKmh: number; detourFactor: number; note: string };
  choices: { code: string; name: string }[];
  items: ServicePoint[];
}

export interface Talent {
  id: string;
  areaCode: string;
  areaName: string | null;
  name: string;
  category: string;
  roles: string[];
  workplace: string | null;
  expertise: string | null;
  phone: string | null;
  listed: boolean;
  consentAt: string | null;
  consentWithdrawnAt: string | null;
  consentNote: string | null;
  allowedActions: string[];
}

export interface Cadre {
  id: string;
  name: string;
  areaCode: string;
  areaName: string | null;
  unitId: string | null;
  unitName: string | null;
  kind: string;
  allowedActions?: string[];
}

export interface CadreTask {
  id: string;
  cadreId: string;
  cadreName: string | null;
  areaCode: string;
  areaName: string | null;
  title: string;
  detail: string | null;
  dueOn: string | null;
  state: 'open' | 'done' | 'cancelled';
  completedAt: string | null;
  completionNote: string | null;
  photoUrl: string | null;
  createdAt: string | null;
  allowedActions: string[];
  points?: number;
}

export interface Attendance {
  period: string;
  months: number;
  expectedDaysPerMonth: number;
  weight: number;
  basis: string;
  cadres: (Cadre & { days: number; lastDay: string | null; tasksDone: number; expectedDays: number })[];
  units: { unitId: string | null; unitName: string; cadres: number; days: number; tasksDone: number; expectedDays: number; attendanceRate: number; weightedScore: number }[];
}

export interface MyCadrePage {
  cadre: Cadre;
  today: string;
  checkedInToday: boolean;
  monthDays: number;
  expectedDays: number;
  checkins: { day: string; at: string | null; located: boolean }[];
  tasks: CadreTask[];
}

export const SERVICE_POINT_KINDS = ['service-centre', 'grid-station', 'neighbourhood-centre', 'building-group', 'clinic', 'love-supermarket', 'elderly-care', 'self-service', 'other'];
export const TALENT_CATEGORIES = ['entrepreneur', 'cadre', 'teacher', 'doctor', 'new-class', 'other'];
export const TALENT_ROLES = ['development', 'technology', 'legal', 'review'];
export const KIND_COLOURS: Record<string, string> = {
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
