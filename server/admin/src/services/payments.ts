import type {
  Id,
  OfflinePaymentRequest,
  PriceImportResult,
  PriceItem,
  RefundRequest,
  SendQuoteRequest,
  Settlement,
  TradeBillCheck,
  UnpaidItem,
  WaiveRequest,
} from '@yizhan/shared';
import { downloadFile, http } from './request';

/** Paid services (docs/payments.md): a request's quotes and payments, the price list, the unpaid queue, statements. */
export const getSettlement = (ticketId: Id) => http.get<Settlement>(`/tickets/${ticketId}/settlement`, undefined, { silent: true });
export const priceItemsForTicket = (ticketId: Id) => http.get<{ items: PriceItem[] }>(`/tickets/${ticketId}/price-items`).then((r) => r.items);
export const sendQuote = (ticketId: Id, body: SendQuoteRequest) => http.post<Settlement>(`/tickets/${ticketId}/quotes`, body);
export const recordOfflinePayment = (ticketId: Id, body: OfflinePaymentRequest) => http.post<Settlement>(`/tickets/${ticketId}/payments/offline`, body);
export const refundPayment = (ticketId: Id, paymentId: Id, body: RefundRequest) =>
  http.post<Settlement>(`/tickets/${ticketId}/payments/${paymentId}/refunds`, body);
export const waiveFee = (ticketId: Id, body: WaiveRequest) => http.post<Settlement>(`/tickets/${ticketId}/waive`, body);
export const syncPayment = (ticketId: Id, paymentId: Id) => http.post<Settlement>(`/tickets/${ticketId}/payments/${paymentId}/sync`);

export const listPriceItems = (communityId: Id) => http.get<{ items: PriceItem[] }>('/admin/price-items', { communityId }).then((r) => r.items);
export const createPriceItem = (body: { communityId: Id; name: string; unit: string; unitPriceFen: number }) =>
  http.post<PriceItem>('/admin/price-items', body);
export const updatePriceItem = (id: Id, body: Partial<Pick<PriceItem, 'name' | 'unit' | 'unitPriceFen' | 'active'>>) =>
  http.patch<PriceItem>(`/admin/price-items/${id}`, body);
export function importPriceItems(communityId: Id, file: File) {
  const form = new FormData();
  form.append('file', file);
  return http.upload<PriceImportResult>(`/admin/price-items/import?communityId=${encodeURIComponent(communityId)}`, form);
}

export const listUnpaid = (communityId: Id) => http.get<{ items: UnpaidItem[] }>('/admin/payments/unpaid', { communityId }).then((r) => r.items);
export const downloadStatement = (communityId: Id, date: string) =>
  downloadFile('/admin/payments/statement.xlsx', { communityId, date }, `日结单-${date.replace(/-/g, '')}.xlsx`);
export const checkTradeBill = (date: string) => http.get<TradeBillCheck>('/admin/payments/tradebill-check', { date });
