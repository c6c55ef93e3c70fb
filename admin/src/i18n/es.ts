// Spanish (default): react-admin's interface, our resources (resources.<name> = folder = API
// path = table), the back office's own screens (ventanilla.*), every refusal code the servers
// send (errors.*, params as %{name}: shared/errors.ts) and the queue's "why next" (next.*).
import type { TranslationMessages } from 'react-admin';
import { raSpanish } from './ra-es';

const es: TranslationMessages = {
  ra: raSpanish,
  resources: {
    entities: { name: 'Entidad |||| Entidades', fields: { name: 'Nombre', slug: 'Identificador' } },
    branches: {
      name: 'Sucursal |||| Sucursales',
      fields: {
        name: 'Nombre', code: 'Código', timezone: 'Zona horaria', orderingPolicy: 'Política de orden',
        interleaveRatio: 'Prioritarios seguidos antes de un normal (N:1)', ageBoostMinutes: 'Minutos de espera por nivel de prioridad',
        checkInWindowMinutes: 'Ventana de check-in de citas (min)',
      },
    },
    departments: { name: 'Departamento |||| Departamentos', fields: { name: 'Nombre', branchId: 'Sucursal' } },
    services: {
      name: 'Servicio |||| Servicios',
      fields: {
        name: 'Nombre', label: 'Prefijo', departmentId: 'Departamento', branchId: 'Sucursal', callTimeoutSeconds: 'Tiempo de llamado (s)',
        maxAutoRequeues: 'Reencolamientos automáticos', slaTargetSeconds: 'Meta de espera SLA (s)', virtualEnabled: 'Atención virtual',
        active: 'Activo', topics: 'Temas',
      },
    },
    topics: { name: 'Tema |||| Temas', fields: { name: 'Nombre', serviceId: 'Servicio' } },
    priorities: { name: 'Prioridad |||| Prioridades', fields: { name: 'Nombre', level: 'Nivel (0 = normal)' } },
    desks: { name: 'Módulo |||| Módulos', fields: { name: 'Nombre', branchId: 'Sucursal' } },
    users: {
      name: 'Usuario |||| Usuarios',
      fields: {
        firstName: 'Nombre', lastName: 'Apellido', email: 'Correo', role: 'Rol', branchId: 'Sucursal', phone: 'Teléfono',
        active: 'Activo', password: 'Contraseña', createdAt: 'Creado',
      },
    },
    service_assignments: { name: 'Asignación |||| Asignaciones', fields: { userId: 'Asesor', serviceId: 'Servicio', kind: 'Tipo' } },
    break_caps: { name: 'Límite de pausa |||| Límites de pausa', fields: { state: 'Estado', maxMinutes: 'Máximo (min)' } },
    webhooks: { name: 'Webhook |||| Webhooks', fields: { url: 'URL', secret: 'Secreto (firma HMAC)', events: 'Eventos (vacío = todos)', active: 'Activo' } },
    customers: {
      name: 'Cliente |||| Clientes',
      fields: { firstName: 'Nombre', lastName: 'Apellido', email: 'Correo', idNumber: 'Documento', phone: 'Teléfono', createdAt: 'Creado' },
    },
    shifts: {
      name: 'Jornada |||| Jornadas',
      fields: { userId: 'Asesor', deskId: 'Módulo', branchId: 'Sucursal', state: 'Estado', stateSince: 'Desde', startedAt: 'Inicio', endedAt: 'Fin' },
    },
    tickets: {
      name: 'Turno |||| Turnos',
      fields: {
        number: 'Número', status: 'Estado', kind: 'Tipo', priority: 'Prioridad', branchId: 'Sucursal', departmentId: 'Departamento',
        serviceId: 'Servicio', serviceName: 'Servicio', customerId: 'Cliente', customerName: 'Cliente', customerIdNumber: 'Documento',
        agentId: 'Asesor', agentName: 'Asesor', deskName: 'Módulo', arrivalAt: 'Llegada', scheduledAt: 'Fecha de la cita',
        calledAt: 'Llamado', attendingAt: 'En atención desde', endedAt: 'Terminado', statusSince: 'Último cambio', recallCount: 'Rellamados',
        requeueCount: 'Reencolados', q: 'Cliente (nombre o documento)', day: 'Día', from: 'Desde', to: 'Hasta', priorityId: 'Prioridad',
        customerMode: 'Cliente', workflowId: 'Workflow',
      },
    },
  },
  ventanilla: {
    app: { title: 'Ventanilla · Back office', language: 'Idioma' },
    auth: { agents_refused: 'El back office es para supervisores y administradores' },
    menu: { monitor: 'Monitor en vivo', reports: 'Reportes', configuration: 'Configuración', operation: 'Operación' },
    policy: { fifo: 'Orden de llegada', priority: 'Prioridad primero', interleave: 'Intercalar N:1', age_boost: 'Prioridad por espera' },
    policy_help: {
      fifo: 'Se atiende en orden de llegada, sin importar la prioridad.',
      priority: 'Primero los turnos con prioridad; luego por llegada.',
      interleave: 'Tras N prioritarios seguidos pasa un turno normal.',
      age_boost: 'Cada cierto tiempo de espera el turno gana un nivel de prioridad.',
    },
    role: { agent: 'Asesor', supervisor: 'Supervisor', admin: 'Administrador' },
    assignment: { main: 'Principal', support: 'Apoyo' },
    state: { online: 'En línea', offline: 'Desconectado', resting: 'Descanso', lunch: 'Almuerzo', documenting: 'Documentando' },
    status: {
      scheduled: 'Agendado', waiting: 'En espera', calling: 'Llamando', attending: 'En atención', finished: 'Finalizado',
      cancelled: 'Cancelado', no_show: 'No se presentó',
    },
    kind: { turn: 'Turno', virtual: 'Virtual', appointment: 'Cita' },
    event: {
      created: 'Creado', scheduled: 'Agendado', queued: 'En fila', called: 'Llamado', recalled: 'Rellamado', attending: 'En atención',
      finished: 'Finalizado', requeued: 'Reencolado', cancelled: 'Cancelado', no_show: 'No se presentó', transferred: 'Transferido',
      note: 'Nota', topics: 'Temas', customer_edited: 'Cliente editado', confirmed: 'Cita confirmada', video_joined: 'Cliente en videollamada',
      video_left: 'Cliente salió de la videollamada', terms_sent: 'Términos enviados', terms_answered: 'Términos respondidos', tag: 'Etiqueta',
      file: 'Archivo', room_opened: 'Sala abierta', room_closed: 'Sala cerrada',
    },
    detail: {
      kind: 'Tipo', number: 'Número', serviceId: 'Servicio #', agentId: 'Asesor #', deskId: 'Módulo #', reason: 'Motivo',
      keepArrival: 'Conserva la llegada', recallCount: 'Rellamados', noAnswerCount: 'Sin respuesta', topicIds: 'Temas #',
      fromServiceId: 'Desde servicio #', toServiceId: 'A servicio #', toAgentId: 'A asesor #', text: 'Texto', fields: 'Campos',
      scheduledAt: 'Cita', priority: 'Prioridad',
    },
    actor: { system: 'Sistema', customer: 'Cliente', user: 'Usuario' },
    or: 'o',
    /** Ticket steps as servers name them in refusals (%{action}), worded to follow "No se puede …". */
    action: {
      call: 'llamar', recall: 'volver a llamar', attend: 'atender', finish: 'finalizar', requeue: 'reencolar', cancel: 'cancelar',
      transfer: 'transferir', set_topics_on: 'registrar temas en', edit_the_customer_of: 'editar el cliente en', record: 'registrar la videollamada en',
      confirm: 'confirmar', check_in: 'registrar la llegada en', time_out: 'vencer el llamado en', other: 'hacer eso con',
    },
    tickets: {
      timeline: 'Cronología', when: 'Hora', actor: 'Actor', step: 'Paso', transition: 'De → a', details: 'Detalles',
      requeue: 'Reencolar', cancel: 'Cancelar turno', requeue_title: '¿Reencolar el turno %{number}?',
      requeue_content: 'Vuelve a la fila conservando su hora de llegada.', cancel_title: '¿Cancelar el turno %{number}?',
      cancel_content: 'El turno termina y el cliente deja la fila. No se puede deshacer.', requeued: 'Turno reencolado',
      cancelled: 'Turno cancelado', temporal: 'Ver workflow en Temporal', customer: 'Cliente', follow: 'Siguiendo en vivo',
      today: 'Hoy', history: 'Histórico', generate: 'Generar turno o cita', customer_new: 'Cliente nuevo',
      customer_existing: 'Cliente existente', customer_none: 'Sin cliente', generated: 'Turno %{number} generado',
      summary: 'Resumen', waiting_since: 'Esperando desde', use_existing: 'Usar este cliente',
    },
    monitor: {
      title: 'Monitor en vivo', branch: 'Sucursal', waiting: 'En espera', longest_wait: 'Espera más larga', sla_today: 'SLA hoy',
      agents: 'Asesores', services: 'Servicios', queue: 'Fila y atenciones', service: 'Servicio', calling: 'Llamando',
      attending: 'En atención', finished: 'Atendidos', abandoned: 'Abandonos', sla: 'SLA', state: 'Estado', since: 'Hace',
      desk: 'Módulo', ticket: 'Turno', workflow: 'Workflow', live: 'En vivo', offline: 'Sin conexión en vivo', updated: 'Actualizado %{time}',
      no_queue: 'Nadie en la fila.', next: 'Siguiente', agent: 'Asesor', number: 'Número', waited: 'Espera',
    },
    reports: {
      title: 'Reportes', from: 'Desde', to: 'Hasta', group_by: 'Agrupar por', branch: 'Sucursal', department: 'Departamento',
      service: 'Servicio', agent: 'Asesor', day: 'Día', export: 'Exportar CSV', key: 'Grupo', tickets: 'Turnos', served: 'Atendidos',
      avg_wait: 'Espera prom.', avg_walk: 'Traslado prom.', avg_service: 'Atención prom.', sla: 'En SLA', left: 'Se fueron antes del llamado',
      no_show: 'No se presentaron', cancelled: 'Cancelados', abandonment: 'Abandono', idle: 'Tiempo ocioso', break: 'Pausas',
      wrap_up: 'Documentación', times: 'Tiempos promedio (min)', sla_chart: 'Servidos dentro del SLA (%)', abandon_chart: 'Abandono',
      empty: 'No hay datos en este rango.', agent_time: 'Tiempo de asesores (min)',
    },
    shifts: { temporal: 'Workflow' },
  },
  // react-admin's own notifications (a default Delete or Edit) carry no params: the refusals
  // they can show (StillReferenced, NotWritable, RoleRequired, AlreadyUsed…) are worded without.
  errors: {
    // The servers' refusals (domain/errors.ts ERROR_CODES).
    Validation: 'Revise los campos marcados.', BadJson: 'No se pudo leer la solicitud: recargue la página e intente de nuevo.',
    JsonOnly: 'La solicitud tiene un formato no admitido: recargue la página.', NotFound: 'No se encontró: puede que ya no exista.',
    PayloadTooLarge: 'Lo que envió es demasiado grande.', TooManyRequests: 'Demasiados intentos seguidos: espere un momento y vuelva a intentarlo.',
    Unavailable: 'El servicio no está disponible en este momento: intente de nuevo en un momento.',
    LoginRequired: 'Inicie sesión para continuar.', SessionExpired: 'Su sesión expiró: inicie sesión de nuevo.',
    BadCredentials: 'El correo o la contraseña no son correctos.', JoinFirst: 'Entre primero a la videollamada.',
    RoleRequired: 'Su rol no permite hacer esto.', BackOfficeStaffOnly: 'El back office es para supervisores y administradores.',
    CrossSite: 'Solicitud rechazada: llegó desde otro sitio.', OtherBranch: 'Eso pertenece a otra sucursal.',
    OnlyAgentMayDo: 'Solo el asesor puede hacer esto.', AdminOnly: 'Solo un administrador puede hacer esto.',
    NotWritable: 'Esto no se puede modificar desde aquí.', LinkInvalid: 'Este enlace no es válido o ya venció.',
    AlreadyUsed: 'Ese valor ya está en uso: elija otro.', StillReferenced: 'No se puede borrar: otros registros todavía lo usan.',
    IdempotencyInFlight: 'La misma solicitud aún se está procesando: espere un momento.',
    IdempotencyKeyReused: 'Esa solicitud ya se usó para otra operación: recargue la página e intente de nuevo.',
    CustomerExists: 'Ya existe un cliente con ese documento o ese correo.',
    TicketNotInStatus: 'No se puede %{action} el turno %{number}: está %{status} (solo se puede si está %{allowed}).',
    TicketHeldByOther: 'No puede %{action} el turno %{number}: lo tiene otro asesor.', TicketEnded: 'Ese turno ya terminó.',
    TicketRegistering: 'El turno aún se está registrando: intente de nuevo en un momento.',
    OwnDeskOnly: 'Un asesor solo puede llamar turnos a su propio módulo.', TopicsNotConfigured: 'Algunos temas no están configurados para este servicio.',
    TransferTargetNeeded: 'Elija un servicio, un asesor o ambos.', AlreadyInService: 'El turno ya está en ese servicio.',
    NotVirtual: 'El turno %{number} no es una atención virtual.', NotAppointment: 'Solo las citas se confirman.',
    CallDetailsTooLarge: 'Los detalles de la llamada superan el máximo de %{max} bytes.', AgentBusy: 'Ese asesor ya está atendiendo a otro cliente.',
    ServiceClosed: 'Este servicio no está recibiendo turnos.', NoVirtual: 'Este servicio no tiene atención virtual.',
    AppointmentInPast: 'La hora de la cita ya pasó.', AppointmentNeedsCustomer: 'Una cita necesita un cliente.',
    StepRefused: 'No se pudo guardar este paso: revise los datos.',
    ShiftOpening: 'Su jornada aún se está abriendo: intente de nuevo en un momento.', ShiftEnded: 'Su jornada terminó: ingrese de nuevo a un módulo.',
    NotAtDesk: 'No está en ningún módulo.', DeskHeld: 'El %{desk} lo tiene %{agent}.',
    LoggedInElsewhere: 'Ya está en otro módulo: salga de allí primero.', LoginAtDeskFirst: 'Ingrese a un módulo antes de llamar turnos.',
    AgentsOnlyAtDesk: 'Solo los asesores ingresan a un módulo.', AlreadyInState: 'Su estado ya es %{state}.',
    NotOnline: 'Su estado es %{state}: pase a En línea para llamar clientes.', AlreadyHasCustomer: 'Ya tiene un cliente: termine esa atención primero.',
    BusyFinishFirst: 'Está atendiendo el turno %{number}: termínelo primero o elija %{state} como su próximo estado.',
    BusyCannotLogOut: 'No puede cerrar sesión: está llamando o atendiendo el turno %{number}. Finalícelo, reencólelo o transfiéralo primero.',
    ModeAlreadySet: 'Ese modo ya está activo.', LogoutFailed: 'No se pudo cerrar su jornada en este momento: intente cerrar sesión de nuevo.',
    NotStuck: 'Eso ya no está detenido: no hay nada que liberar.', CallEnded: 'La videollamada ya terminó.',
    NoVideoRoom: 'Esta atención no tiene sala de video.', OnlyServingAgentJoins: 'Solo el asesor que atiende puede entrar a esta videollamada.',
    FileTooLarge: 'El archivo supera el máximo de %{maxMb} MB.', FileTypeRefused: 'Ese tipo de archivo no se admite.', FileEmpty: 'El archivo está vacío.',
    CannotChangeOwnRole: 'No puede cambiar su propio rol: debe hacerlo otro administrador.',
    CannotDeactivateSelf: 'No puede desactivarse a sí mismo: debe hacerlo otro administrador.', AgentNeedsBranch: 'Un asesor necesita una sucursal.',
    WrongCurrentPassword: 'La contraseña actual no es correcta.', CannotDeleteSelf: 'No puede borrar su propio usuario: debe hacerlo otro administrador.',
    PasswordUnchanged: 'La nueva contraseña debe ser distinta de la actual.', Internal: 'Ocurrió un error inesperado; quedó registrado.',
    // Why one field was refused (FIELD_CODES).
    required: 'Este campo es obligatorio.', too_short: 'Mínimo %{min} caracteres.', too_long: 'Máximo %{max} caracteres.',
    too_small: 'Debe ser al menos %{min}.', too_large: 'Debe ser como máximo %{max}.', invalid_type: 'Valor no válido.',
    invalid_value: 'Valor no permitido.', invalid_format: 'Formato no válido.', invalid_email: 'Escriba un correo válido.',
    invalid_url: 'Escriba una URL válida.', invalid_phone: 'Escriba un teléfono válido.', invalid_timezone: 'Zona horaria no válida.',
    invalid_text: 'Tiene caracteres no permitidos.', invalid_date: 'Fecha no válida.', unknown_field: 'Este campo no se admite.',
    read_only: 'Este campo no se puede cambiar.', already_used: 'Ya está en uso.', unknown_reference: 'No existe o no está a su alcance.',
    other_branch: 'Pertenece a otra sucursal.', private_address: 'No se admiten direcciones privadas o locales.',
    label_format: 'Use de 1 a 4 letras mayúsculas.', code_format: 'Use de 2 a 20 letras mayúsculas o dígitos.',
    password_too_short: 'La contraseña debe tener al menos %{min} caracteres.',
    // The SFU's acks (sfu/errors.ts).
    invalid_payload: 'La videollamada recibió datos no válidos.', not_joined: 'Aún no está en la videollamada.',
    already_joined: 'Ya está en la videollamada.', not_found: 'Esa parte de la videollamada ya no existe.',
    wrong_direction: 'Operación de video no válida.', cannot_consume: 'No se puede recibir ese audio o video.',
    invalid_state: 'La videollamada cambió mientras tanto: intente de nuevo.', unsupported: 'Su navegador no admite esta función de video.',
    room_closed: 'La sala de video se cerró.', internal: 'Error en el servidor de video; quedó registrado.',
    // When the code is unknown to this dictionary.
    unknown: 'No se pudo completar la acción: intente de nuevo.',
  },
  /** "Why is this next" (domain/queue-order.ts NextReason); %{waited} is in minutes. */
  next: {
    fifo: '%{number} llegó primero (espera %{waited} min); esta sucursal atiende en orden de llegada.',
    priority: '%{number} tiene prioridad %{level}; primero los prioritarios, luego por llegada (espera %{waited} min).',
    arrival: '%{number} llegó primero entre los turnos sin prioridad (espera %{waited} min).',
    age_boost: '%{number} tiene prioridad efectiva %{effective} (nivel %{level} + 1 por cada %{minutes} min de espera; espera %{waited} min).',
    interleave_normal: 'Se atendieron %{streak} prioritarios seguidos; con intercalado %{ratio}:1 pasa un normal: %{number} llegó primero (espera %{waited} min).',
    interleave_priority: '%{number} tiene prioridad %{level}; el intercalado %{ratio}:1 atiende prioritarios hasta %{ratio} seguidos (van %{streak}).',
    interleave_arrival: '%{number} llegó primero; el intercalado %{ratio}:1 atiende prioritarios hasta %{ratio} seguidos (van %{streak}).',
    transferred: '%{number} fue transferido por nombre a un asesor: a él se le ofrece primero.',
    support: '%{number} es de un servicio de apoyo: los servicios principales del asesor no tienen a nadie en espera.',
  },
};

export default es;
