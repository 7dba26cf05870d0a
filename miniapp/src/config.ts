/**
 * Build-time configuration (config/index.ts turns environment variables into
 * constants). `typeof` guards keep the module usable under jest, where no bundler
 * defines them.
 */
export const apiBase: string = typeof API_BASE === 'string' ? API_BASE : '/api/v1';

/** Subscribe-message templates asked for on submit; WeChat allows ≤ 3 per request. */
export const subscribeTemplateIds: string[] = (
  typeof SUBSCRIBE_TEMPLATE_IDS !== 'undefined' && Array.isArray(SUBSCRIBE_TEMPLATE_IDS) ? SUBSCRIBE_TEMPLATE_IDS : []
).slice(0, 3);

export const isH5 = (): boolean => process.env.TARO_ENV === 'h5';
export const isWeapp = (): boolean => process.env.TARO_ENV === 'weapp';

export const MAX_PHOTOS = 9;
export const PAGE_SIZE = 20;
/** Uploads in flight at once; WeChat allows 10 network calls in total. */
export const UPLOAD_CONCURRENCY = 3;
