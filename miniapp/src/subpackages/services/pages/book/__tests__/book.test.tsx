import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { api } from '../../../../../../test/fake-api';
import { ME, returningResident } from '../../../../../../test/helpers';
import { taroTest } from '../../../../../../test/stubs/taro';
import BookPage from '../index';
import CataloguePage from '../../catalogue/index';

const ITEM = {
  id: 'svc-1',
  communityId: 'c1',
  name: '空调清洗',
  description: '挂机拆洗滤网与蒸发器',
  price: 120,
  durationMin: 90,
  slotCapacity: 2,
  slotsFromMin: 540,
  slotsUntilMin: 1080,
  bookingDays: 3,
  photo: { id: 'p1', url: '/files/p1', thumbUrl: '/files/p1/thumb' },
  active: true,
};

describe('booking an in-home service', () => {
  beforeEach(() => {
    returningResident();
    taroTest.params = { itemId: 'svc-1' };
    api.on('GET /me', () => ({ status: 200, body: ME }));
    api.on('GET /service-items', () => ({ status: 200, body: { items: [ITEM] } }));
    api.on('GET /service-items/:id/slots', (req) => ({
      status: 200,
      body: {
        items: [
          { start: `${req.query.date}T01:00:00.000Z`, end: `${req.query.date}T03:00:00.000Z`, remaining: 0 },
          { start: `${req.query.date}T06:00:00.000Z`, end: `${req.query.date}T08:00:00.000Z`, remaining: 2 },
        ],
      },
    }));
    api.on('POST /tickets', () => ({ status: 201, body: { id: 'FW1' } }));
  });

  it('shows the fee before confirming and books the chosen slot', async () => {
    render(<BookPage />);
    expect((await screen.findByTestId('fee')).textContent).toBe('¥120.00');
    await screen.findAllByTestId('slot');
    fireEvent.click(screen.getByText(/09:00-11:00/)); // full: not selectable
    fireEvent.click(screen.getByText(/预约 · ¥120.00/));
    expect(await screen.findByText('请选择上门时间')).toBeTruthy();

    fireEvent.click(screen.getByText(/14:00-16:00/));
    fireEvent.click(screen.getByText('可入户（家中无人，授权入户）'));
    fireEvent.click(screen.getByText(/预约 · ¥120.00/));
    expect(await screen.findByText('确认预约', { selector: '.dialog__title' })).toBeTruthy();
    fireEvent.click(screen.getByText('确认预约', { selector: 'button' }));

    await waitFor(() => expect(taroTest.navigations).toContain('redirectTo /subpackages/tickets/pages/detail/index?id=FW1'));
    const body = api.calls('POST /tickets')[0]!.body;
    expect(body).toMatchObject({
      type: 'home_service',
      roomId: 'room-1',
      category: '空调清洗',
      serviceItemId: 'svc-1',
      description: '入户方式：可入户（家中无人，授权入户）',
    });
    expect(body.slotStart).toMatch(/T06:00:00.000Z$/);
  });

  it('offers as many days as the service may be booked ahead, and shows what the service is', async () => {
    render(<BookPage />);
    await screen.findByTestId('fee');
    expect(screen.getAllByTestId('day')).toHaveLength(3);
    expect(screen.getByText('挂机拆洗滤网与蒸发器')).toBeTruthy();
  });
});

describe('the service catalogue', () => {
  beforeEach(() => {
    returningResident();
    api.on('GET /me', () => ({ status: 200, body: ME }));
    api.on('GET /service-items', () => ({ status: 200, body: { items: [ITEM] } }));
  });

  it('shows each service with its picture, description and bookable hours', async () => {
    render(<CataloguePage />);
    const card = await screen.findByTestId('service-item');
    expect(card.textContent).toContain('挂机拆洗滤网与蒸发器');
    expect(card.textContent).toContain('可约 09:00–18:00');
    expect(screen.getByTestId('service-photo').getAttribute('src')).toBe('/files/p1/thumb');
  });
});
