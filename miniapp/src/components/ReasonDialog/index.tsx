import { useEffect, useState } from 'react';
import { Textarea, View } from '@tarojs/components';
import Button from '../Button';
import { zh } from '../../i18n/zh';

interface Props {
  title: string;
  placeholder: string;
  busy: boolean;
  onConfirm: (reason: string) => void;
  onClose: () => void;
}

/** Asks for a reason (cancel, reopen); the text stays while the request is retried. */
export default function ReasonDialog({ title, placeholder, busy, onConfirm, onClose }: Props) {
  const [reason, setReason] = useState('');
  const [touched, setTouched] = useState(false);
  useEffect(() => setTouched(false), [title]);
  const empty = reason.trim().length === 0;
  return (
    <View className="dialog-mask" data-testid="reason-dialog">
      <View className="dialog">
        <View className="dialog__title">{title}</View>
        <Textarea className="dialog__textarea" value={reason} placeholder={placeholder} maxlength={200} onInput={(e) => setReason(e.detail.value)} />
        {touched && empty && <View className="form-error">{zh.detail.reasonRequired}</View>}
        <View className="dialog__actions">
          <Button className="btn btn--ghost" onClick={onClose} disabled={busy}>
            {zh.common.cancel}
          </Button>
          <Button
            className="btn btn--primary"
            disabled={busy}
            onClick={() => {
              setTouched(true);
              if (!empty) onConfirm(reason.trim());
            }}
          >
            {zh.common.confirm}
          </Button>
        </View>
      </View>
    </View>
  );
}
