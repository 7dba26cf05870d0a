import { useCallback, useEffect, useRef } from 'react';
import Taro from '@tarojs/taro';
import { MAX_PHOTOS, UPLOAD_CONCURRENCY } from '../config';
import { type TokenSource, type UploadHandle, residentTokens, uploadPhoto } from '../api/upload';
import { zh } from '../i18n/zh';
import { randomId } from '../utils/id';

export interface DraftPhoto {
  localId: string;
  /** The picked file on the device; shown until the server's thumbnail is known. */
  path: string;
  status: 'uploading' | 'done' | 'failed';
  progress: number;
  upload?: { id: string; url: string; thumbUrl: string };
  error?: string;
}

type Update = (fn: (photos: DraftPhoto[]) => DraftPhoto[]) => void;

/** A draft reopened after the app was closed mid-upload: those uploads are gone, offer retry. */
export function restorePhotos(photos: DraftPhoto[] | undefined): DraftPhoto[] {
  return (photos ?? []).map((p) => (p.status === 'uploading' ? { ...p, status: 'failed', error: zh.photos.failed } : p));
}

export function photosState(photos: DraftPhoto[]) {
  return {
    uploading: photos.some((p) => p.status === 'uploading'),
    failed: photos.some((p) => p.status === 'failed'),
    ids: photos.flatMap((p) => (p.status === 'done' && p.upload ? [p.upload.id] : [])),
  };
}

/**
 * Pick, upload (a few at a time, with progress), retry and remove photos of a draft.
 * The photos themselves live in the draft, so they survive leaving the page.
 */
export function usePhotoUploads(photos: DraftPhoto[], update: Update, tokens: TokenSource = residentTokens) {
  const handles = useRef(new Map<string, UploadHandle>());
  const queue = useRef<DraftPhoto[]>([]);
  const running = useRef(0);
  const mounted = useRef(true);

  useEffect(() => {
    mounted.current = true;
    const live = handles.current;
    return () => {
      mounted.current = false;
      live.forEach((h) => h.abort());
    };
  }, []);

  const patch = useCallback(
    (localId: string, changes: Partial<DraftPhoto>) => update((list) => list.map((p) => (p.localId === localId ? { ...p, ...changes } : p))),
    [update],
  );

  const pump = useCallback(() => {
    while (running.current < UPLOAD_CONCURRENCY && queue.current.length > 0) {
      const photo = queue.current.shift()!;
      running.current += 1;
      const handle = uploadPhoto(photo.path, (progress) => mounted.current && patch(photo.localId, { progress }), tokens);
      handles.current.set(photo.localId, handle);
      void handle.result.then((res) => {
        running.current -= 1;
        const stillWanted = handles.current.get(photo.localId) === handle;
        handles.current.delete(photo.localId);
        if (mounted.current && stillWanted) {
          if (res.ok) {
            const { id, url, thumbUrl } = res.data;
            patch(photo.localId, { status: 'done', progress: 100, upload: { id, url, thumbUrl }, error: undefined });
          } else {
            patch(photo.localId, { status: 'failed', error: res.message });
          }
        }
        pump();
      });
    }
  }, [patch, tokens]);

  const start = useCallback(
    (photo: DraftPhoto) => {
      queue.current.push(photo);
      pump();
    },
    [pump],
  );

  const add = useCallback(async () => {
    const room = MAX_PHOTOS - photos.length;
    if (room <= 0) return;
    let picked: { tempFilePath: string }[];
    try {
      const res = await Taro.chooseMedia({
        count: room,
        mediaType: ['image'],
        sizeType: ['compressed'],
        sourceType: ['album', 'camera'],
      });
      picked = res.tempFiles;
    } catch {
      return; // cancelled by the resident, or privacy consent refused
    }
    const fresh: DraftPhoto[] = picked.slice(0, room).map((f) => ({
      localId: randomId(),
      path: f.tempFilePath,
      status: 'uploading',
      progress: 0,
    }));
    update((list) => [...list, ...fresh].slice(0, MAX_PHOTOS));
    fresh.forEach(start);
  }, [photos.length, start, update]);

  const retry = useCallback(
    (localId: string) => {
      const photo = photos.find((p) => p.localId === localId);
      if (!photo || photo.status === 'uploading') return;
      patch(localId, { status: 'uploading', progress: 0, error: undefined });
      start(photo);
    },
    [patch, photos, start],
  );

  const remove = useCallback(
    (localId: string) => {
      handles.current.get(localId)?.abort();
      handles.current.delete(localId);
      queue.current = queue.current.filter((p) => p.localId !== localId);
      update((list) => list.filter((p) => p.localId !== localId));
    },
    [update],
  );

  return { add, retry, remove };
}
