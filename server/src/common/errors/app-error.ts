import { HttpException } from '@nestjs/common';

/**
 * Stable error codes. Clients branch on these, never on the Chinese message, so a code
 * once shipped is never renamed.
 */
export const ERROR_CODES = {
  VALIDATION_FAILED: 400,
  INVALID_JSON: 400,
  INVALID_CURSOR: 400,
  INVALID_ASSIGNEE: 400,
  INVALID_STAFF: 400,
  ROOM_NOT_IN_COMMUNITY: 400,
  SERVICE_ITEM_REQUIRED: 400,
  CONTACT_REQUIRED: 400,
  SLOT_INVALID: 400,
  CONTENT_REJECTED: 400,
  PHOTO_INVALID: 400,
  IMPORT_INVALID: 400,
  /** A WeCom OAuth code that WeCom did not accept (expired, used, or not a member of the corp). */
  WECOM_CODE_INVALID: 400,
  UNAUTHENTICATED: 401,
  TOKEN_EXPIRED: 401,
  LOGIN_FAILED: 401,
  REFRESH_INVALID: 401,
  WECHAT_CODE_INVALID: 401,
  /** A WeChat Pay notification whose signature, serial or time does not check out (forged or replayed). */
  NOTIFICATION_INVALID: 401,
  /** The staff side's silent sign-in: this WeChat user has not bound a staff account (yet, or any more). */
  STAFF_NOT_BOUND: 401,
  FORBIDDEN: 403,
  ROOM_NOT_BOUND: 403,
  ACCOUNT_LOCKED: 429,
  NOT_FOUND: 404,
  INVALID_TRANSITION: 409,
  ALREADY_OWNED: 409,
  ALREADY_RATED: 409,
  ALREADY_EXISTS: 409,
  ALREADY_BOUND: 409,
  SLOT_FULL: 409,
  SHIFT_OVERLAP: 409,
  BOOKING_LOCKED: 409,
  /** Work past a quote the resident has not approved yet (start, resolve). */
  QUOTE_PENDING: 409,
  /** Closing a request while something approved is unpaid (and not waived by a supervisor). */
  PAYMENT_DUE: 409,
  /** WeChat Pay is not configured on this server, or not possible here (h5): pay offline. */
  PAYMENT_UNAVAILABLE: 409,
  /** A refund beyond what is left of the payment. */
  REFUND_TOO_LARGE: 409,
  /** A complaint resolved before its formal reply to the resident (结果 + 整改措施). */
  FORMAL_REPLY_REQUIRED: 409,
  /** The staff member a complaint is about, asked to own, investigate or do it. */
  SUBJECT_OF_COMPLAINT: 409,
  IDEMPOTENCY_IN_PROGRESS: 409,
  CONFLICT: 409,
  /** 我也遇到 is for open requests about a public area (not a room), filed by someone else. */
  NOT_PUBLIC_REQUEST: 409,
  /** A merge needs another open request of the same community that is not itself merged. */
  MERGE_TARGET_INVALID: 409,
  /** WeCom is not configured on this server (no WECOM_CORP_ID …). */
  WECOM_NOT_CONFIGURED: 409,
  PAYLOAD_TOO_LARGE: 413,
  FILE_TOO_LARGE: 413,
  /** An image whose pixel count is beyond what the server decodes (decompression bomb). */
  IMAGE_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA: 415,
  URGE_TOO_SOON: 429,
  RATE_LIMITED: 429,
  WECHAT_UNAVAILABLE: 503,
  WECOM_UNAVAILABLE: 503,
  /** WeChat Pay did not answer (or answered 5xx / an unverifiable answer); try again. */
  WECHATPAY_UNAVAILABLE: 503,
  DB_UNAVAILABLE: 503,
  INTERNAL_ERROR: 500,
} as const;
export type ErrorCode = keyof typeof ERROR_CODES;

export interface ErrorBody {
  statusCode: number;
  code: ErrorCode;
  message: string;
  fields?: Record<string, string[]>;
}

/** The one exception type services throw: a status, a stable code and a kind Chinese message. */
export class AppError extends HttpException {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: Record<string, string[]>,
  ) {
    super({ statusCode: ERROR_CODES[code], code, message, ...(fields ? { fields } : {}) }, ERROR_CODES[code]);
  }
}

export const notFound = (what = '工单'): AppError => new AppError('NOT_FOUND', `${what}不存在或您无权查看`);
export const forbidden = (message = '您没有权限进行此操作'): AppError => new AppError('FORBIDDEN', message);

/** Every stable code, in the order above: the `code` enum of the OpenAPI `ApiError` schema. */
export const ERROR_CODE_LIST = Object.keys(ERROR_CODES) as ErrorCode[];
