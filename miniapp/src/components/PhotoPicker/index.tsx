import { Image, Text, View } from '@tarojs/components';
import { previewImage } from '../../utils/previewImage';
import { MAX_PHOTOS } from '../../config';
import type { TokenSource } from '../../api/upload';
import { type DraftPhoto, usePhotoUploads } from '../../hooks/usePhotoUploads';
import { zh } from '../../i18n/zh';
import './index.scss';

interface Props {
  photos: DraftPhoto[];
  update: (fn: (photos: DraftPhoto[]) => DraftPhoto[]) => void;
  /** Whose token uploads carry: the resident's by default; the staff side passes its own. */
  tokens?: TokenSource;
}

export default function PhotoPicker({ photos, update, tokens }: Props) {
  const { add, retry, remove } = usePhotoUploads(photos, update, tokens);
  const preview = (photo: DraftPhoto) => {
    const urls = photos.map((p) => p.upload?.url ?? p.path);
    void previewImage({ urls, current: photo.upload?.url ?? photo.path });
  };
  return (
    <View className="photo-picker">
      {photos.map((photo) => (
        <View key={photo.localId} className="photo-picker__item" data-testid="photo-item" data-status={photo.status}>
          <Image className="photo-picker__img" src={photo.upload?.thumbUrl ?? photo.path} mode="aspectFill" onClick={() => preview(photo)} />
          {photo.status === 'uploading' && <View className="photo-picker__overlay">{zh.photos.uploading(photo.progress)}</View>}
          {photo.status === 'failed' && (
            <View className="photo-picker__overlay photo-picker__overlay--failed" onClick={() => retry(photo.localId)}>
              <Text>{photo.error ?? zh.photos.failed}</Text>
              <Text className="photo-picker__retry">{zh.photos.retry}</Text>
            </View>
          )}
          <View className="photo-picker__remove" aria-label={zh.photos.remove} onClick={() => remove(photo.localId)}>
            ×
          </View>
        </View>
      ))}
      {photos.length < MAX_PHOTOS && (
        <View className="photo-picker__add" data-testid="photo-add" onClick={() => void add()}>
          <Text className="photo-picker__plus">＋</Text>
          <Text>{zh.photos.add}</Text>
        </View>
      )}
    </View>
  );
}
