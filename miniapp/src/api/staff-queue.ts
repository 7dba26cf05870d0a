import Taro from '@tarojs/taro';
import type { TicketDetail } from '@yizhan/shared';
import { isH5 } from '../config';
import { randomId } from '../utils/id';
import { readStorage, writeStorage } from '../utils/storage';
import { NETWORK_ERROR, type ApiResult, LOGIN_REQUIRED } from './result';
import { staffTokens } from './staff-session';
import { postAction, type StaffAction } from './staff-tickets';
import { uploadPhoto } from './upload';

/**
 * The staff side's outbox on the phone (离线队列). A technician in a basement has no
 * signal: every action (check-in, photos, resolve, …) is written here first, with its
 * Idempotency-Key made once, and sent in order when the network is back. Photos not yet
 * uploaded travel with their action as files on the phone and are uploaded first.
 *
 * Never twice: the key goes with every attempt, and the server applies an action once
 * per key (a retry after a lost answer gets the ticket as it is). An uploaded photo's id
 * is written back to the entry at once, so a photo is not uploaded again either.
 */
export interface QueuedAction {
  /** The Idempotency-Key, also the entry's id. */
  key: string;
  ticketId: string;
  ticketNo: string;
  action: StaffAction;
  body: Record<string, unknown>;
  /** Files on the phone still to upload; their ids go to `body.photoIds` (after `photoIds`). */
  pendingPhotos: string[];
  photoIds: string[];
  createdAt: number;
  /** The server refused it (final): shown on the home page until dismissed. */
  error?: string;
}

const KEY = 'yz.staff.queue';

type Listener = (entries: QueuedAction[]) => void;
const listeners = new Set<Listener>();

export function queuedActions(): QueuedAction[] {
  return readStorage<QueuedAction[]>(KEY) ?? [];
}

function save(entries: QueuedAction[]): void {
  writeStorage(KEY, entries);
  listeners.forEach((l) => l(entries));
}

function patch(key: string, changes: Partial<QueuedAction>): void {
  save(queuedActions().map((e) => (e.key === key ? { ...e, ...changes } : e)));
}

function drop(key: string): void {
  save(queuedActions().filter((e) => e.key !== key));
}

export function subscribeQueue(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function dismissQueued(key: string): void {
  drop(key);
}

/** A temporary file (chooseMedia) does not outlive the app; a saved one does, until it is sent. */
async function keepFile(path: string): Promise<string> {
  if (isH5()) return path;
  try {
    const saved = (await Taro.saveFile({ tempFilePath: path })) as { savedFilePath?: string };
    return saved.savedFilePath ?? path;
  } catch {
    return path;
  }
}

/** Worth trying again later: no answer, a busy server, or no session right now. */
const transient = (r: { status: number; code: string }) =>
  r.code === NETWORK_ERROR || r.status === 0 || r.status === 429 || r.status >= 500 || r.code === LOGIN_REQUIRED || r.code === 'IDEMPOTENCY_IN_PROGRESS';

type SendOutcome = { sent: true; ticket: TicketDetail } | { sent: false; final: boolean; message: string };

async function sendOne(entry: QueuedAction): Promise<SendOutcome> {
  let current = entry;
  while (current.pendingPhotos.length) {
    const path = current.pendingPhotos[0]!;
    const up = await uploadPhoto(path, undefined, staffTokens).result;
    if (!up.ok) return { sent: false, final: !transient(up), message: up.message };
    current = { ...current, pendingPhotos: current.pendingPhotos.slice(1), photoIds: [...current.photoIds, up.data.id] };
    patch(entry.key, { pendingPhotos: current.pendingPhotos, photoIds: current.photoIds });
  }
  const body = current.photoIds.length ? { ...current.body, photoIds: current.photoIds } : current.body;
  const res: ApiResult<TicketDetail> = await postAction(current.ticketId, current.action, body, current.key);
  if (res.ok) return { sent: true, ticket: res.data };
  return { sent: false, final: !transient(res), message: res.message };
}

let flushing: Promise<void> | null = null;
/** Answers of entries sent, for the submitAction that is waiting on them. */
const sentTickets = new Map<string, TicketDetail>();

/**
 * Send what is waiting, oldest first. Stops at the first transient failure (still no
 * signal: the rest would fail too, and order matters — check-in before resolve); a
 * final refusal is kept with its reason and the next entry goes.
 */
export function flushQueue(): Promise<void> {
  flushing ??= (async () => {
    for (;;) {
      const next = queuedActions().find((e) => !e.error);
      if (!next) return;
      const outcome = await sendOne(next);
      if (outcome.sent) {
        sentTickets.set(next.key, outcome.ticket);
        drop(next.key);
        continue;
      }
      if (!outcome.final) return;
      patch(next.key, { error: outcome.message });
    }
  })().finally(() => {
    flushing = null;
  });
  return flushing;
}

export type SubmitOutcome = { state: 'sent'; ticket: TicketDetail } | { state: 'queued' } | { state: 'refused'; message: string };

/**
 * The pages' way to act: queue the action, then send the queue now. The answer says
 * whether this action went through, waits for the network, or was refused (then it is
 * not kept: the person is looking at the reason).
 */
export async function submitAction(input: {
  ticketId: string;
  ticketNo: string;
  action: StaffAction;
  body: Record<string, unknown>;
  photoIds?: string[];
  pendingPhotos?: string[];
}): Promise<SubmitOutcome> {
  const entry: QueuedAction = {
    key: `staff-${randomId()}`,
    ticketId: input.ticketId,
    ticketNo: input.ticketNo,
    action: input.action,
    body: input.body,
    photoIds: input.photoIds ?? [],
    pendingPhotos: await Promise.all((input.pendingPhotos ?? []).map(keepFile)),
    createdAt: Date.now(),
  };
  save([...queuedActions(), entry]);
  const waiting = () => queuedActions().find((e) => e.key === entry.key);
  const joined = flushing !== null;
  await flushQueue();
  // A send already under way may have finished before it saw the new entry: one pass of our own.
  if (joined && waiting() && !waiting()!.error) await flushQueue();
  const sent = sentTickets.get(entry.key);
  if (sent) {
    sentTickets.delete(entry.key);
    return { state: 'sent', ticket: sent };
  }
  const left = waiting();
  if (left?.error) {
    drop(entry.key);
    return { state: 'refused', message: left.error };
  }
  return { state: 'queued' };
}

let watching = false;

/** Send the queue whenever the phone gets a network back (called once by the staff pages). */
export function watchNetwork(): void {
  if (watching) return;
  watching = true;
  try {
    Taro.onNetworkStatusChange((res: { isConnected: boolean }) => {
      if (res.isConnected) void flushQueue();
    });
  } catch {
    // Not available (tests, old base library): the pages also send on show and on a timer.
  }
}
