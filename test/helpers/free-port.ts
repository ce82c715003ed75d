import { once } from 'node:events';
import net from 'node:net';

/** A free TCP port on 127.0.0.1 (for a server a test or benchmark starts as a process). */
export async function freePort(): Promise<number> {
  const srv = net.createServer().listen(0, '127.0.0.1');
  await once(srv, 'listening');
  const port = (srv.address() as net.AddressInfo).port;
  srv.close();
  return port;
}
