import { hhmm, parseHhmm, quietUntil, wecomFailureReason } from './wecom-kinds';

// Asia/Shanghai is UTC+8 all year: 2026-12-07 23:00 local = 15:00Z.
const local = (day: number, h: number, m = 0) => new Date(Date.UTC(2026, 11, day, h - 8, m));

describe('quiet hours', () => {
  it('spanning midnight (22:00–07:00): holds late evening and early morning until 07:00 local', () => {
    const [start, end] = [parseHhmm('22:00'), parseHhmm('07:00')];
    expect(quietUntil(local(7, 23), start, end)).toEqual(local(8, 7));
    expect(quietUntil(local(8, 2, 30), start, end)).toEqual(local(8, 7));
    expect(quietUntil(local(8, 7), start, end)).toBeNull();
    expect(quietUntil(local(8, 21, 59), start, end)).toBeNull();
    expect(quietUntil(local(8, 22), start, end)).toEqual(local(9, 7));
  });

  it('within one day (12:00–13:30), and none when unset or empty', () => {
    expect(quietUntil(local(7, 12, 10), 720, 810)).toEqual(local(7, 13, 30));
    expect(quietUntil(local(7, 13, 30), 720, 810)).toBeNull();
    expect(quietUntil(local(7, 23), null, null)).toBeNull();
    expect(quietUntil(local(7, 23), 600, 600)).toBeNull();
  });

  it('reads and writes HH:mm', () => {
    expect(parseHhmm('07:05')).toBe(425);
    expect(parseHhmm('24:00')).toBeNull();
    expect(hhmm(425)).toBe('07:05');
    expect(hhmm(null)).toBeNull();
  });
});

describe('failure reasons', () => {
  it('explains the final errors an admin can fix, by errcode', () => {
    expect(wecomFailureReason('WeCom /cgi-bin/message/send errcode 60020: not allow to access from your ip')).toContain('企业可信IP');
    expect(wecomFailureReason('WeCom /cgi-bin/message/send errcode 81013: …')).toMatch(/可见范围.*（81013）$/);
    expect(wecomFailureReason(null)).toBeNull();
  });
});
