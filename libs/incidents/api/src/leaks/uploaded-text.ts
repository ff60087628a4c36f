import { PayloadTooLargeException, UnsupportedMediaTypeException } from '@nestjs/common';
import type { Request } from 'express';

/** The largest file POST /leaks/scan takes. */
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;
const MEGABYTES = MAX_UPLOAD_BYTES / 2 ** 20;
const HOW = "Upload the file as UTF-8 text: curl -H 'Content-Type: text/plain' --data-binary @file.";

/**
 * Refuses, before a byte is read, an upload that says it is not text or is too large: 415 for a
 * content type other than text/plain or application/octet-stream (or a charset other than UTF-8),
 * 413 for a Content-Length over the limit.
 */
export function requireTextUpload(request: Request): void {
  const type = request.headers['content-type'] ?? '';
  const [mediaType, ...parameters] = type.split(';').map((part) => part.trim().toLowerCase());
  if (mediaType !== 'text/plain' && mediaType !== 'application/octet-stream') throw new UnsupportedMediaTypeException(`Content-Type ${mediaType || '(none)'} is not taken. ${HOW}`);
  const charset = parameters.find((parameter) => parameter.startsWith('charset='))?.slice('charset='.length).replace(/"/g, '');
  if (charset && charset !== 'utf-8' && charset !== 'utf8' && charset !== 'us-ascii') throw new UnsupportedMediaTypeException(`The charset ${charset} is not taken. ${HOW}`);
  const length = Number(request.headers['content-length'] ?? 0);
  if (length > MAX_UPLOAD_BYTES) throw new PayloadTooLargeException(`The upload is ${(length / 2 ** 20).toFixed(1)} MB; at most ${MEGABYTES} MB is scanned at once: split the file.`);
}

/**
 * The text of an upload, a piece at a time as it arrives, decoded as UTF-8. Binary data is 415
 * (a NUL byte, or bytes that are not UTF-8), naming the offset; more than `maxBytes` is 413
 * (whatever Content-Length said). Nothing is buffered beyond the piece being decoded.
 */
export async function* uploadedText(body: AsyncIterable<Buffer>, maxBytes = MAX_UPLOAD_BYTES): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let offset = 0;
  for await (const chunk of body) {
    const nul = chunk.indexOf(0);
    if (nul >= 0) throw new UnsupportedMediaTypeException(`The upload is binary, not text: byte ${offset + nul} is NUL. ${HOW}`);
    if (offset + chunk.length > maxBytes) throw new PayloadTooLargeException(`The upload is over ${(maxBytes / 2 ** 20).toFixed(0)} MB: split the file.`);
    yield decoded(decoder, chunk, offset, false);
    offset += chunk.length;
  }
  yield decoded(decoder, Buffer.alloc(0), offset, true);
}

function decoded(decoder: TextDecoder, chunk: Buffer, offset: number, isLast: boolean): string {
  try {
    return decoder.decode(chunk, { stream: !isLast });
  } catch {
    const where = isLast ? `its last bytes (from byte ${Math.max(0, offset - 3)})` : `bytes ${offset} to ${offset + chunk.length - 1}`;
    throw new UnsupportedMediaTypeException(`The upload is not UTF-8 text: ${where} hold a sequence that is not UTF-8. ${HOW}`);
  }
}
