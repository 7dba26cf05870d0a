import { screen } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeServer, renderPage, signIn, ticket } from '../../../test/helpers';
import EscalationsPage from '.';

describe('the escalations inbox', () => {
  beforeEach(() => signIn(['supervisor']));

  it('shows every overdue and every at-risk request of my communities without picking a 小区', async () => {
    const server = fakeServer({
      'GET /communities': { body: { items: [{ id: 'c1', name: '翠湖花园' }], nextCursor: null } },
      'GET /tickets': (call) => ({
        body: {
          items:
            call.query.get('overdue') === 'true'
              ? [ticket({ no: 'BX-LATE', overdue: ['respond'] })]
              : call.query.get('atRisk') === 'true'
                ? [ticket({ no: 'BX-SOON' })]
                : [],
          nextCursor: null,
        },
      }),
    });
    renderPage(<EscalationsPage />, { path: '/escalations', route: '/escalations' });
    expect(await screen.findByText('BX-LATE')).toBeInTheDocument();
    expect(await screen.findByText('BX-SOON')).toBeInTheDocument();
    expect(screen.getByText('即将超时')).toBeInTheDocument();
    const asked = server.find('GET', '/tickets').map((c) => c.query);
    expect(asked.every((q) => !q.has('communityId'))).toBe(true);
    expect(asked.some((q) => q.get('overdue') === 'true')).toBe(true);
    expect(asked.some((q) => q.get('atRisk') === 'true')).toBe(true);
  });
});
