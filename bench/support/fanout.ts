// With more than one API process, a change committed through one must still reach the socket
// clients of every other: each API hears PostgreSQL's NOTIFY (db/changes.ts), none relays to
// another. This tally records which API's clients heard each ticket's events, so the bench can
// show, per API that issued a ticket, how many tickets every API's clients heard.

export interface FanoutReport {
  apis: number;
  /** heard[issuer][listener]: tickets issued through API `issuer` that clients of `listener` heard. */
  heard: number[][];
  issued: number[];
  /** Tickets some API's clients never heard of (must be 0). */
  missed: number;
}

export class FanoutTally {
  private readonly heardBy = new Map<string, Set<number>>();
  private readonly issuedThrough = new Map<string, number>();

  constructor(readonly apis: number) {}

  heard(api: number, ticketId: string): void {
    const set = this.heardBy.get(ticketId) ?? new Set<number>();
    set.add(api);
    this.heardBy.set(ticketId, set);
  }

  issued(api: number, ticketId: string): void {
    this.issuedThrough.set(ticketId, api);
  }

  report(): FanoutReport {
    const heard = Array.from({ length: this.apis }, () => Array<number>(this.apis).fill(0));
    const issued = Array<number>(this.apis).fill(0);
    let missed = 0;
    for (const [ticketId, issuer] of this.issuedThrough) {
      issued[issuer]!++;
      const by = this.heardBy.get(ticketId) ?? new Set<number>();
      for (const listener of by) heard[issuer]![listener]!++;
      if (by.size < this.apis) missed++;
    }
    return { apis: this.apis, heard, issued, missed };
  }
}
