import { fireEvent, screen } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeServer, renderPage, signIn } from '../../../test/helpers';
import TicketDetailPage from '.';

describe('the request page when its load fails', () => {
  beforeEach(() => signIn(['agent']));

  it('says the network failed and offers to retry — not "不存在或您无权查看"', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => {
        throw new TypeError('Failed to fetch');
      }),
    );
    renderPage(<TicketDetailPage />, { path: '/t/:id', route: '/t/7' });
    expect(await screen.findByText('网络连接失败，请检查网络后重试')).toBeInTheDocument();
    expect(screen.queryByText('工单不存在或您无权查看')).toBeNull();
    const server = fakeServer({ 'GET /tickets/7': { status: 503, body: { statusCode: 503, code: 'HTTP_503', message: 'Service Unavailable' } } });
    fireEvent.click(screen.getByRole('button', { name: /重\s*试/ }));
    expect(await screen.findByText('服务器暂时无法访问，请稍后重试')).toBeInTheDocument();
    expect(server.find('GET', '/tickets/7')).toHaveLength(1);
  });

  it('says "not found" only when the server answers 404', async () => {
    fakeServer({ 'GET /tickets/8': { status: 404, body: { statusCode: 404, code: 'NOT_FOUND', message: '工单不存在' } } });
    renderPage(<TicketDetailPage />, { path: '/t/:id', route: '/t/8' });
    expect(await screen.findByText('工单不存在或您无权查看')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /重\s*试/ })).toBeNull();
  });
});
