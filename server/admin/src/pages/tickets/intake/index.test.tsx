import { fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeServer, renderPage, signIn } from '../../../test/helpers';
import { forgetCommunities } from '../../../components/pickers';
import IntakePage, { toCreateRequest } from '.';

describe('phone / walk-in intake form', () => {
  beforeEach(() => {
    signIn(['agent']);
    forgetCommunities();
  });

  it('tells the agent what is missing, in Chinese, and sends nothing', async () => {
    const server = fakeServer({
      'GET /communities': { body: { items: [{ id: 'c1', name: '翠湖花园' }], nextCursor: null } },
      'GET /communities/c1/rooms': { body: { items: [{ id: 'r1', label: '3栋1单元502' }], nextCursor: null } },
    });
    renderPage(<IntakePage />);
    await userEvent.click(screen.getByRole('button', { name: '登记并负责跟进' }));
    expect(await screen.findByText('请选择房屋')).toBeInTheDocument();
    expect(screen.getByText('请填写住户姓名')).toBeInTheDocument();
    expect(screen.getByText('请填写住户手机号')).toBeInTheDocument();
    expect(screen.getByText('请选择类别')).toBeInTheDocument();
    expect(screen.getByText('请描述问题')).toBeInTheDocument();
    expect(server.find('POST', '/tickets')).toHaveLength(0);
  });

  it('rejects a phone number that is not an 11-digit mobile', async () => {
    fakeServer({ 'GET /communities': { body: { items: [{ id: 'c1', name: '翠湖花园' }], nextCursor: null } } });
    renderPage(<IntakePage />);
    await userEvent.type(screen.getByLabelText('住户手机号'), '1380013');
    fireEvent.blur(screen.getByLabelText('住户手机号'));
    expect(await screen.findByText('请输入 11 位手机号')).toBeInTheDocument();
    await userEvent.clear(screen.getByLabelText('住户手机号'));
    await userEvent.type(screen.getByLabelText('住户手机号'), '+86 138-0013-8000');
    await waitFor(() => expect(screen.queryByText('请输入 11 位手机号')).not.toBeInTheDocument());
  });

  it('sends the staff fields: channel, resident name and a normalised phone', () => {
    const body = toCreateRequest({
      channel: 'walk_in',
      roomId: 'r1',
      residentName: ' 张三 ',
      residentPhone: '+86 138-0013-8000',
      type: 'repair',
      category: '水电',
      priority: 'urgent',
      description: '  厨房水管爆裂  ',
    });
    expect(body).toMatchObject({ channel: 'walk_in', residentName: '张三', residentPhone: '13800138000', priority: 'urgent', description: '厨房水管爆裂' });
    expect(body).not.toHaveProperty('serviceItemId');
  });

  it('sends a public area instead of a room; a patrol report needs no resident', () => {
    const body = toCreateRequest({
      channel: 'patrol',
      where: 'public',
      publicKind: 'unit',
      buildingId: 'b3',
      unit: '2',
      type: 'repair',
      category: '公共设施',
      priority: 'normal',
      description: '2单元楼道灯不亮',
    });
    expect(body).toEqual({
      type: 'repair',
      location: { kind: 'unit', buildingId: 'b3', unit: '2' },
      category: '公共设施',
      description: '2单元楼道灯不亮',
      priority: 'normal',
      channel: 'patrol',
    });
  });
});
