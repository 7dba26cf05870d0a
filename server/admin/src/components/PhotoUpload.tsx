import { PlusOutlined } from '@ant-design/icons';
import type { Id } from '@yizhan/shared';
import { Upload, type UploadFile } from 'antd';
import { useState } from 'react';
import { uploadPhoto } from '../services/uploads';

export const MAX_PHOTOS = 9;

/**
 * Photo picker for forms: each picked image goes to POST /uploads at once and the
 * form value is the list of returned ids. The server checks type and size again.
 */
export function PhotoUpload({
  value,
  onChange,
  max = MAX_PHOTOS,
  label = '上传照片',
}: {
  value?: Id[];
  onChange?: (ids: Id[]) => void;
  max?: number;
  label?: string;
}) {
  const [files, setFiles] = useState<UploadFile[]>([]);
  const emit = (list: UploadFile[]) => {
    setFiles(list);
    onChange?.(list.filter((f) => f.status === 'done' && f.response?.id).map((f) => f.response.id as Id));
  };
  return (
    <Upload
      accept="image/jpeg,image/png,image/webp"
      listType="picture-card"
      multiple
      fileList={files}
      data-count={value?.length ?? 0}
      customRequest={async ({ file, onSuccess, onError }) => {
        try {
          const uploaded = await uploadPhoto(file as Blob, (file as File).name);
          onSuccess?.(uploaded);
        } catch (e) {
          onError?.(e as Error);
        }
      }}
      onChange={({ fileList }) => emit(fileList.map((f) => (f.response?.thumbUrl ? { ...f, thumbUrl: f.response.thumbUrl } : f)))}
    >
      {files.length >= max ? null : (
        <button type="button" style={{ border: 0, background: 'none', cursor: 'pointer' }}>
          <PlusOutlined />
          <div style={{ marginTop: 8 }}>{label}</div>
        </button>
      )}
    </Upload>
  );
}
