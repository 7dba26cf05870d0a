import { ticketSubject } from './ticket-subject';

describe('ticketSubject', () => {
  it('names a request by type, category and the start of the resident’s words', () => {
    expect(ticketSubject({ type: 'repair', category: '水电', description: '厨房水管漏水' })).toBe('报修「水电：厨房水管漏水」');
    expect(ticketSubject({ type: 'complaint', category: '噪音', description: '楼上每天夜里十一点以后还在装修，电钻声音很大\n第二行' })).toBe(
      '投诉「噪音：楼上每天夜里十一点以后还在装修…」',
    );
  });
});
