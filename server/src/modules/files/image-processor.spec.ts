import exifr from 'exifr';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { bigPhoto, PDF_BYTES, pixelAt, pixelBomb, sidewaysPhotoWithGps, solid } from '../../../test/support/images';
import { ImageProcessor, sniffFormat } from './image-processor';

describe('sniffFormat', () => {
  it('knows JPEG, PNG and WebP by their first bytes and nothing else', async () => {
    expect(sniffFormat((await solid('jpeg')).subarray(0, 12))).toBe('jpeg');
    expect(sniffFormat((await solid('png')).subarray(0, 12))).toBe('png');
    expect(sniffFormat((await solid('webp')).subarray(0, 12))).toBe('webp');
    expect(sniffFormat(PDF_BYTES.subarray(0, 12))).toBeNull();
    expect(sniffFormat(Buffer.from('GIF89a......', 'latin1'))).toBeNull();
    expect(sniffFormat(Buffer.from('<svg xmlns="'))).toBeNull();
    expect(sniffFormat(Buffer.from('RIFF....WAVE', 'latin1'))).toBeNull();
    expect(sniffFormat(Buffer.alloc(0))).toBeNull();
  });
});

describe('ImageProcessor', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'yizhan-img-'));
  const processor = new ImageProcessor();
  const file = (name: string, bytes: Buffer) => {
    const p = path.join(dir, name);
    writeFileSync(p, bytes);
    return p;
  };
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('turns a sideways photo upright and keeps no metadata at all', async () => {
    const out = await processor.process(file('side.jpg', await sidewaysPhotoWithGps(400, 200, 6)));
    expect([out.width, out.height, out.mime, out.sourceFormat]).toEqual([200, 400, 'image/jpeg', 'jpeg']);
    for (const image of [out.full, out.thumb]) {
      const meta = await sharp(image).metadata();
      expect([meta.exif, meta.xmp, meta.iptc, meta.icc, meta.orientation]).toEqual([undefined, undefined, undefined, undefined, undefined]);
      expect(await exifr.parse(image, true)).toBeUndefined();
    }
    expect((await pixelAt(out.full, 100, 20))[0]).toBeGreaterThan(200);
    expect((await pixelAt(out.full, 100, 380))[2]).toBeGreaterThan(200);
    // Orientation 8 (rotate 270° to view): the red left half ends up at the bottom.
    const eight = await processor.process(file('eight.jpg', await sidewaysPhotoWithGps(400, 200, 8)));
    expect((await pixelAt(eight.full, 100, 380))[0]).toBeGreaterThan(200);
  });

  it('scales to 2560 px and a 320 px thumbnail, never enlarging small pictures', async () => {
    const input = file('big.jpg', await bigPhoto(4000, 3000));
    const started = process.hrtime.bigint();
    const big = await processor.process(input);
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    expect([big.width, big.height]).toEqual([2560, 1920]);
    const thumb = await sharp(big.thumb).metadata();
    expect([thumb.width, thumb.height]).toEqual([320, 240]);
    console.log(`ImageProcessor: 12 MP JPEG → 2560 px + thumbnail in ${ms.toFixed(0)} ms`);
    const small = await processor.process(file('small.png', await solid('png', 64, 48)));
    expect([small.width, small.height, small.sourceFormat]).toEqual([64, 48, 'png']);
  });

  it('refuses decompression bombs before decoding them, and formats it does not accept', async () => {
    await expect(processor.process(file('bomb.png', await pixelBomb(7000)))).rejects.toMatchObject({ code: 'IMAGE_TOO_LARGE' });
    await expect(
      processor.process(
        file(
          'a.gif',
          await sharp({ create: { width: 4, height: 4, channels: 3, background: 'red' } })
            .gif()
            .toBuffer(),
        ),
      ),
    ).rejects.toMatchObject({
      code: 'UNSUPPORTED_MEDIA',
    });
    await expect(processor.process(file('x.pdf', PDF_BYTES))).rejects.toMatchObject({ code: 'UNSUPPORTED_MEDIA' });
    await expect(processor.process(file('cut.jpg', (await bigPhoto(800, 600)).subarray(0, 5000)))).rejects.toMatchObject({ code: 'UNSUPPORTED_MEDIA' });
  });

  it('decodes at most `concurrency` images at once', async () => {
    const limited = new ImageProcessor({ ...processor.limits, concurrency: 1 });
    const inner = limited as unknown as { run: (f: string) => Promise<unknown> };
    let active = 0;
    let most = 0;
    const original = inner.run.bind(limited);
    inner.run = async (f: string) => {
      most = Math.max(most, ++active);
      try {
        return await original(f);
      } finally {
        active--;
      }
    };
    const input = file('c.jpg', await solid('jpeg', 300, 200));
    await Promise.all([limited.process(input), limited.process(input), limited.process(input)]);
    expect(most).toBe(1);
  });
});
