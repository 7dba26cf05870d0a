import { App } from 'antd';
import { useState } from 'react';
import { T } from '../strings';

/** What an import answers: each row checked, and what applying it did or would do. */
interface ImportResult {
  created: number;
  updated: number;
  rows: { ok: boolean }[];
}

/**
 * A sheet import in two steps, as the rooms roster and the public spots do it: `check` sends the
 * file as a dry run and shows its per-row problems; `apply` sends it for real (only when no row
 * is bad), says what it did, and calls `onApplied`. Failures are shown by the request wrapper.
 */
export function useDryRunImport<R extends ImportResult>(send: (file: File, dryRun: boolean) => Promise<R>, onApplied?: () => void) {
  const { message } = App.useApp();
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<R | null>(null);
  const [busy, setBusy] = useState(false);
  // The answer and the end of `busy` are set in the same tick, so they render together.
  const check = async (f: File) => {
    setFile(f);
    setPreview(null);
    setBusy(true);
    try {
      setPreview(await send(f, true));
    } catch {
      // shown by the request wrapper
    } finally {
      setBusy(false);
    }
  };
  const apply = async () => {
    if (!file) return;
    setBusy(true);
    try {
      const result = await send(file, false);
      message.success(T.admin.importDone(result.created, result.updated));
      setPreview(null);
      setFile(null);
      onApplied?.();
    } catch {
      // shown by the request wrapper
    } finally {
      setBusy(false);
    }
  };
  const bad: R['rows'] = preview?.rows.filter((r) => !r.ok) ?? [];
  return { preview, busy, bad, check, apply, cancel: () => setPreview(null) };
}
