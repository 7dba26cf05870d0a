import { Button, Result } from 'antd';
import type { ReactNode } from 'react';
import { toApiError } from '../services/request';
import { T } from '../strings';

/**
 * Whether a failed load means "this is not there (or not yours)": only the server's own
 * 403/404 says so. A network failure or a server error is not an answer about the
 * thing, so the page says what went wrong and offers to try again.
 */
export function isNotThere(error: unknown): boolean {
  const { statusCode } = toApiError(error);
  return statusCode === 404 || statusCode === 403;
}

/** The sentence for a load that did not get an answer: offline, or the server failing. */
export function loadFailureText(error: unknown): string {
  const e = toApiError(error);
  if (e.code === 'NETWORK_ERROR' || e.statusCode === 0) return T.errors.offline;
  if (e.statusCode >= 500) return T.errors.serverDown;
  return e.message || T.errors.loadFailed;
}

/**
 * What a page shows when its main load failed: "not found" for a 403/404 (with `notFound`
 * as the title and `back`), otherwise the reason and a 重试 button that runs `retry`.
 */
export function LoadFailed({ error, notFound, retry, back }: { error: unknown; notFound: string; retry: () => void; back?: ReactNode }) {
  if (isNotThere(error)) return <Result status="404" title={notFound} extra={back} />;
  return (
    <Result
      status="warning"
      title={T.errors.loadFailed}
      subTitle={loadFailureText(error)}
      extra={[
        <Button key="retry" type="primary" onClick={retry}>
          {T.errors.retry}
        </Button>,
        back,
      ]}
    />
  );
}
