import type { Notice, Page, SubscribeResult, SubscriptionsRequest } from '@yizhan/shared';
import { PAGE_SIZE } from '../config';
import { get, post } from './request';

export const listNotices = (cursor: string | null, limit = PAGE_SIZE) => get<Page<Notice>>('/notices', { cursor, limit });

export const markNoticeRead = (id: string) => post<void>(`/notices/${encodeURIComponent(id)}/read`);

/** 全部已读. */
export const markAllNoticesRead = () => post<{ marked: number }>('/notices/read-all');

export const postSubscriptions = (results: Record<string, SubscribeResult>) => post<void>('/subscriptions', { results } satisfies SubscriptionsRequest);
