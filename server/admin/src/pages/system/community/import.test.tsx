import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeServer, renderPage, signIn } from '../../../test/helpers';
import { ImportTab } from '.';

const csv = () => new File(['楼栋,房号\n1栋,101\n1栋,\n'], 'rooms.csv', { type: 'text/csv' });

describe('room roster import', () => {
  beforeEach(() => signIn(['admin'], 'a1'));

  it('checks the file first and shows each bad row with its problems; nothing is applied', async () => {
    const server = fakeServer({
      'POST /admin/communities/c1/rooms/import': (c) =>
        c.query.get('dryRun') === 'true'
          ? {
              body: {
                dryRun: true,
                rows: [
                  { line: 2, ok: true, errors: [], label: '1栋 101' },
                  { line: 3, ok: false, errors: ['房号不能为空'] },
                ],
                created: 1,
                updated: 0,
                failed: 1,
              },
            }
          : { status: 500 },
    });
    const { container } = renderPage(<ImportTab communityId="c1" />);
    await userEvent.upload(container.querySelector('input[type=file]') as HTMLInputElement, csv());
    expect(await screen.findByText('有 1 行存在问题，请修改文件后重新预检查')).toBeInTheDocument();
    expect(screen.getByText('房号不能为空')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '确认导入' })).toBeDisabled();
    expect(server.find('POST', '/admin/communities/c1/rooms/import').map((c) => c.query.get('dryRun'))).toEqual(['true']);
  });

  it('a clean file shows what will change, then imports it on confirmation', async () => {
    const server = fakeServer({
      'POST /admin/communities/c1/rooms/import': (c) => ({
        body: { dryRun: c.query.get('dryRun') === 'true', rows: [{ line: 2, ok: true, errors: [] }], created: 1, updated: 2, failed: 0 },
      }),
    });
    const { container } = renderPage(<ImportTab communityId="c1" />);
    await userEvent.upload(container.querySelector('input[type=file]') as HTMLInputElement, csv());
    expect(await screen.findByText('新增 1 户，更新 2 户')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: '确认导入' }));
    expect(await screen.findByText('导入完成：新增 1 户，更新 2 户')).toBeInTheDocument();
    await waitFor(() => expect(server.find('POST', '/admin/communities/c1/rooms/import')).toHaveLength(2));
    expect(server.find('POST', '/admin/communities/c1/rooms/import')[1]!.query.get('dryRun')).toBeNull();
  });
});
