import { useMemo } from 'react';
import type { Me, ResidentRoom } from '@yizhan/shared';
import { fetchMe } from '../api/me';
import { readStorage, STORAGE_KEYS, writeStorage } from '../utils/storage';
import { useAsync } from './useAsync';

/** The room requests are filed for: the one chosen last, else the first approved one. */
export function pickCurrentRoom(me: Me | null): ResidentRoom | null {
  const approved = me?.rooms.filter((r) => r.status === 'approved') ?? [];
  const chosen = readStorage<string>(STORAGE_KEYS.currentRoom);
  return approved.find((r) => r.roomId === chosen) ?? approved[0] ?? null;
}

export function chooseRoom(roomId: string): void {
  writeStorage(STORAGE_KEYS.currentRoom, roomId);
}

export function useMe() {
  const me = useAsync(fetchMe, []);
  const currentRoom = useMemo(() => pickCurrentRoom(me.data), [me.data]);
  const approvedRooms = useMemo(() => me.data?.rooms.filter((r) => r.status === 'approved') ?? [], [me.data]);
  const hasPendingRoom = useMemo(() => me.data?.rooms.some((r) => r.status === 'pending') ?? false, [me.data]);
  return { ...me, currentRoom, approvedRooms, hasPendingRoom };
}
