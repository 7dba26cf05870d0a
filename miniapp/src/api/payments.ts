import type { QuoteDecisionRequest, Receipt, Settlement, WechatPayOrder } from '@yizhan/shared';
import { get, post } from './request';

const base = (id: string) => `/tickets/${encodeURIComponent(id)}`;

/** Quotes, payments and what is due on a request (paid services). */
export const fetchSettlement = (id: string) => get<Settlement>(`${base(id)}/settlement`);
export const approveQuote = (id: string, quoteId: string) => post<Settlement>(`${base(id)}/quotes/${encodeURIComponent(quoteId)}/approve`);
export const declineQuote = (id: string, quoteId: string, body: QuoteDecisionRequest) =>
  post<Settlement>(`${base(id)}/quotes/${encodeURIComponent(quoteId)}/decline`, body);
/** A WeChat Pay order and the signed wx.requestPayment parameters (weapp only). */
export const payWithWechat = (id: string) => post<WechatPayOrder>(`${base(id)}/payments/wechat`);
/** After wx.requestPayment: the server asks WeChat Pay (its success callback is no proof of payment). */
export const syncPayment = (id: string, paymentId: string) => post<Settlement>(`${base(id)}/payments/${encodeURIComponent(paymentId)}/sync`);
export const fetchReceipt = (id: string) => get<Receipt>(`${base(id)}/receipt`);
