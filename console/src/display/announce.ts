// C9: a two-tone chime (WebAudio) then the call spoken in Spanish (Web Speech API).
let ctx: AudioContext | undefined;

export function audioContext(): AudioContext {
  ctx ??= new AudioContext();
  return ctx;
}

export function chime(): Promise<void> {
  const ac = audioContext();
  const start = ac.currentTime + 0.05;
  [880, 660].forEach((freq, i) => {
    const osc = ac.createOscillator();
    const gain = ac.createGain();
    osc.type = 'sine';
    osc.frequency.value = freq;
    const t0 = start + i * 0.35;
    gain.gain.setValueAtTime(0, t0);
    gain.gain.linearRampToValueAtTime(0.3, t0 + 0.03);
    gain.gain.exponentialRampToValueAtTime(0.001, t0 + 0.6);
    osc.connect(gain).connect(ac.destination);
    osc.start(t0);
    osc.stop(t0 + 0.65);
  });
  return new Promise((r) => setTimeout(r, 900));
}

/** Prefers a Colombian Spanish voice, then any Spanish one, then the default. */
export function speak(text: string, lang: string): void {
  if (!('speechSynthesis' in window)) return;
  const voices = window.speechSynthesis.getVoices();
  const u = new SpeechSynthesisUtterance(text);
  u.lang = lang;
  u.rate = 0.95;
  const voice = voices.find((v) => v.lang === lang) ?? voices.find((v) => v.lang.startsWith(lang.slice(0, 2)));
  if (voice) u.voice = voice;
  window.speechSynthesis.speak(u);
}

/** Spells "A-007" as "A 7" so the synthesiser reads a letter and a number. */
export const spokenNumber = (n: string): string => n.replace(/^([A-Z]+)-0*(\d+)$/, '$1 $2');
