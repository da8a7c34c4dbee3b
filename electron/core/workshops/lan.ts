/**
 * Opening and closing the participants' server (lan-door.ts) for running workshops: which
 * addresses this machine has, one listener per workshop on the address the facilitator chose, the
 * join link with its QR code (drawn here as SVG, never by a remote service), and the listener
 * stopped when the workshop ends.
 *
 * The join link carries the secret in the fragment (`/join#<secret>`), which browsers never send to
 * a server, so it stays out of request lines and logs; the page trades it for a participant token.
 */
import type { AddressInfo } from 'node:net';
import { networkInterfaces } from 'node:os';
import QRCode from 'qrcode';
import { ApiFailure } from '../../shared/api/envelope';
import type { NetworkInterface, Serving } from '../../shared/workshop/model';
import type { Db } from '../db/open';
import type { Dispatcher } from '../dispatch';
import type { EventHub } from '../event-hub';
import type { Logger } from '../logger';
import { createLanDoor, type LanLimits } from './lan-door';
import type { WorkshopsService } from './workshops-service';

/**
 * The Host a browser sends for this address and port, which the door admits and the join link
 * uses: on port 80 a browser leaves the port out.
 */
export const hostHeader = (address: string, port: number) => (port === 80 ? address : `${address}:${port}`);

/** IPv4 addresses, loopback included (for a facilitator trying it out on one machine). */
export function ipv4Interfaces(): NetworkInterface[] {
  return Object.entries(networkInterfaces()).flatMap(([name, addresses]) =>
    (addresses ?? []).filter((a) => a.family === 'IPv4').map((a) => ({ name, address: a.address, internal: a.internal })),
  );
}

export interface WorkshopLanOptions {
  service: WorkshopsService;
  /** The dispatcher participant requests go through (built lazily: it is made from core's handlers). */
  dispatcher: () => Dispatcher;
  events: EventHub;
  db: Db;
  logger: Logger;
  staticDir?: string;
  limits?: LanLimits;
  /** Which addresses may be chosen; the machine's own by default. */
  interfaces?: () => NetworkInterface[];
}

export function createWorkshopLan(options: WorkshopLanOptions) {
  const { service, events, logger } = options;
  const interfaces = options.interfaces ?? ipv4Interfaces;
  const open = new Map<string, { door: ReturnType<typeof createLanDoor>; serving: Serving }>();

  function stop(workshopId: string) {
    const entry = open.get(workshopId);
    if (!entry) return;
    open.delete(workshopId);
    entry.door.end();
    logger.info('Workshop server stopped', { workshopId });
  }

  return {
    interfaces,

    async serve({ workshopId, address, port }: { workshopId: string; address: string; port: number }): Promise<Serving> {
      const workshop = service.get({ id: workshopId });
      if (workshop.endedAt !== null || workshop.joinSecret === null) {
        throw new ApiFailure('conflict', 'This workshop has ended.', [{ path: ['workshopId'], code: 'workshop_ended' }]);
      }
      if (!interfaces().some((i) => i.address === address)) {
        throw new ApiFailure('invalid_input', 'This computer has no such network address.', [{ path: ['address'], code: 'unknown_reference' }]);
      }
      stop(workshopId);
      const publishedHost = { value: '' };
      const door = createLanDoor({
        workshopId,
        canvasId: workshop.canvasId,
        dispatcher: options.dispatcher(),
        events,
        db: options.db,
        authenticate: service.authenticate,
        roomNotes: () => service.roomNotes(workshopId),
        staticDir: options.staticDir,
        logger,
        limits: options.limits,
        publishedHost,
      });
      try {
        await new Promise<void>((resolve, reject) => {
          door.once('error', reject);
          door.listen(port, address, () => resolve());
        });
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        throw new ApiFailure('conflict', `The workshop server could not open ${address}:${port} (${code ?? 'error'}).`, [{ path: ['port'], code: 'port_unavailable' }]);
      }
      const actualPort = (door.address() as AddressInfo).port;
      publishedHost.value = hostHeader(address, actualPort);
      const joinUrl = `http://${publishedHost.value}/join#${workshop.joinSecret}`;
      const qrSvg = await QRCode.toString(joinUrl, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
      const serving: Serving = { workshopId, address, port: actualPort, joinUrl, qrSvg };
      open.set(workshopId, { door, serving });
      logger.info('Workshop server open', { workshopId, address, port: actualPort });
      return serving;
    },

    serving: (workshopId: string): Serving | null => open.get(workshopId)?.serving ?? null,
    stop,
    close() {
      for (const id of [...open.keys()]) stop(id);
    },
  };
}

export type WorkshopLan = ReturnType<typeof createWorkshopLan>;
