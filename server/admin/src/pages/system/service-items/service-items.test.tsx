import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeServer, renderPage, signIn } from '../../../test/helpers';
import ServiceItemsPage, { minutesLabel } from '.';

const item = {
  id: '8',
  communityId: 'c1',
  name: '空调清洗',
  description: '挂机拆洗滤网与蒸发器，约 90 分钟',
  price: 120,
  durationMin: 90,
  slotCapacity: 2,
  slotsFromMin: 540,
  slotsUntilMin: 1080,
  bookingDays: 7,
  photo: { id: 'p1', url: '/files/p1', thumbUrl: '/files/p1/thumb' },
  active: true,
};

describe('the service catalogue', () => {
  beforeEach(() => signIn(['admin']));

  it('labels half hours', () => {
    expect([minutesLabel(0), minutesLabel(540), minutesLabel(1110), minutesLabel(1440)]).toEqual(['00:00', '09:00', '18:30', '24:00']);
  });

  it('lists an item with its picture, description and bookable hours, and saves edits to them', async () => {
    const server = fakeServer({
      'GET /communities': { body: { items: [{ id: 'c1', name: '翠湖花园' }], nextCursor: null } },
      'GET /admin/service-items': { body: { items: [item], nextCursor: null } },
      'PATCH /admin/service-items/8': (call) => ({ body: { ...item, ...(call.body as object) } }),
    });
    renderPage(<ServiceItemsPage />, { path: '/s', route: '/s' });
    const row = (await screen.findByText('空调清洗')).closest('tr')!;
    expect(within(row).getByText('挂机拆洗滤网与蒸发器，约 90 分钟')).toBeInTheDocument();
    expect(within(row).getByText('09:00–18:00')).toBeInTheDocument();
    expect(row.querySelector('img')?.getAttribute('src')).toBe('/files/p1/thumb');

    fireEvent.click(within(row).getByRole('button', { name: /编\s*辑/ }));
    const dialog = await screen.findByRole('dialog');
    expect((within(dialog).getByLabelText('服务说明') as HTMLTextAreaElement).value).toBe(item.description);
    fireEvent.change(within(dialog).getByLabelText('服务说明'), { target: { value: '  只洗挂机  ' } });
    fireEvent.change(within(dialog).getByLabelText('可提前预约（天）'), { target: { value: '3' } });
    fireEvent.click(within(dialog).getByLabelText('移除图片'));
    fireEvent.click(within(dialog).getByRole('button', { name: /确\s*定|保\s*存/ }));
    await waitFor(() => expect(server.find('PATCH', '/admin/service-items/8')).toHaveLength(1));
    expect(server.find('PATCH', '/admin/service-items/8')[0]!.body).toMatchObject({
      description: '只洗挂机',
      bookingDays: 3,
      slotsFromMin: 540,
      slotsUntilMin: 1080,
      photoId: null,
    });
  });
});
