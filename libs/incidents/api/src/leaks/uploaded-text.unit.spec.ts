import { PayloadTooLargeException, UnsupportedMediaTypeException } from '@nestjs/common';
import { uploadedText } from './uploaded-text';

async function* pieces(...buffers: Buffer[]): AsyncGenerator<Buffer> {
  for (const buffer of buffers) yield buffer;
}
const read = async (body: AsyncIterable<Buffer>, maxBytes?: number) => {
  let text = '';
  for await (const piece of uploadedText(body, maxBytes)) text += piece;
  return text;
};

describe('the text of an upload', () => {
  it('given UTF-8 split inside a character, when read, then the character comes out whole', async () => {
    const bytes = Buffer.from('café – kw');
    expect(await read(pieces(bytes.subarray(0, 4), bytes.subarray(4, 7), bytes.subarray(7)))).toBe('café – kw');
  });

  it('given a NUL byte, when read, then it is 415 naming the byte', async () => {
    await expect(read(pieces(Buffer.from('abc'), Buffer.from([0x64, 0x00])))).rejects.toThrow(UnsupportedMediaTypeException);
    await expect(read(pieces(Buffer.from('abc'), Buffer.from([0x64, 0x00])))).rejects.toThrow(/byte 4 is NUL/);
  });

  it('given bytes that are not UTF-8, or a sequence cut off at the end, when read, then it is 415', async () => {
    await expect(read(pieces(Buffer.from([0x61, 0xe9, 0x61])))).rejects.toThrow(/not UTF-8 text: bytes 0 to 2/);
    await expect(read(pieces(Buffer.from([0x61, 0xe2, 0x80])))).rejects.toThrow(/not UTF-8 text: its last bytes/);
  });

  it('given more bytes than the limit, when read, then it is 413 once the limit is passed', async () => {
    await expect(read(pieces(Buffer.alloc(60, 0x61), Buffer.alloc(60, 0x61)), 100)).rejects.toThrow(PayloadTooLargeException);
    expect(await read(pieces(Buffer.alloc(50, 0x61), Buffer.alloc(50, 0x61)), 100)).toHaveLength(100);
  });
});
