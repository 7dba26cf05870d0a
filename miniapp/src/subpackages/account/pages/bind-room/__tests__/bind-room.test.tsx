import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { api } from '../../../../../../test/fake-api';
import { returningResident } from '../../../../../../test/helpers';
import BindRoomPage from '../index';

const ROOMS = [
  { id: 'room-1', label: 'A1区 3栋 2单元 1201' },
  { id: 'room-2', label: 'A1区 3栋 2单元 1202' },
  { id: 'room-3', label: 'B2区 8栋 1单元 0301' },
];

describe('binding a room', () => {
  beforeEach(() => {
    returningResident();
    api.on('GET /communities', () => ({ status: 200, body: { items: [{ id: 'c1', name: '阳光花园' }] } }));
    api.on('GET /communities/:id/rooms', (req) => ({
      status: 200,
      body: { items: ROOMS.filter((r) => r.label.replace(/\s/g, '').includes((req.query.q ?? '').replace(/\s/g, ''))) },
    }));
  });

  it('finds the room by search, sends name and phone, and shows that it awaits approval', async () => {
    api.on('POST /me/rooms', () => ({ status: 201, body: { roomId: 'room-2', status: 'pending' } }));
    render(<BindRoomPage />);
    fireEvent.click(await screen.findByText('阳光花园'));
    fireEvent.change(screen.getByPlaceholderText(/输入楼栋或房号搜索/), { target: { value: '1202' } });
    await waitFor(() => expect(screen.getAllByTestId('room-option').map((r) => r.textContent)).toEqual(['A1区 3栋 2单元 1202']));
    fireEvent.click(screen.getByText('A1区 3栋 2单元 1202'));
    fireEvent.change(screen.getByPlaceholderText('请输入业主或住户姓名'), { target: { value: '张三' } });
    fireEvent.change(screen.getByPlaceholderText('请输入物业登记的手机号'), { target: { value: '138 0013 8000' } });
    fireEvent.click(screen.getByText('提交绑定'));

    expect(await screen.findByText('已提交，等待物业审核')).toBeTruthy();
    expect(api.calls('POST /me/rooms')[0]!.body).toEqual({ roomId: 'room-2', name: '张三', phone: '13800138000' });
  });

  it('refuses a phone number that cannot be right', async () => {
    render(<BindRoomPage />);
    fireEvent.click(await screen.findByText('阳光花园'));
    fireEvent.click(await screen.findByText('A1区 3栋 2单元 1201'));
    fireEvent.change(screen.getByPlaceholderText('请输入业主或住户姓名'), { target: { value: '张三' } });
    fireEvent.change(screen.getByPlaceholderText('请输入物业登记的手机号'), { target: { value: '12345' } });
    fireEvent.click(screen.getByText('提交绑定'));
    expect((await screen.findByTestId('form-error')).textContent).toBe('请输入正确的手机号');
    expect(api.calls('POST /me/rooms')).toHaveLength(0);
  });
});
