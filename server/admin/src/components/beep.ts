/**
 * An alert tone made with Web Audio (no sound file to ship). Browsers only allow
 * sound after the person has clicked something, so the desk has a switch that calls
 * `unlockSound()` from a click.
 */
let ctx: AudioContext | null = null;

function context(): AudioContext | null {
  if (typeof window === 'undefined') return null;
  const Ctor = window.AudioContext ?? (window as unknown as { webkitAudioContext?: typeof AudioContext }).webkitAudioContext;
  if (!Ctor) return null;
  ctx ??= new Ctor();
  return ctx;
}

export async function unlockSound(): Promise<boolean> {
  const c = context();
  if (!c) return false;
  if (c.state === 'suspended') await c.resume();
  return c.state === 'running';
}

/** Three short high beeps: urgent work or a missed time limit. */
export function beep(times = 3): void {
  const c = context();
  if (!c || c.state !== 'running') return;
  for (let i = 0; i < times; i += 1) {
    const start = c.currentTime + i * 0.3;
    const osc = c.createOscillator();
    const gain = c.createGain();
    osc.type = 'square';
    osc.frequency.value = 880;
    gain.gain.setValueAtTime(0.0001, start);
    gain.gain.exponentialRampToValueAtTime(0.2, start + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, start + 0.2);
    osc.connect(gain).connect(c.destination);
    osc.start(start);
    osc.stop(start + 0.22);
  }
}
