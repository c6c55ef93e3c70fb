// D9: choose the microphone and the camera among the browser's devices.
import { useEffect, useState } from 'react';
import { useI18n } from '../i18n';

export function DeviceSettings({ onPick }: { onPick(kind: 'audioinput' | 'videoinput', deviceId: string): void }) {
  const t = useI18n().t.video;
  const [devices, setDevices] = useState<MediaDeviceInfo[]>([]);
  useEffect(() => {
    navigator.mediaDevices
      .enumerateDevices()
      .then(setDevices, (err: unknown) => console.error('listing devices failed', err));
  }, []);
  const select = (kind: 'audioinput' | 'videoinput', label: string) => (
    <label>
      {label}
      <select data-testid={`device-${kind}`} onChange={(e) => onPick(kind, e.target.value)} defaultValue="">
        <option value="" disabled>
          —
        </option>
        {devices
          .filter((d) => d.kind === kind)
          .map((d, i) => (
            <option key={d.deviceId || i} value={d.deviceId}>
              {d.label || `${label} ${i + 1}`}
            </option>
          ))}
      </select>
    </label>
  );
  return (
    <fieldset className="vc-settings">
      <legend>{t.settings}</legend>
      {select('audioinput', t.audioIn)}
      {select('videoinput', t.videoIn)}
    </fieldset>
  );
}
