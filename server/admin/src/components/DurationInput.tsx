import { InputNumber, Space } from 'antd';
import { T } from '../strings';

/** Seconds as whole hours and minutes (minutes rounded), for a form that takes a duration. */
export function splitSeconds(sec: number | null | undefined): { hours: number | null; minutes: number | null } {
  if (sec === null || sec === undefined) return { hours: null, minutes: null };
  const totalMin = Math.round(sec / 60);
  return { hours: Math.floor(totalMin / 60), minutes: totalMin % 60 };
}

/** Hours and minutes back to seconds; null when both are empty. */
export function joinSeconds(hours: number | null | undefined, minutes: number | null | undefined): number | null {
  if ((hours === null || hours === undefined) && (minutes === null || minutes === undefined)) return null;
  return ((hours ?? 0) * 60 + (minutes ?? 0)) * 60;
}

/**
 * A duration as 小时 + 分钟 (a form control: `value`/`onChange` in seconds), instead of
 * decimal hours nobody reads at a glance (0.25 for 15 minutes).
 */
export function DurationInput({
  value,
  onChange,
  maxHours = 24 * 30,
  id,
}: {
  value?: number | null;
  onChange?: (sec: number | null) => void;
  maxHours?: number;
  id?: string;
}) {
  const { hours, minutes } = splitSeconds(value);
  return (
    <Space.Compact>
      <InputNumber
        id={id}
        aria-label={T.sla.hours}
        min={0}
        max={maxHours}
        precision={0}
        value={hours}
        onChange={(h) => onChange?.(joinSeconds(h, minutes))}
        addonAfter={T.sla.hours}
        style={{ width: 130 }}
      />
      <InputNumber
        aria-label={T.sla.minutes}
        min={0}
        max={59}
        precision={0}
        step={5}
        value={minutes}
        onChange={(m) => onChange?.(joinSeconds(hours, m))}
        addonAfter={T.sla.minutes}
        style={{ width: 120 }}
      />
    </Space.Compact>
  );
}
