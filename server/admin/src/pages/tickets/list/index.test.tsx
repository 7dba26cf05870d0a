import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeServer, renderPage, signIn, ticket } from '../../../test/helpers';
import { forgetCommunities } from '../../../components/pickers';
import TicketListPage, { filtersToForm, formToFilters } from '.';
import { dayjs } from '../../../time';

const page1 = [ticket({ no: 'BX-0001' }), ticket({ no: 'BX-0002' })];
const page2 = [ticket({ no: 'BX-0003' })];

describe('ticket list paging and filters', () => {
  beforeEach(() => {
    signIn(['supervisor']);
    forgetCommunities();
  });

  it('pages forward with the server cursor and back again, and knows the last page', async () => {
    const server = fakeServer({
      'GET /communities': { body: { items: [], nextCursor: null } },
      'GET /admin/staff': { body: { items: [], nextCursor: null } },
      'GET /tickets': (c) => (c.query.get('cursor') === 'CUR2' ? { body: { items: page2, nextCursor: null } } : { body: { items: page1, nextCursor: 'CUR2' } }),
    });
    renderPage(<TicketListPage />);
    expect(await screen.findByText('BX-0001')).toBeInTheDocument();
    const next = screen.getByRole('button', { name: '下一页' });
    const prev = screen.getByRole('button', { name: '上一页' });
    expect(prev).toBeDisabled();

    await userEvent.click(next);
    expect(await screen.findByText('BX-0003')).toBeInTheDocument();
    expect(screen.queryByText('BX-0001')).not.toBeInTheDocument();
    expect(screen.getByText('第 2 页')).toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole('button', { name: '下一页' })).toBeDisabled());

    await userEvent.click(screen.getByRole('button', { name: '上一页' }));
    expect(await screen.findByText('BX-0001')).toBeInTheDocument();
    const cursors = server.find('GET', '/tickets').map((c) => c.query.get('cursor'));
    expect(cursors).toEqual([null, 'CUR2', null]);
  });

  it('a new search starts again from page 1 with the filters in the query', async () => {
    const server = fakeServer({
      'GET /communities': { body: { items: [], nextCursor: null } },
      'GET /admin/staff': { body: { items: [], nextCursor: null } },
      'GET /tickets': (c) => (c.query.get('cursor') ? { body: { items: page2, nextCursor: null } } : { body: { items: page1, nextCursor: 'CUR2' } }),
    });
    renderPage(<TicketListPage />);
    await screen.findByText('BX-0001');
    await userEvent.click(screen.getByRole('button', { name: '下一页' }));
    await screen.findByText('BX-0003');

    await userEvent.type(screen.getByPlaceholderText('工单号、描述、房号'), '漏水');
    await userEvent.click(screen.getByRole('checkbox', { name: '只看超时' }));
    await userEvent.click(screen.getByRole('button', { name: /查\s*询/ }));
    await screen.findByText('BX-0001');
    const last = server.find('GET', '/tickets').at(-1)!;
    expect(last.query.get('q')).toBe('漏水');
    expect(last.query.get('overdue')).toBe('true');
    expect(last.query.get('cursor')).toBeNull();
    expect(screen.getByText('第 1 页')).toBeInTheDocument();
  });

  it('saved filters come back after a reload of the page', async () => {
    fakeServer({
      'GET /communities': { body: { items: [], nextCursor: null } },
      'GET /admin/staff': { body: { items: [], nextCursor: null } },
      'GET /tickets': { body: { items: page1, nextCursor: null } },
    });
    const { unmount } = renderPage(<TicketListPage />);
    await screen.findByText('BX-0001');
    await userEvent.click(screen.getByRole('checkbox', { name: '只看超时' }));
    await userEvent.click(screen.getByRole('button', { name: /保存当前筛选/ }));
    const dialog = await screen.findByRole('dialog');
    await userEvent.type(within(dialog).getByPlaceholderText('筛选名称'), '超时单');
    await userEvent.click(within(dialog).getByRole('button', { name: /保\s*存/ }));
    unmount();
    renderPage(<TicketListPage />);
    expect(await screen.findByRole('button', { name: '超时单' })).toBeInTheDocument();
  });

  it('date ranges are whole days in Beijing time', () => {
    const f = formToFilters({ range: [dayjs('2026-11-01'), dayjs('2026-11-07')] });
    expect(f.from).toBe('2026-10-31T16:00:00.000Z');
    expect(f.to).toBe('2026-11-07T16:00:00.000Z');
    const back = filtersToForm(f).range!;
    expect(back[0].format('YYYY-MM-DD')).toBe('2026-11-01');
    expect(back[1].format('YYYY-MM-DD')).toBe('2026-11-07');
  });
});
