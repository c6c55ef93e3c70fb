import net from 'node:net';

/** Resolves true when nothing listens on the port (so we may bind it). */
export function isPortFree(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.once('error', () => resolve(false));
    srv.listen(port, host, () => srv.close(() => resolve(true)));
  });
}

/** A port the OS considers free right now (tests pick these to run side by side). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const p = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(p));
    });
  });
}

export class PortInUseError extends Error {
  constructor(
    readonly port: number,
    what: string,
    envVar: string,
  ) {
    super(`Port ${port} (${what}) is already in use: stop whatever holds it or set ${envVar} to another port.`);
  }
}
