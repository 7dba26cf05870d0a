import { fitKeyword, parseTemplates, templateData, DEVELOPMENT_TEMPLATES } from './wechat-templates';

describe('subscribe-message keyword values', () => {
  it('keeps every type within WeChat’s limits', () => {
    expect(Array.from(fitKeyword('thing2', '厨房水龙头一直滴水关不紧，已经持续三天了，请尽快处理'))).toHaveLength(20);
    expect(fitKeyword('thing2', '短')).toBe('短');
    expect(fitKeyword('character_string1', 'BX20261123-0007')).toBe('BX20261123-0007');
    expect(fitKeyword('character_string1', 'x'.repeat(40))).toHaveLength(32);
    expect(fitKeyword('phrase3', '待确认')).toBe('待确认');
    expect(fitKeyword('phrase3', '请您确认并评价')).toBe('请您确认并');
    expect(fitKeyword('name2', '欧阳娜娜娜娜娜娜娜娜娜')).toHaveLength(10);
    expect(fitKeyword('name2', 'Wang Jianguo')).toBe('Wang Jianguo');
    expect(fitKeyword('time4', '2026-11-23T06:30:00.000Z')).toBe('2026-11-23 14:30');
    expect(fitKeyword('amount1', '35')).toBe('35.00元');
    expect(fitKeyword('thing2', '')).toBe('—');
  });

  it('fills a template from the notice values', () => {
    expect(
      templateData(DEVELOPMENT_TEMPLATES.accepted!, { no: 'BX20261123-0007', summary: '水电：厨房漏水', status: '已受理', time: '2026-11-23T06:30:00Z' }),
    ).toEqual({
      character_string1: { value: 'BX20261123-0007' },
      thing2: { value: '水电：厨房漏水' },
      phrase3: { value: '已受理' },
      time4: { value: '2026-11-23 14:30' },
    });
  });

  it('refuses a bad WECHAT_TEMPLATES with a message naming the problem', () => {
    expect(() => parseTemplates('nope')).toThrow('not valid JSON');
    expect(() => parseTemplates('{"lost":{"templateId":"x","data":{}}}')).toThrow('unknown notice kind "lost"');
    expect(() => parseTemplates('{"accepted":{"templateId":"x","data":{"weird9":"no"}}}')).toThrow('keyword "weird9"');
    expect(() => parseTemplates('{"accepted":{"templateId":"x","data":{"thing1":"gossip"}}}')).toThrow('unknown source "gossip"');
    expect(parseTemplates('{"accepted":{"templateId":"abc","data":{"thing1":"summary"}}}')).toEqual({
      accepted: { templateId: 'abc', data: { thing1: 'summary' } },
    });
  });
});
