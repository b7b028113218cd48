// Micro-wishes (微心愿) and service orders (点单-派单-接单): types and calls of their API.
import { api, get, post, patch } from './client.ts';
import type { FileRef } from './cases.ts';

// The wishes' answers come from the server's response schemas (packages/domain/src/contract/wishes.ts, docs/API.md);
// the service orders' timeline has the same shape.
export type { WallItem, Wish, WishAction, WishDetail, WishState, WishTimelineEntry as TimelineEntry } from '@gongzhi/domain/contract';
import type { WallItem, Wish, WishAction, WishDetail, WishState, WishTimelineEntry as TimelineEntry } from '@gongzhi/domain/contract';
export const WISH_STATES: WishState[] = ['submitted', 'published', 'claimed', 'fulfilled', 'confirmed', 'rejected', 'cancelled'];

export interface Page<T> {
  total: number;
  page: number;
  pageSize: number;
  items: T[];
}

export interface WishQuery {
  state?: string;
  area?: string;
  relation?: 'mine' | 'claimed';
  page?: number;
  pageSize?: number;
}

export const listWishes = (q: WishQuery, signal?: AbortSignal) => get<Page<Wish>>('/api/wishes', { ...q }, signal);
export const getWish = (id: string, signal?: AbortSignal) => get<WishDetail>(`/api/wishes/${id}`, undefined, signal);
export const wishWall = (area: string, signal?: AbortSignal) => get<{ area: { code: string; name: string }; total: number; items: WallItem[] }>('/api/wishes/wall', { area }, signal);
export const createWish = (body: { title: string; description: string; forPersonId?: string }, key: string) =>
  api<{ id: string; state: WishState }>('/api/wishes', { method: 'POST', body, headers: { 'Idempotency-Key': key } });
export const wishAction = (id: string, action: WishAction, body: { reason?: string; note?: string; attachments?: string[] } = {}) => post<WishDetail>(`/api/wishes/${id}/actions/${action}`, body);

// ---- service orders ---------------------------------------------------------------------------

export type OrderState = 'ordered' | 'dispatched' | 'taken' | 'completed' | 'rated' | 'cancelled';
export type OrderAction = 'dispatch' | 'reassign' | 'take' | 'decline' | 'complete' | 'rate' | 'cancel';
export type OrderRating = 'satisfied' | 'basically-satisfied' | 'unsatisfied';
export const ORDER_STATES: OrderState[] = ['ordered', 'dispatched', 'taken', 'completed', 'rated', 'cancelled'];

export interface Order {
  id: string;
  state: OrderState;
  stateLabel: string;
  service: { id: string; name: string; category: string };
  note: string;
  preferredTime: string | null;
  address: string;
  area: { code: string; name: string };
  community: { code: string; name: string };
  orderer: { name: string };
  mine: boolean;
  assignee: { kind: 'member' | 'team'; id: string; name: string } | null;
  takenBy: { id: string; name: string } | null;
  completeNote: string | null;
  rating: OrderRating | null;
  ratingLabel: string | null;
  ratingComment: string | null;
  closeReason: string | null;
  createdAt: string;
  dispatchedAt: string | null;
  takenAt: string | null;
  completedAt: string | null;
  ratedAt: string | null;
  allowedActions: OrderAction[];
}

export interface OrderDetail extends Order {
  points: number | null;
  attachments: FileRef[];
  timeline: TimelineEntry[];
}

export interface OrderQuery {
  state?: string;
  area?: string;
  relation?: 'mine' | 'assigned';
  page?: number;
  pageSize?: number;
}

export interface OrderActionBody {
  memberUserId?: string;
  teamId?: string;
  reason?: string;
  note?: string;
  score?: OrderRating;
  comment?: string;
  attachments?: string[];
}

export const listOrders = (q: OrderQuery, signal?: AbortSignal) => get<Page<Order> & { counts: Partial<Record<OrderState, number>> }>('/api/orders', { ...q }, signal);
export const getOrder = (id: string, signal?: AbortSignal) => get<OrderDetail>(`/api/orders/${id}`, undefined, signal);
export const createOrder = (body: { menuItemId: string; note?: string; preferredTime?: string; address?: string }, key: string) =>
  api<{ id: string; state: OrderState }>('/api/orders', { method: 'POST', body, headers: { 'Idempotency-Key': key } });
export const orderAction = (id: string, action: OrderAction, body: OrderActionBody = {}) => post<OrderDetail>(`/api/orders/${id}/actions/${action}`, body);

export interface MenuItem {
  id: string;
  name: string;
  category: string;
  description: string;
  active: boolean;
  sort: number;
  defaultTeam: { id: string; name: string } | null;
}
export interface ServiceMenu {
  area: { code: string; name: string };
  canEdit: boolean;
  items: MenuItem[];
}
export interface TeamMember {
  userId: string;
  /** Only for the community's managers. */
  username: string | null;
  name: string;
  leader: boolean;
}
export interface ServiceTeam {
  id: string;
  code: string | null;
  name: string;
  description: string;
  standard: boolean;
  active: boolean;
  members: TeamMember[];
}

export const getMenu = (area?: string, signal?: AbortSignal) => get<ServiceMenu>('/api/service-menu', { area }, signal);
export const createMenuItem = (body: { area: string; name: string; category: string; description?: string; defaultTeamId?: string | null; sort?: number }) => post<MenuItem>('/api/service-menu', body);
export const updateMenuItem = (id: string, body: Partial<{ name: string; category: string; description: string; defaultTeamId: string | null; active: boolean; sort: number }>) =>
  patch<MenuItem>(`/api/service-menu/${id}`, body);
export const listTeams = (area?: string, signal?: AbortSignal) => get<{ area: { code: string; name: string }; canEdit: boolean; items: ServiceTeam[] }>('/api/service-teams', { area }, signal);
export const listServers = (area: string, signal?: AbortSignal) =>
  get<{ area: { code: string; name: string }; items: { userId: string; username: string; name: string; teams: string[] }[] }>('/api/service-teams/servers', { area }, signal);
export const createTeam = (body: { area: string; name: string; description?: string }) => post<ServiceTeam>('/api/service-teams', body);
export const addTeamMember = (teamId: string, body: { username: string; leader?: boolean }) => post<ServiceTeam>(`/api/service-teams/${teamId}/members`, body);
export const removeTeamMember = (teamId: string, userId: string) => api<ServiceTeam>(`/api/service-teams/${teamId}/members/${userId}`, { method: 'DELETE' });

/** A fresh Idempotency-Key for one submission of a form. */
export const newKey = () => (crypto.randomUUID ? crypto.randomUUID() : `${Date.now()}-${Math.random().toString(36).slice(2)}`);
