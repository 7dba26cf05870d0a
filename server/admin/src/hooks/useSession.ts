import { useMemo, useSyncExternalStore } from 'react';
import { accessFor, type Access } from '../access';
import { getSession, onSessionChange, type Session } from '../services/session';

export function useSession(): Session | null {
  return useSyncExternalStore(onSessionChange, getSession, getSession);
}

export function useAccess(): Access {
  const session = useSession();
  const roles = session?.staff.roles;
  return useMemo(() => accessFor(roles), [roles]);
}
