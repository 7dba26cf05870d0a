import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { joinSeconds, splitSeconds } from '../../../components/DurationInput';
import { fakeServer, renderPage, signIn } from '../../../test/helpers';
import SlaPage from '.';

describe('durations as hours and minutes', () => {
  it('splits seconds into whole hours and minutes, and back', () => {
    expect(splitSeconds(900)).toEqual({ hours: 0, minutes: 15 });
    expect(splitSeconds(5400)).toEqual({ hours: 1, minutes: 30 });
    expect(splitSeconds(null)).toEqual({ hours: null, minutes: null });
    expect(joinSeconds(1, 30)).toBe(5400);
    expect(joinSeconds(null, 45)).toBe(2700);
    expect(joinSeconds(null, null)).toBeNull();
  });
});

describe('the SLA editor', () => {
  beforeEach(() => signIn(['supervisor']));

  it('shows a limit as 小时 + 分钟, saves seconds, and keeps the working-day limit', async () => {
    const policy = {
      id: '7',
      communityId: 'c1',
      type: 'repair',
      priority: 'urgent',
      respondWithinSec: 600,
      onsiteWithinSec: 1800,
      resolveWithinSec: 86400,
      confirmWithinSec: 259200,
      revisitWithinSec: 86400,
      resolveWorkingDays: 2,
      isDefault: false,
    };
    const server = fakeServer({
      'GET /communities': { body: { items: [{ id: 'c1', name: '翠湖花园' }], nextCursor: null } },
      'GET /admin/sla-policies': { body: { items: [policy], nextCursor: null } },
      'POST /admin/sla-policies': (call) => ({ status: 200, body: { ...policy, ...(call.body as object) } }),
    });
    renderPage(<SlaPage />, { path: '/sla', route: '/sla' });
    const row = (await screen.findByText('2 个工作日')).closest('tr')!;
    expect(within(row).getByText('10 分钟')).toBeInTheDocument();
    fireEvent.click(within(row).getByRole('button', { name: /编\s*辑/ }));
    const dialog = await screen.findByRole('dialog');
    const hours = within(dialog).getAllByRole('spinbutton', { name: '小时' });
    const minutes = within(dialog).getAllByRole('spinbutton', { name: '分钟' });
    // respond: 10 minutes; on site: 30 minutes.
    expect([(hours[0] as HTMLInputElement).value, (minutes[0] as HTMLInputElement).value]).toEqual(['0', '10']);
    expect([(hours[1] as HTMLInputElement).value, (minutes[1] as HTMLInputElement).value]).toEqual(['0', '30']);
    fireEvent.change(minutes[0]!, { target: { value: '15' } });
    fireEvent.change(hours[1]!, { target: { value: '1' } });
    fireEvent.click(within(dialog).getByRole('button', { name: /保\s*存/ }));
    await waitFor(() => expect(server.find('POST', '/admin/sla-policies')).toHaveLength(1));
    expect(server.find('POST', '/admin/sla-policies')[0]!.body).toMatchObject({
      respondWithinSec: 900,
      onsiteWithinSec: 5400,
      resolveWithinSec: 86400,
      resolveWorkingDays: 2,
    });
  });
});
