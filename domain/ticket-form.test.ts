// B6: one generate-ticket form logic for both UIs — the body it sends and the errors it shows.
import { describe, expect, it } from 'vitest';
import { CreateTicketBody, ticketFormBody, ticketFormErrors } from './ticket-form.js';

describe('B6 generate-ticket form', () => {
  it('sends only what the chosen kind and customer mode use, trimmed', () => {
    expect(
      ticketFormBody({
        serviceId: '7',
        kind: 'turn',
        customerMode: 'new',
        customer: { firstName: ' Ana ', lastName: '', email: null },
        scheduledAt: '2026-12-01T09:30',
        customerId: 3,
      }),
    ).toEqual({ serviceId: 7, kind: 'turn', customer: { firstName: 'Ana' } });
    expect(
      ticketFormBody({
        serviceId: 7,
        kind: 'appointment',
        customerMode: 'existing',
        customerId: '3',
        priorityId: '',
        scheduledAt: '2026-12-01T14:30:00Z',
        customer: { firstName: 'x' },
      }),
    ).toEqual({ serviceId: 7, kind: 'appointment', customerId: 3, scheduledAt: '2026-12-01T14:30:00.000Z' });
    expect(ticketFormBody({ serviceId: 7, customerMode: 'none', priorityId: 2, customer: { firstName: 'x' } })).toEqual(
      { serviceId: 7, kind: 'turn', priorityId: 2 },
    );
  });

  it('the body it builds is the one the API accepts', () => {
    const body = ticketFormBody({
      serviceId: 7,
      kind: 'appointment',
      customerMode: 'new',
      customer: { firstName: 'Ana', idNumber: '1020' },
      scheduledAt: '2026-12-01T14:30:00Z',
    });
    expect(CreateTicketBody.safeParse(body).success).toBe(true);
    expect(ticketFormErrors({ serviceId: 7, customerMode: 'none' })).toBeNull();
  });

  it("names the field to fix, with the API's codes", () => {
    expect(ticketFormErrors({ customerMode: 'none' })).toMatchObject({ serviceId: { code: 'required' } });
    expect(ticketFormErrors({ serviceId: 7, kind: 'appointment', customerMode: 'new', customer: {} })).toMatchObject({
      scheduledAt: { code: 'required' },
      'customer.firstName': { code: 'required' },
    });
    expect(ticketFormErrors({ serviceId: 7, customerMode: 'existing' })).toMatchObject({
      customerId: { code: 'required' },
    });
    expect(
      ticketFormErrors({
        serviceId: 7,
        customerMode: 'new',
        customer: { firstName: 'Ana', email: 'nope', phone: 'abc' },
      }),
    ).toEqual({ 'customer.email': { code: 'invalid_email' }, 'customer.phone': { code: 'invalid_phone' } });
    expect(
      ticketFormErrors({
        serviceId: 7,
        kind: 'appointment',
        customerMode: 'existing',
        customerId: 3,
        scheduledAt: 'mañana',
      }),
    ).toMatchObject({ scheduledAt: { code: 'invalid_date' } });
  });
});
