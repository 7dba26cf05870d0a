import { pickCurrentRoom } from '../hooks/useMe';
import { UNREAD_COUNTED } from '../hooks/useUnreadNotices';
import { ROUTES } from '../routes';
import { listMyAnnouncements } from './announcements';
import { earlyEpoch, startEarly } from './early';
import { listMyIncidents } from './incidents';
import { fetchHotline, fetchMe } from './me';
import { listNotices } from './notices';
import { currentSession } from './session';
import { fetchTicket, fetchTicketContacts, listTickets } from './tickets';

/**
 * The h5's first page asks for its data only once its chunk has arrived and run, after
 * the app's own; on a slow phone network that is a round trip or two spent waiting. At
 * launch (app.ts), with a session stored, the first requests of the page in the address
 * are started here through the same API functions the page calls, and the page's calls
 * take their answers (api/early.ts). Only reads, only for a signed-in resident: no login
 * is started early, and a page without an entry here loads as before.
 */
/** A route without its query, as the hash router gives it. */
const routeOf = (url: string) => url.split('?')[0]!;

/** Starts what the page at `route` asks for first; false when it has no entry here. */
function startFirstRequests(route: string, params: URLSearchParams): boolean {
  // A function, not a table built on import: the mini-program's build, which never calls
  // it, then leaves this module out whole.
  switch (route) {
    case ROUTES.home: {
      // As the home page asks (pages/home/index.tsx): the hotline once "me" names the room,
      // unless the resident signed out or changed something meanwhile.
      const since = earlyEpoch();
      void fetchMe().then((me) => {
        const room = me.ok ? pickCurrentRoom(me.data) : null;
        if (room && earlyEpoch() === since) startEarly(() => void fetchHotline(room.roomId));
      });
      void listTickets('open', null, 5);
      void listTickets('toConfirm', null, 5);
      void listMyIncidents();
      void listMyAnnouncements();
      void listNotices(null, UNREAD_COUNTED);
      return true;
    }
    case routeOf(ROUTES.detail('')): {
      const id = params.get('id');
      if (!id) return false;
      void fetchTicket(id);
      void fetchTicketContacts(id);
      return true;
    }
    case routeOf(ROUTES.create('repair')):
      void fetchMe();
      return true;
    default:
      return false;
  }
}

/** `hash`: the address's `#/pages/…?…` (the h5's hash router); empty is the first tab. */
export function startFirstPageRequests(hash: string): void {
  if (!currentSession()) return;
  const [route = '', query = ''] = hash.replace(/^#/, '').split('?');
  startEarly(() => startFirstRequests(route || ROUTES.home, new URLSearchParams(query)));
}
