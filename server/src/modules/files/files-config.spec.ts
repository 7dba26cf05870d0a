import { loadConfig } from '../../common/config/app-config';

/** The photo settings of app-config.ts: S3 and the URL signing key. */
describe('photo settings', () => {
  const s3 = { S3_BUCKET: 'yizhan-photos', S3_ACCESS_KEY_ID: 'id', S3_SECRET_ACCESS_KEY: 'secret' };

  it('uses the local folder unless S3_BUCKET is set', () => {
    expect(loadConfig({}).s3).toBeNull();
    expect(loadConfig({ ...s3, S3_ENDPOINT: 'http://127.0.0.1:9000/' }).s3).toEqual({
      endpoint: 'http://127.0.0.1:9000',
      bucket: 'yizhan-photos',
      region: 'us-east-1',
      accessKeyId: 'id',
      secretAccessKey: 'secret',
      forcePathStyle: true,
    });
    expect(loadConfig({ ...s3, S3_REGION: 'cn-north-1' }).s3).toMatchObject({ endpoint: null, region: 'cn-north-1', forcePathStyle: false });
    expect(loadConfig({ ...s3, S3_ENDPOINT: 'https://oss.example', S3_FORCE_PATH_STYLE: 'false' }).s3!.forcePathStyle).toBe(false);
  });

  it('names the setting that is wrong', () => {
    expect(() => loadConfig({ S3_ENDPOINT: 'http://minio:9000' })).toThrow('S3_BUCKET is required when S3_ENDPOINT is set');
    expect(() => loadConfig({ S3_BUCKET: 'yizhan-photos' })).toThrow('S3_ACCESS_KEY_ID is required when S3_BUCKET is set');
    expect(() => loadConfig({ ...s3, S3_SECRET_ACCESS_KEY: '' })).toThrow('S3_SECRET_ACCESS_KEY is required');
    expect(() => loadConfig({ ...s3, S3_BUCKET: 'Bad_Bucket' })).toThrow('S3_BUCKET is not a valid bucket name');
    expect(() => loadConfig({ ...s3, S3_ENDPOINT: 'minio:9000' })).toThrow(/S3_ENDPOINT/);
    expect(() => loadConfig({ ...s3, S3_FORCE_PATH_STYLE: 'yes' })).toThrow('S3_FORCE_PATH_STYLE must be true or false');
  });

  it('derives the URL signing key from JWT_SECRET unless FILES_SIGNING_KEY is given', () => {
    const a = loadConfig({ JWT_SECRET: 'a'.repeat(40) }).filesSigningKey;
    expect(a.length).toBe(32);
    expect(a.equals(Buffer.from('a'.repeat(40)))).toBe(false);
    expect(loadConfig({ JWT_SECRET: 'b'.repeat(40) }).filesSigningKey.equals(a)).toBe(false);
    expect(loadConfig({ FILES_SIGNING_KEY: 'k'.repeat(32) }).filesSigningKey.toString()).toBe('k'.repeat(32));
    expect(() => loadConfig({ NODE_ENV: 'production', FILES_SIGNING_KEY: 'short' })).toThrow(/FILES_SIGNING_KEY|is required in production/);
  });
});
