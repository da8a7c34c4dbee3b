/**
 * The bundle file as yauzl reads it, a MiB at a time. yauzl's own reader asks for 16 KiB per read,
 * which left an import waiting on tens of thousands of small reads (most of a bundle is stored
 * attachments). Reads are positional on one descriptor, so open entries never share a position.
 */
import { close, fstatSync, openSync, read } from 'node:fs';
import { Readable } from 'node:stream';
import yauzl from 'yauzl';

/** Bytes per read, and what each stream on the way to a staging file holds. */
export const READ_CHUNK = 1024 * 1024;

class BundleFileReader extends yauzl.RandomAccessReader {
  constructor(private readonly fd: number) {
    super();
  }

  // A stream of our own rather than a file stream: destroying a file stream closes its descriptor,
  // which this reader shares between entries. yauzl checks the byte count, so a short file is reported.
  override _readStreamForRange(start: number, end: number) {
    const fd = this.fd;
    let position = start;
    return new Readable({
      highWaterMark: READ_CHUNK,
      read() {
        const length = Math.min(READ_CHUNK, end - position);
        if (length <= 0) return void this.push(null);
        const buffer = Buffer.allocUnsafe(length);
        read(fd, buffer, 0, length, position, (error, bytesRead) => {
          if (error) return this.destroy(error);
          if (bytesRead === 0) return void this.push(null);
          position += bytesRead;
          this.push(bytesRead === length ? buffer : buffer.subarray(0, bytesRead));
        });
      },
    });
  }

  override close(callback: (error: Error | null) => void) {
    close(this.fd, callback);
  }
}

/** Opens `file` for yauzl with these options; the zip's close() closes the file. */
export function openZipFile(file: string, options: yauzl.Options) {
  const fd = openSync(file, 'r');
  let size: number;
  try {
    size = fstatSync(fd).size;
  } catch (error) {
    close(fd, () => undefined);
    throw error;
  }
  return yauzl.fromRandomAccessReaderPromise(new BundleFileReader(fd), size, options).catch((error: unknown) => {
    close(fd, () => undefined);
    throw error;
  });
}
