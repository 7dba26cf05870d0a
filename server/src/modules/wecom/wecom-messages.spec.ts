import { clipBytes, digestFor, messageFor } from './wecom-messages';

const row = (over: Partial<Parameters<typeof messageFor>[0]> = {}) => ({
  id: '42',
  ticketId: '7',
  urgent: false,
  title: '新工单待受理',
  body: 'BX20261207-0001 水电：厨房水龙头漏水，关不紧',
  createdAt: new Date('2026-12-07T02:30:00Z'),
  ...over,
});
const bytes = (s: string) => Buffer.byteLength(s);

describe('WeCom messages', () => {
  it('a textcard with the time, the request and a link that opens it', () => {
    const m = messageFor(row(), { miniprogramAppid: null }, 'https://wuye.example.com');
    expect(m).toEqual({
      msgtype: 'textcard',
      textcard: {
        title: '新工单待受理',
        description: '<div class="gray">12月7日 10:30</div><div class="normal">BX20261207-0001 水电：厨房水龙头漏水，关不紧</div>',
        url: 'https://wuye.example.com/admin/tickets/7?wecom=42',
        btntxt: '详情',
      },
    });
  });

  it("keeps WeCom's byte limits with a long Chinese description and markup-like text, never cutting the markup", () => {
    const body = 'BX20261207-0002 投诉：' + '楼上<装修>&噪音'.repeat(60);
    const m = messageFor(row({ body, urgent: true, title: '紧急工单，请立即处理'.repeat(10) }), { miniprogramAppid: null }, 'https://x');
    if (m.msgtype !== 'textcard') throw new Error('textcard expected');
    expect(bytes(m.textcard.title)).toBeLessThanOrEqual(128);
    expect(m.textcard.title.startsWith('【紧急】')).toBe(true);
    expect(bytes(m.textcard.description)).toBeLessThanOrEqual(512);
    expect(m.textcard.description).toMatch(/^<div class="gray">[^<]+<\/div><div class="highlight">[^<>]+…<\/div>$/);
    expect(m.textcard.description).not.toMatch(/&[a-z]*…/);
  });

  it('a miniprogram_notice opening the staff ticket page when the mini-program is associated', () => {
    const m = messageFor(row({ urgent: true }), { miniprogramAppid: 'wx0123456789abcdef' }, 'https://x');
    expect(m).toMatchObject({
      msgtype: 'miniprogram_notice',
      miniprogram_notice: {
        appid: 'wx0123456789abcdef',
        page: 'subpackages/staff/pages/ticket/index?id=7&wecom=42',
        title: '紧急·新工单待受理',
        description: '12月7日 10:30',
        emphasis_first_item: true,
        content_item: [
          { key: '工单', value: 'BX20261207-0001' },
          { key: '内容', value: '水电：厨房水龙头漏水，关不紧' },
        ],
      },
    });
  });

  it('a miniprogram_notice title stays within 12 characters', () => {
    const m = messageFor(row({ urgent: true, title: '紧急工单，请立即处理' }), { miniprogramAppid: 'wx0123456789abcdef' }, 'https://x');
    if (m.msgtype !== 'miniprogram_notice') throw new Error('miniprogram_notice expected');
    expect(m.miniprogram_notice.title).toBe('紧急·紧急工单，请立即…');
    expect([...m.miniprogram_notice.title]).toHaveLength(12);
  });

  it('a digest counts everything and lists the first five', () => {
    const rows = Array.from({ length: 11 }, (_, i) => row({ id: String(100 + i), body: `BX20261207-${String(i).padStart(4, '0')} 水电：漏水` }));
    const m = digestFor(rows, 'https://x');
    if (m.msgtype !== 'textcard') throw new Error('textcard expected');
    expect(m.textcard.title).toBe('您有 11 条新通知');
    expect(m.textcard.description.match(/<div class="normal">/g)).toHaveLength(5);
    expect(m.textcard.description).toContain('另有 6 条');
    expect(m.textcard.url).toBe('https://x/admin/?wecom=110');
    expect(bytes(m.textcard.description)).toBeLessThanOrEqual(512);
  });

  it('clips by bytes without splitting a character', () => {
    expect(clipBytes('漏水漏水', 12)).toBe('漏水漏水');
    expect(clipBytes('漏水漏水', 11)).toBe('漏水…');
  });
});
