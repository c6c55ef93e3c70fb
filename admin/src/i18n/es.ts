// Spanish (default): react-admin's interface, our resources (resources.<name> = folder = API
// path = table) and the back office's own screens (ventanilla.*).
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
    tickets: {
      timeline: 'Cronología', when: 'Hora', actor: 'Actor', step: 'Paso', transition: 'De → a', details: 'Detalles',
      requeue: 'Reencolar', cancel: 'Cancelar turno', requeue_title: '¿Reencolar el turno %{number}?',
      requeue_content: 'Vuelve a la fila conservando su hora de llegada.', cancel_title: '¿Cancelar el turno %{number}?',
      cancel_content: 'El turno termina y el cliente deja la fila. No se puede deshacer.', requeued: 'Turno reencolado',
      cancelled: 'Turno cancelado', temporal: 'Ver workflow en Temporal', customer: 'Cliente', follow: 'Siguiendo en vivo',
      today: 'Hoy', history: 'Histórico', generate: 'Generar turno o cita', customer_new: 'Cliente nuevo',
      customer_existing: 'Cliente existente', customer_none: 'Sin cliente', generated: 'Turno %{number} generado',
      summary: 'Resumen', waiting_since: 'Esperando desde',
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
};

export default es;
