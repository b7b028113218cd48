// Micro-wishes (微心愿) and service orders (点单-派单-接单): types and calls of their API.
import { api, get, post, patch } from './client.ts';

// The wishes' answers come from the server's response schemas (packages/domain/src/contract/wishes.ts, docs/API.md);
// the service orders' timeline has the same shape.
export type { WallItem, Wish, WishAction, WishDetail, WishState, WishTimelineEntry as TimelineEntry } from '@gongzhi/domain/contract';
import type { WishAction, WishCreated, WishDetail, WishList, WishState, WishWall } from '@gongzhi/domain/contract';
export const WISH_STATES: WishState[] = ['submitted', 'published', 'claimed', 'fulfilled', 'confirmed', 'rejected', 'cancelled'];

export interface WishQuery {
  state?: string;
  area?: string;
  relation?: 'mine' | 'claimed';
  page?: number;
  pageSize?: number;
}

export const listWishes = (q: WishQuery, signal?: AbortSignal) => get<WishList>('/api/wishes', { ...q }, signal);
export const getWish = (id: string, signal?: AbortSignal) => get<WishDetail>(`/api/wishes/${id}`, undefined, signal);
export const wishWall = (area: string, signal?: AbortSignal) => get<WishWall>('/api/wishes/wall', { area }, signal);
export const createWish = (body: { title: string; description: string; forPersonId?: string }, key: string) =>
  api<WishCreated>('/api/wishes', { method: 'POST', body, headers: { 'Idempotency-Key': key } });
export const wishAction = (id: string, action: WishAction, body: { reason?: string; note?: string; attachments?: string[] } = {}) => post<WishDetail>(`/api/wishes/${id}/actions/${action}`, body);

// ---- service orders ---------------------------------------------------------------------------

// The service orders' answers come from the server's response schemas too (packages/domain/src/contract/orders.ts).
export type { MenuItem, Order, OrderAction, OrderDetail, OrderRating, OrderState, ServiceMenu, ServiceTeam, TeamMember } from '@gongzhi/domain/contract';
import type { MenuItem, OrderAction, OrderCreated, OrderDetail, OrderList, OrderRating, OrderServers, OrderState, ServiceMenu, ServiceTeam, ServiceTeams } from '@gongzhi/domain/contract';
export const ORDER_STATES: OrderState[] = ['ordered', 'dispatched', 'taken', 'completed', 'rated', 'cancelled'];

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

export const listOrders = (q: OrderQuery, signal?: AbortSignal) => get<OrderList>('/api/orders', { ...q }, signal);
export const getOrder = (id: string, signal?: AbortSignal) => get<OrderDetail>(`/api/orders/${id}`, undefined, signal);
export const createOrder = (body: { menuItemId: string; note?: string; preferredTime?: string; address?: string }, key: string) =>
  api<OrderCreated>('/api/orders', { method: 'POST', body, headers: { 'Idempotency-Key': key } });
export const orderAction = (id: string, action: OrderAction, body: OrderActionBody = {}) => post<OrderDetail>(`/api/orders/${id}/actions/${action}`, body);

export const getMenu = (area?: string, signal?: AbortSignal) => get<ServiceMenu>('/api/service-menu', { area }, signal);
export const createMenuItem = (body: { area: string; name: string; category: string; description?: string; defaultTeamId?: string | null; sort?: number }) => post<MenuItem>('/api/service-menu', body);
export const updateMenuItem = (id: string, body: Partial<{ name: string; category: string; description: string; defaultTeamId: string | null; active: boolean; sort: number }>) =>
  patch<MenuItem>(`/api/service-menu/${id}`, body);
export const listTeams = (area?: string, signal?: AbortSignal) => get<ServiceTeams>('/api/service-teams', { area }, signal);
export const listServers = (area: string, signal?: AbortSignal) =>
  get<OrderServers>('/api/service-teams/servers', { area }, signal);
export const createTeam = (body: { area: string; name: string; description?: string }) => post<ServiceTeam>('/api/service-teams', body);
export const addTeamMember = (teamId: string, body: { username: string; leader?: boolean }) => post<ServiceTeam>(`/api/service-teams/${teamId}/members`, body);
export const removeTeamMember = (teamId: string, userId: string) => api<ServiceTeam>(`/api/service-teams/${teamId}/members/${userId}`, { method: 'DELETE' });

/** A fresh Idempotency-Key for one submission of a form. */
export const newKey = () => (crypto.randomUUID ? crypto.randomUUID() : `${Date.now()}-${Math.random().toString(36).slice(2)}`);
