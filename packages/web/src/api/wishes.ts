// Micro-wishes (微心愿) and service orders (点单-派单-接单): types and calls of their API.
import type { z } from 'zod';
import { api, get, post, patch, type QueryInput } from './client.ts';

// The wishes' answers come from the server's response schemas (packages/domain/src/contract/wishes.ts, docs/API.md);
// the service orders' timeline has the same shape.
export type { WallItem, Wish, WishAction, WishDetail, WishState, WishTimelineEntry as TimelineEntry } from '@gongzhi/domain/contract';
import type { WishAction, WishActionBody, WishCreateBody, WishCreated, WishDetail, WishList, WishListQuery, WishState, WishWall } from '@gongzhi/domain/contract';
export const WISH_STATES: WishState[] = ['submitted', 'published', 'claimed', 'fulfilled', 'confirmed', 'rejected', 'cancelled'];

// The request types come from the server's request schemas (docs/API.md "Request types").
export type WishQuery = QueryInput<typeof WishListQuery>;

export const listWishes = (q: WishQuery, signal?: AbortSignal) => get<WishList>('/api/wishes', { ...q }, signal);
export const getWish = (id: string, signal?: AbortSignal) => get<WishDetail>(`/api/wishes/${id}`, undefined, signal);
export const wishWall = (area: string, signal?: AbortSignal) => get<WishWall>('/api/wishes/wall', { area }, signal);
export const createWish = (body: z.input<typeof WishCreateBody>, key: string) =>
  api<WishCreated>('/api/wishes', { method: 'POST', body, headers: { 'Idempotency-Key': key } });
export const wishAction = (id: string, action: WishAction, body: z.input<typeof WishActionBody> = {}) => post<WishDetail>(`/api/wishes/${id}/actions/${action}`, body);

// ---- service orders ---------------------------------------------------------------------------

// The service orders' answers come from the server's response schemas too (packages/domain/src/contract/orders.ts).
export type { MenuItem, Order, OrderAction, OrderDetail, OrderRating, OrderState, ServiceMenu, ServiceTeam, TeamMember } from '@gongzhi/domain/contract';
import type {
  MenuItem,
  MenuItemBody,
  MenuItemPatchBody,
  OrderAction,
  OrderActionBody as OrderActionBodySchema,
  OrderCreateBody,
  OrderCreated,
  OrderDetail,
  OrderList,
  OrderListQuery,
  OrderServers,
  OrderState,
  ServiceMenu,
  ServiceTeam,
  ServiceTeamBody,
  ServiceTeams,
  TeamMemberBody,
} from '@gongzhi/domain/contract';
export const ORDER_STATES: OrderState[] = ['ordered', 'dispatched', 'taken', 'completed', 'rated', 'cancelled'];

export type OrderQuery = QueryInput<typeof OrderListQuery>;
export type OrderActionBody = z.input<typeof OrderActionBodySchema>;

export const listOrders = (q: OrderQuery, signal?: AbortSignal) => get<OrderList>('/api/orders', { ...q }, signal);
export const getOrder = (id: string, signal?: AbortSignal) => get<OrderDetail>(`/api/orders/${id}`, undefined, signal);
export const createOrder = (body: z.input<typeof OrderCreateBody>, key: string) =>
  api<OrderCreated>('/api/orders', { method: 'POST', body, headers: { 'Idempotency-Key': key } });
export const orderAction = (id: string, action: OrderAction, body: OrderActionBody = {}) => post<OrderDetail>(`/api/orders/${id}/actions/${action}`, body);

export const getMenu = (area?: string, signal?: AbortSignal) => get<ServiceMenu>('/api/service-menu', { area }, signal);
export const createMenuItem = (body: z.input<typeof MenuItemBody>) => post<MenuItem>('/api/service-menu', body);
export const updateMenuItem = (id: string, body: z.input<typeof MenuItemPatchBody>) =>
  patch<MenuItem>(`/api/service-menu/${id}`, body);
export const listTeams = (area?: string, signal?: AbortSignal) => get<ServiceTeams>('/api/service-teams', { area }, signal);
export const listServers = (area: string, signal?: AbortSignal) =>
  get<OrderServers>('/api/service-teams/servers', { area }, signal);
export const createTeam = (body: z.input<typeof ServiceTeamBody>) => post<ServiceTeam>('/api/service-teams', body);
export const addTeamMember = (teamId: string, body: z.input<typeof TeamMemberBody>) => post<ServiceTeam>(`/api/service-teams/${teamId}/members`, body);
export const removeTeamMember = (teamId: string, userId: string) => api<ServiceTeam>(`/api/service-teams/${teamId}/members/${userId}`, { method: 'DELETE' });

/** A fresh Idempotency-Key for one submission of a form. */
export const newKey = () => (crypto.randomUUID ? crypto.randomUUID() : `${Date.now()}-${Math.random().toString(36).slice(2)}`);
