import { createHash } from 'node:crypto';
import { ByteReader } from './byte-reader';

async function* chunks(...parts: string[]): AsyncGenerator<Buffer> {
  for (const part of parts) yield Buffer.from(part, 'utf8');
}

describe('ByteReader', () => {
  it('given lines split anywhere across chunks, when read line by line, then each line comes whole, and a last line without newline says so', async () => {
    const reader = new ByteReader(chunks('{"a":', '1}\n{"b"', ':2}\n\n', 'tail'));
    const lines = [];
    for (let line = await reader.readLine(); line !== null; line = await reader.readLine()) lines.push([line.bytes.toString(), line.isComplete]);
    expect(lines).toEqual([['{"a":1}', true], ['{"b":2}', true], ['', true], ['tail', false]]);
  });

  it('given bytes spread over chunks, when read by count, then exactly that many come back, fewer only at the end', async () => {
    const reader = new ByteReader(chunks('ab', 'cdef', 'g'));
    expect((await reader.read(3)).toString()).toBe('abc');
    expect((await reader.read(3)).toString()).toBe('def');
    expect(await reader.isAtEnd()).toBe(false);
    expect((await reader.read(3)).toString()).toBe('g');
    expect(await reader.isAtEnd()).toBe(true);
  });

  it('given a stream read partly and drained, then the digest is the SHA-256 of every byte', async () => {
    const reader = new ByteReader(chunks('one\n', 'two\nthree'));
    await reader.readLine();
    expect(await reader.drain()).toBe('two\nthree'.length);
    expect(reader.digest()).toBe(createHash('sha256').update('one\ntwo\nthree').digest('hex'));
  });

  it('given a line longer than allowed, when read, then it throws rather than buffering on', async () => {
    const reader = new ByteReader(chunks('x'.repeat(100), 'y'.repeat(100)));
    await expect(reader.readLine(150)).rejects.toThrow(/longer than 150 bytes/);
  });
});
