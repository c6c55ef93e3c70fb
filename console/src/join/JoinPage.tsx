// `/join/:token`: the customer's anonymous entry to a virtual attention (D10). No login: the
// link's token is the only credential, and it grants that one call while the ticket is live.
import { useState } from 'react';
import { useI18n } from '../i18n';
import { useLocalStream } from '../video/useLocalStream';
import '../video/video.css';
import { DeviceCheck } from './DeviceCheck';
import { GuestCall } from './GuestCall';

export function JoinPage({ token }: { token: string }) {
  const [joined, setJoined] = useState(false);
  const local = useLocalStream();
  return (
    <main className="vc-join">
      {joined && local.stream ? (
        <GuestCall guestToken={token} stream={local.stream} />
      ) : (
        <DeviceCheck stream={local.stream} failure={local.failure} onJoin={() => setJoined(true)} />
      )}
    </main>
  );
}

/** `/join/:token` in the console's router (the guest link the API hands out). */
export function JoinRoute({ token }: { token: string }) {
  const { t } = useI18n();
  return token ? <JoinPage token={token} /> : <p className="vc-error">{t.video.badLink}</p>;
}
