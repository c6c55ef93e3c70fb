// The call's texts, Spanish first, chosen by the console's current language. Failures are worded
// by the console's one dictionary (i18n/es.ts errors, video); the rest may move there too.
import { useI18n } from '../i18n';

const es = {
  waitingCustomer: 'Esperando a que el cliente se conecte…', connecting: 'Conectando la videollamada…', you: 'Usted',
  camera: 'Cámara', cameraOff: 'Apagar cámara', cameraOn: 'Encender cámara', micOff: 'Silenciar micrófono', micOn: 'Activar micrófono',
  share: 'Compartir pantalla', stopShare: 'Dejar de compartir', settings: 'Configuración', audioIn: 'Micrófono', videoIn: 'Cámara',
  end: 'Terminar atención', transfer: 'Transferir llamada', cancelNoShow: 'Cancelar (el cliente no se conectó)',
  terms: 'Enviar T&C', termsTitle: 'Términos y condiciones', termsPlaceholder: 'Escriba las cláusulas que el cliente debe aceptar…',
  send: 'Enviar', accept: 'Acepto', refuse: 'No acepto', termsAccepted: 'El cliente aceptó los T&C', termsRefused: 'El cliente rechazó los T&C', termsPending: 'T&C enviados: esperando respuesta',
  link: 'Enlace para el cliente', copy: 'Copiar enlace', qr: 'Código QR del enlace',
  tag: 'Tag', tagPlaceholder: 'Comentario en este momento de la llamada…', tagAdd: 'Marcar', tags: 'Tags',
  chat: 'Chat', chatPlaceholder: 'Escriba un mensaje…', attach: 'Adjuntar archivo', download: 'Descargar',
  ended: 'La videollamada terminó.', customer: 'Cliente', agent: 'Asesor',
  checkTitle: 'Antes de entrar: revise su cámara y micrófono', micLevel: 'Nivel del micrófono', join: 'Entrar a la videollamada',
  transferred: 'Le estamos transfiriendo con otro asesor; no cierre esta ventana.',
};
export type CallText = typeof es;

const en: CallText = {
  waitingCustomer: 'Waiting for the customer to join…', connecting: 'Connecting the video call…', you: 'You',
  camera: 'Camera', cameraOff: 'Turn camera off', cameraOn: 'Turn camera on', micOff: 'Mute microphone', micOn: 'Unmute microphone',
  share: 'Share screen', stopShare: 'Stop sharing', settings: 'Settings', audioIn: 'Microphone', videoIn: 'Camera',
  end: 'End attention', transfer: 'Transfer call', cancelNoShow: 'Cancel (the customer never joined)',
  terms: 'Send T&C', termsTitle: 'Terms and conditions', termsPlaceholder: 'Write the clauses the customer must accept…',
  send: 'Send', accept: 'I accept', refuse: 'I do not accept', termsAccepted: 'The customer accepted the T&C', termsRefused: 'The customer refused the T&C', termsPending: 'T&C sent: waiting for the answer',
  link: 'Link for the customer', copy: 'Copy link', qr: 'QR code of the link',
  tag: 'Tag', tagPlaceholder: 'Comment at this moment of the call…', tagAdd: 'Tag', tags: 'Tags',
  chat: 'Chat', chatPlaceholder: 'Write a message…', attach: 'Attach a file', download: 'Download',
  ended: 'The video call has ended.', customer: 'Customer', agent: 'Agent',
  checkTitle: 'Before joining: check your camera and microphone', micLevel: 'Microphone level', join: 'Join the video call',
  transferred: 'You are being transferred to another agent; keep this window open.',
};

export function useCallText(): CallText {
  return useI18n().lang === 'en' ? en : es;
}
