import sharp from 'sharp';

/** Test pictures made with sharp: no binary fixtures in the repository. */

export const GPS_EXIF = {
  IFD0: { Make: 'TestCam', Model: 'Yizhan Phone' },
  IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '31/1 14/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '121/1 28/1 0/1' },
};

/**
 * A landscape picture stored sideways: the left half red, the right half blue, with
 * EXIF Orientation (6 = "rotate 90° clockwise to view") and the shop's GPS position.
 * Viewed upright it is portrait: red on top, blue below.
 */
export async function sidewaysPhotoWithGps(width = 400, height = 200, orientation = 6): Promise<Buffer> {
  const raw = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) raw.set(x < width / 2 ? [255, 0, 0] : [0, 0, 255], (y * width + x) * 3);
  }
  return sharp(raw, { raw: { width, height, channels: 3 } })
    .jpeg({ quality: 95 })
    .withExif(GPS_EXIF)
    .withMetadata({ orientation })
    .toBuffer();
}

export async function solid(format: 'jpeg' | 'png' | 'webp', width = 64, height = 48, alpha = false): Promise<Buffer> {
  const image = sharp({ create: { width, height, channels: alpha ? 4 : 3, background: alpha ? { r: 0, g: 128, b: 0, alpha: 0.5 } : { r: 0, g: 128, b: 0 } } });
  return image.toFormat(format).toBuffer();
}

/** A "12 MP phone photo": noisy enough that JPEG cannot shrink it to nothing. */
export async function bigPhoto(width = 4000, height = 3000): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: { r: 120, g: 140, b: 90 }, noise: { type: 'gaussian', mean: 128, sigma: 40 } } })
    .jpeg({ quality: 85 })
    .toBuffer();
}

/** A small file that decodes to many pixels: one colour, 7000 × 7000 = 49 MP. */
export async function pixelBomb(side = 7000): Promise<Buffer> {
  return sharp({ create: { width: side, height: side, channels: 3, background: { r: 255, g: 255, b: 255 } } })
    .png({ compressionLevel: 9 })
    .toBuffer();
}

/** A minimal PDF: what a resident might send renamed to .jpg. */
export const PDF_BYTES = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
  'latin1',
);

/** RGB of one pixel. */
export async function pixelAt(image: Buffer, x: number, y: number): Promise<[number, number, number]> {
  const { data, info } = await sharp(image).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const i = (y * info.width + x) * info.channels;
  return [data[i]!, data[i + 1]!, data[i + 2]!];
}
