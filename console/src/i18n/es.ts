// Spanish: the console's first language. Keys are grouped by screen area.
export const es = {
  app: { name: 'Ventanilla', loading: 'Cargando…', retry: 'Reintentar', save: 'Guardar', cancel: 'Cancelar', close: 'Cerrar', saved: 'Guardado', language: 'Idioma', none: '—' },
  login: { title: 'Ingreso de asesores', email: 'Correo electrónico', password: 'Contraseña', submit: 'Ingresar' },
  menu: { profile: 'Mi perfil', tickets: 'Ver todos los tiquetes', desk: 'Mi módulo', logout: 'Cerrar sesión', refused: 'No puede cerrar sesión: está llamando o atendiendo el tiquete {number}. Finalícelo, reencólelo o transfiéralo primero.', endShift: 'Salir del módulo' },
  states: { online: 'En línea', offline: 'Desconectado', resting: 'Descanso', lunch: 'Almuerzo', documenting: 'Documentando' },
  kinds: { turn: 'Turno', virtual: 'Virtual', appointment: 'Cita' },
  statuses: { scheduled: 'Agendada', waiting: 'En espera', calling: 'Llamando', attending: 'Atendiendo', finished: 'Finalizado', cancelled: 'Cancelado', no_show: 'No se presentó' },
  desk: {
    pickTitle: 'Elija su módulo de atención', pickHint: 'Al ingresar quedará En línea, listo para recibir clientes.', enter: 'Ingresar al módulo',
    deskLabel: 'Módulo', branchLabel: 'Sucursal', state: 'Estado', since: 'En este estado hace', nextState: 'Al terminar la atención', nextNone: 'Seguir igual',
    main: 'Servicios principales', support: 'Servicios de apoyo', supportHint: 'Solo cuando sus servicios principales no tienen a nadie en espera.',
    manual: 'Modo manual', manualHint: 'No recibirá clientes automáticamente: elija a quién atender.',
    waiting: 'Lista de espera', waitingEmpty: 'Nadie en espera para sus servicios.', attend: 'Atender', transfer: 'Transferir', callNext: 'Llamar siguiente',
    colNumber: 'Tiquete / hora', colCustomer: 'Cliente', colKind: 'Tipo', colService: 'Servicio', colId: 'Identificación', supportTag: 'apoyo',
    offlineHint: 'Está desconectado: no recibirá clientes.', notifications: 'Notificaciones', markAll: 'Marcar todas como leídas', noNotifications: 'Sin notificaciones',
  },
  events: {
    created: 'Creado', scheduled: 'Agendado', queued: 'En cola', called: 'Llamado', recalled: 'Llamado de nuevo', attending: 'Atención iniciada',
    finished: 'Finalizado', requeued: 'Reencolado', cancelled: 'Cancelado', no_show: 'No se presentó', transferred: 'Transferido', note: 'Nota',
    topics: 'Temas', customer_edited: 'Cliente editado', confirmed: 'Cita confirmada',
  } as Record<string, string>,
  transfer: { title: 'Transferir {number}', service: 'A otro servicio', agent: 'A un asesor', any: 'Cualquiera', reason: 'Motivo', submit: 'Transferir' },
  attention: {
    calling: 'Llamando a', attending: 'Atendiendo a', anonymous: 'Cliente sin registrar', recall: 'Volver a llamar', arrived: 'El cliente llegó',
    finish: 'Finalizar atención', elapsed: 'Tiempo en este estado', service: 'Servicio', scheduled: 'Cita', arrival: 'Llegada', recalls: 'Llamados',
    customer: 'Cliente', firstName: 'Nombre', lastName: 'Apellidos', email: 'Correo', idNumber: 'Identificación', phone: 'Teléfono', saveCustomer: 'Guardar cliente',
    notes: 'Notas', notePlaceholder: 'Escriba una nota para la cronología…', addNote: 'Agregar nota', topics: 'Temas atendidos', noTopics: 'Este servicio no tiene temas.',
    noteAdded: 'Nota agregada', customerSaved: 'Cliente actualizado', timeline: 'Cronología',
  },
  tickets: {
    title: 'Todos los tiquetes', tree: 'Servicios', allBranches: 'Todas las sucursales', agents: 'Asesores', noAgents: 'Sin asesores', today: 'Hoy (en vivo)', history: 'Histórico',
    from: 'Desde', to: 'Hasta', status: 'Estado', anyStatus: 'Todos los estados', search: 'Buscar', searchPlaceholder: 'Nombre o identificación del cliente', number: 'Número',
    generate: 'Generar tiquete o cita', empty: 'No hay tiquetes con estos filtros.', count: '{n} tiquetes', colNumber: 'Número', colStatus: 'Estado', colService: 'Servicio',
    colCustomer: 'Cliente', colAgent: 'Asesor', colArrival: 'Llegada', requeue: 'Reencolar', cancelTicket: 'Cancelar tiquete', follow: 'Seguir en vivo', reason: 'Motivo',
    timelineOf: 'Cronología de {number}', clear: 'Limpiar filtros', kindLabel: 'Tipo',
  },
  generate: {
    title: 'Generar tiquete o cita', service: 'Servicio', kind: 'Tipo', existing: 'Cliente existente', newCustomer: 'Cliente nuevo', noCustomer: 'Sin cliente',
    searchCustomer: 'Buscar cliente', scheduledAt: 'Fecha y hora de la cita', submit: 'Generar', created: 'Se generó {number}',
  },
  profile: {
    title: 'Mi perfil', firstName: 'Nombre', lastName: 'Apellidos', phone: 'Teléfono', email: 'Correo', entity: 'Entidad', branch: 'Sucursal', readOnly: 'Solo lectura',
    password: 'Cambiar contraseña', current: 'Contraseña actual', next: 'Nueva contraseña', confirm: 'Confirmar nueva contraseña', mismatch: 'Las contraseñas no coinciden.', changed: 'Contraseña cambiada',
  },
  display: { calling: 'Llamando', desk: 'Módulo', recent: 'Últimos llamados', nobody: 'En espera del próximo llamado', speech: 'Turno {number}, diríjase a {desk}', sound: 'Activar sonido' },
  kiosk: { title: 'Bienvenido', pick: 'Elija el servicio que necesita', yourTicket: 'Su turno', follow: 'Siga su turno desde el celular', again: 'Tomar otro turno', link: 'Abrir estado del turno' },
  status: {
    title: 'Estado de su turno', ahead: 'Personas antes que usted', next: '¡Usted es el siguiente!', calledTo: 'Le llaman al {desk}', attending: 'Está siendo atendido en {desk}',
    ended: 'Su atención terminó. ¡Gracias!', scheduled: 'Su cita está agendada.', invalid: 'Este enlace no es válido.', live: 'Se actualiza solo',
  },
} as const;

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
export type Dictionary = Widen<typeof es>;
