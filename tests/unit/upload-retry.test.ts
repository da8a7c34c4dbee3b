// A chunk whose answer was lost on the way is sent again (core takes it as received); any other
// refusal ends the upload at once, and a connection that stays down gives up after a few tries.
import { describe, expect, it, vi } from 'vitest';
import { UPLOAD_CHUNK_BYTES } from '../../electron/shared/domain/uploads';
import { ApiCallError } from '../../renderer/src/api/hooks';
import { sendInChunks, type UploadChunk } from '../../renderer/src/api/upload';

const file = new Blob([new Uint8Array(UPLOAD_CHUNK_BYTES + 10)]);
const lost = () => new ApiCallError({ code: 'network', message: 'unreachable' });

describe('sending a file in chunks', () => {
  it('sends a chunk again when its answer was lost, at the same offset', async () => {
    vi.useFakeTimers();
    try {
      const sent: number[] = [];
      let failures = 1;
      const upload = sendInChunks(file, async (chunk: UploadChunk) => {
        sent.push(chunk.offset);
        if (chunk.offset === UPLOAD_CHUNK_BYTES && failures-- > 0) throw lost();
        return chunk.last ? 'stored' : null;
      });
      await vi.runAllTimersAsync();
      expect(await upload).toBe('stored');
      expect(sent).toEqual([0, UPLOAD_CHUNK_BYTES, UPLOAD_CHUNK_BYTES]);
    } finally {
      vi.useRealTimers();
    }
  });

  it('gives up after a few tries, and at once on a refusal', async () => {
    vi.useFakeTimers();
    try {
      let tries = 0;
      const down = sendInChunks(file, async () => {
        tries++;
        throw lost();
      });
      const settled = down.catch((error: unknown) => error);
      await vi.runAllTimersAsync();
      expect(await settled).toBeInstanceOf(ApiCallError);
      expect(tries).toBe(3);
    } finally {
      vi.useRealTimers();
    }
    let refused = 0;
    const refusal = new ApiCallError({ code: 'payload_too_large', message: 'too large' });
    await expect(
      sendInChunks(file, async () => {
        refused++;
        throw refusal;
      }),
    ).rejects.toBe(refusal);
    expect(refused).toBe(1);
  });
});
