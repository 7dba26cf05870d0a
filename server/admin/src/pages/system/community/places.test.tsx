import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeServer, renderPage, signIn } from '../../../test/helpers';
import { PlacesTab } from './Places';

const zones = [{ id: 'z1', communityId: 'c1', name: 'A1', createdAt: '2026-12-01T00:00:00.000Z' }];

describe('public spots (公共场所)', () => {
  beforeEach(() => signIn(['admin'], 'a1'));

  it('lists the spots with their zone and state; retiring one sends active: false', async () => {
    let active = true;
    const server = fakeServer({
      'GET /admin/communities/c1/places': () => ({
        body: { items: [{ id: 'p1', communityId: 'c1', name: '1号门岗', zoneId: 'z1', buildingId: null, active }] },
      }),
      'GET /admin/communities/c1/buildings': { body: { items: [], nextCursor: null } },
      'PATCH /admin/places/p1': (c) => {
        active = (c.body as { active: boolean }).active;
        return { body: { id: 'p1', communityId: 'c1', name: '1号门岗', zoneId: 'z1', buildingId: null, active } };
      },
    });
    renderPage(<PlacesTab communityId="c1" zones={zones} />);
    const row = (await screen.findByText('1号门岗')).closest('tr')!;
    expect(within(row).getByText('A1')).toBeInTheDocument();
    expect(within(row).getByText('使用中')).toBeInTheDocument();
    await userEvent.click(within(row).getByRole('button', { name: /停\s*用/ }));
    await waitFor(() => expect(server.find('PATCH', '/admin/places/p1')[0]?.body).toEqual({ active: false }));
    expect(await screen.findByText('已停用')).toBeInTheDocument();
  });

  it('checks a spots sheet first and shows the bad rows; nothing is applied', async () => {
    const server = fakeServer({
      'GET /admin/communities/c1/places': { body: { items: [] } },
      'GET /admin/communities/c1/buildings': { body: { items: [], nextCursor: null } },
      'POST /admin/communities/c1/places/import': (c) =>
        c.query.get('dryRun') === 'true'
          ? {
              body: {
                dryRun: true,
                rows: [{ line: 2, ok: false, errors: ['分区「C9」不存在，请先在小区中添加'], name: '泳池' }],
                created: 0,
                updated: 0,
                failed: 1,
              },
            }
          : { status: 500 },
    });
    const { container } = renderPage(<PlacesTab communityId="c1" zones={zones} />);
    await userEvent.upload(
      container.querySelector('input[type=file]') as HTMLInputElement,
      new File(['名称,分区\n泳池,C9\n'], 'places.csv', { type: 'text/csv' }),
    );
    expect(await screen.findByText('分区「C9」不存在，请先在小区中添加')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '确认导入' })).toBeDisabled();
    expect(server.find('POST', '/admin/communities/c1/places/import').map((c) => c.query.get('dryRun'))).toEqual(['true']);
  });
});
