import type { UploadResponse } from '@yizhan/shared';
import { http } from './request';

export function uploadPhoto(file: Blob, filename = 'photo.jpg'): Promise<UploadResponse> {
  const form = new FormData();
  form.append('file', file, filename);
  return http.upload<UploadResponse>('/uploads', form);
}
