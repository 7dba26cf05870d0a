import { api } from '../../../test/fake-api';
import { returningResident } from '../../../test/helpers';
import { uploadPhoto } from '../upload';

const UPLOADED = { id: 'f1', url: '/files/f1?sig=a', thumbUrl: '/files/f1/thumb?sig=a', width: 800, height: 600, size: 1234 };

describe('photo upload', () => {
  beforeEach(returningResident);

  it('uploads the file in the multipart field "file" and reports progress', async () => {
    api.on('POST /uploads', () => ({ status: 201, body: UPLOADED }));
    const progress: number[] = [];
    const res = await uploadPhoto('wxfile://tmp/1.jpg', (p) => progress.push(p)).result;
    expect(res).toEqual({ ok: true, status: 201, data: UPLOADED });
    expect(api.calls('POST /uploads')[0]!.body).toEqual({ field: 'file', filePath: 'wxfile://tmp/1.jpg' });
    expect(progress).toEqual([40, 100]);
  });

  it('treats a "success" callback with status 413 as a failure, with a message the resident understands', async () => {
    api.on('POST /uploads', () => ({
      status: 413,
      body: { statusCode: 413, code: 'FILE_TOO_LARGE', message: 'File too large' },
    }));
    const res = await uploadPhoto('wxfile://tmp/big.jpg').result;
    expect(res).toEqual({ ok: false, status: 413, code: 'FILE_TOO_LARGE', message: '照片太大了，请换一张' });
  });

  it('treats an unsupported type as a failure too', async () => {
    api.on('POST /uploads', () => ({ status: 415, body: { statusCode: 415, code: 'UNSUPPORTED_MEDIA', message: 'x' } }));
    const res = await uploadPhoto('wxfile://tmp/a.gif').result;
    expect(res).toMatchObject({ ok: false, code: 'UNSUPPORTED_MEDIA', message: '只支持 JPG、PNG、WebP 格式的照片' });
  });

  it('logs in again and retries once when the token expired', async () => {
    api.on('POST /uploads', () => ({ status: 201, body: UPLOADED }));
    await uploadPhoto('wxfile://tmp/1.jpg').result;
    api.expireTokens();
    const res = await uploadPhoto('wxfile://tmp/2.jpg').result;
    expect(res.ok).toBe(true);
    expect(api.loginCodes).toHaveLength(2);
  });

  it('reports a network failure in the common shape', async () => {
    api.on('POST /uploads', () => 'offline');
    const res = await uploadPhoto('wxfile://tmp/1.jpg').result;
    expect(res).toMatchObject({ ok: false, status: 0, code: 'NETWORK_ERROR' });
  });
});
