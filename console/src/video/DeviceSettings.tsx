// D9: choose the microphone and the camera among the browser's devices. Issue 16: each list shows
// the device in use as the one selected (read from the live track), not a blank choice.
import { useEffect, useState } from 'react';
import { useI18n } from '../i18n';

export type DeviceKind = 'audioinput' | 'videoinput';

export function DeviceSettings({
  current,
  onPick,
}: {
  /** The deviceId each kind's track uses now (empty when there is none). */
  current: Record<DeviceKind, string>;
  onPick(kind: DeviceKind, deviceId: string): void;
}) {
  const t = useI18n().t.video;
  const [devices, setDevices] = useState<MediaDeviceInfo[]>([]);
  useEffect(() => {
    navigator.mediaDevices
      .enumerateDevices()
      .then(setDevices, (err: unknown) => console.error('listing devices failed', err));
  }, []);
  const select = (kind: DeviceKind, label: string) => {
    const options = devices.filter((d) => d.kind === kind && d.deviceId);
    const known = options.some((d) => d.deviceId === current[kind]);
    return (
      <label>
        {label}
        <select
          data-testid={`device-${kind}`}
          value={known ? current[kind] : ''}
          onChange={(e) => onPick(kind, e.target.value)}
        >
          {!known && (
            <option value="" disabled>
              —
            </option>
          )}
          {options.map((d, i) => (
            <option key={d.deviceId} value={d.deviceId}>
              {d.label || `${label} ${i + 1}`}
            </option>
          ))}
        </select>
      </label>
    );
  };
  return (
    <fieldset className="vc-settings" data-testid="device-settings">
      <legend>{t.settings}</legend>
      {select('audioinput', t.audioIn)}
      {select('videoinput', t.videoIn)}
    </fieldset>
  );
}
