import Taro from '@tarojs/taro';
import type { UploadResponse } from '@yizhan/shared';
import { zh } from '../i18n/zh';
import { apiUrl } from './http';
import { type ApiResult, networkFailure, toResult } from './result';
import { ensureToken, refreshAfter401 } from './session';

/** Where an upload's token comes from: the resident's session by default, the staff side's for staff pages. */
export interface TokenSource {
  ensureToken: () => Promise<ApiResult<string>>;
  refreshAfter401: (stale: string) => Promise<ApiResult<string>>;
}

export const residentTokens: TokenSource = { ensureToken, refreshAfter401 };

export interface UploadHandle {
  result: Promise<ApiResult<UploadResponse>>;
  abort: () => void;
}

interface TaskLike {
  abort?: () => void;
  onProgressUpdate?: (cb: (res: { progress: number }) => void) => void;
  progress?: (cb: (res: { progress: number }) => void) => void;
}

const UPLOAD_TIMEOUT_MS = 60000;

const friendlyMessages: Record<string, string> = {
  FILE_TOO_LARGE: zh.photos.tooLarge,
  UNSUPPORTED_MEDIA: zh.photos.unsupported,
};

function uploadOnce(
  filePath: string,
  token: string,
  onProgress: (percent: number) => void,
  setAbort: (abort: () => void) => void,
): Promise<ApiResult<UploadResponse>> {
  return new Promise((resolve) => {
    const task = Taro.uploadFile({
      url: apiUrl('/uploads'),
      filePath,
      name: 'file',
      header: { Authorization: `Bearer ${token}` },
      timeout: UPLOAD_TIMEOUT_MS,
      // `success` fires for every HTTP status (WECHAT.md): the status decides, not the callback.
      success: (res) => {
        const result = toResult<UploadResponse>(res.statusCode, res.data);
        if (!result.ok && friendlyMessages[result.code]) result.message = friendlyMessages[result.code]!;
        resolve(result);
      },
      fail: () => resolve(networkFailure()),
    }) as unknown as (TaskLike & Partial<Promise<unknown>>) | undefined;
    // The promise Taro also returns rejects on `fail`; the callback above already answered.
    if (task && typeof task.catch === 'function') task.catch(() => undefined);
    const listen = task?.onProgressUpdate ?? task?.progress;
    listen?.call(task, (p: { progress: number }) => onProgress(Math.max(0, Math.min(100, p.progress))));
    if (task?.abort) setAbort(() => task.abort?.());
  });
}

/**
 * Upload one photo (multipart field `file`, API.md) with progress. Logs in again and
 * retries once on 401, like `request`. The caller's retry button simply calls it again.
 */
export function uploadPhoto(filePath: string, onProgress: (percent: number) => void = () => undefined, tokens: TokenSource = residentTokens): UploadHandle {
  let abortCurrent: () => void = () => undefined;
  let aborted = false;
  const result = (async (): Promise<ApiResult<UploadResponse>> => {
    const token = await tokens.ensureToken();
    if (!token.ok) return token;
    if (aborted) return networkFailure();
    const first = await uploadOnce(filePath, token.data, onProgress, (a) => (abortCurrent = a));
    if (first.ok || first.status !== 401 || aborted) return first;
    const fresh = await tokens.refreshAfter401(token.data);
    if (!fresh.ok) return fresh;
    return uploadOnce(filePath, fresh.data, onProgress, (a) => (abortCurrent = a));
  })();
  return {
    result,
    abort: () => {
      aborted = true;
      abortCurrent();
    },
  };
}
