import { useState } from 'react';
import { Image, Text, View } from '@tarojs/components';
import { previewImage } from '../../utils/previewImage';
import { markAnnouncementRead, type ResidentAnnouncement } from '../../api/announcements';
import { zh } from '../../i18n/zh';
import { formatDateTime } from '../../utils/time';
import './index.scss';

/**
 * 公告 of the resident's area, pinned first. A tap opens the full text and pictures and
 * counts as read (once, on the server: the read count staff see).
 */
export default function AnnouncementList({
  items,
  limit,
  onRead,
}: {
  items: ResidentAnnouncement[];
  /** Show at most this many (the home page); the rest are in 消息. */
  limit?: number;
  onRead?: (id: string) => void;
}) {
  const [open, setOpen] = useState<string | null>(null);
  if (items.length === 0) return null;
  const shown = limit ? items.slice(0, limit) : items;

  const toggle = (a: ResidentAnnouncement) => {
    setOpen((current) => (current === a.id ? null : a.id));
    if (!a.read) {
      onRead?.(a.id);
      void markAnnouncementRead(a.id);
    }
  };

  return (
    <View className="announcements" data-testid="announcements">
      <View className="section-title">
        <Text>{zh.announcements.title}</Text>
      </View>
      {shown.map((a) => {
        const expanded = open === a.id;
        return (
          <View key={a.id} className="card announcement" data-testid="announcement" onClick={() => toggle(a)}>
            <View className="announcement__head">
              {!a.read && <Text className="announcement__dot" aria-label={zh.notices.unread} />}
              {a.pinned && <Text className="announcement__pin">{zh.announcements.pinned}</Text>}
              <Text className="announcement__title">{a.title}</Text>
            </View>
            <View className={`announcement__body ${expanded ? '' : 'announcement__body--clipped'}`}>{a.body}</View>
            {expanded && a.photos.length > 0 && (
              <View className="announcement__photos">
                {a.photos.map((p) => (
                  <Image
                    key={p.id}
                    className="announcement__photo"
                    src={p.thumbUrl}
                    mode="aspectFill"
                    onClick={(e) => {
                      e.stopPropagation();
                      void previewImage({ urls: a.photos.map((x) => x.url), current: p.url });
                    }}
                  />
                ))}
              </View>
            )}
            <View className="announcement__foot muted">
              {formatDateTime(a.startsAt)}
              {!expanded && a.photos.length > 0 ? ` · ${zh.announcements.photos(a.photos.length)}` : ''}
            </View>
          </View>
        );
      })}
    </View>
  );
}
