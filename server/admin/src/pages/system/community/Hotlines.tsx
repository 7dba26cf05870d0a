import type { Zone } from '@yizhan/shared';
import { Alert, App, Button, Form, Input, Space, Switch, Table } from 'antd';
import { useEffect, useState } from 'react';
import { useAsync } from '../../../hooks/useAsync';
import * as admin from '../../../services/admin';
import { T } from '../../../strings';

const PHONE = /^\+?\d[\d -]{2,18}\d$/;
const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;
const phoneRule = { pattern: PHONE, message: T.admin.phoneInvalid };
const timeRule = { pattern: HHMM, message: T.admin.timeInvalid };

interface RowForm {
  key: string;
  zoneId: string | null;
  name: string;
  dayPhone?: string;
  nightPhone?: string;
}

/**
 * The hotlines of a community (issue #16.4): a day and a night number per zone and for the
 * community as a whole, the day hours, and how residents reach the technician on a visit day.
 */
export function HotlinesTab({ communityId, zones }: { communityId: string; zones: Zone[] }) {
  const { message } = App.useApp();
  const { data, loading, reload } = useAsync(() => admin.listHotlines(communityId), [communityId]);
  const [form] = Form.useForm();
  const [saving, setSaving] = useState(false);
  const rows: RowForm[] = [{ key: 'community', zoneId: null, name: T.admin.hotlineWhole }, ...zones.map((z) => ({ key: z.id, zoneId: z.id, name: z.name }))];

  useEffect(() => {
    if (!data) return;
    const byZone = new Map(data.items.map((r) => [r.zoneId ?? 'community', r]));
    const whole = byZone.get('community');
    form.setFieldsValue({
      dayFrom: whole?.dayFrom ?? '08:30',
      dayTo: whole?.dayTo ?? '21:00',
      technicianPhone: whole?.technicianPhone ?? '',
      technicianOwnPhone: whole?.technicianOwnPhone ?? false,
      phones: Object.fromEntries(rows.map((r) => [r.key, { dayPhone: byZone.get(r.key)?.dayPhone ?? '', nightPhone: byZone.get(r.key)?.nightPhone ?? '' }])),
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [data, zones.length]);

  const save = async (v: {
    dayFrom: string;
    dayTo: string;
    technicianPhone?: string;
    technicianOwnPhone?: boolean;
    phones: Record<string, { dayPhone?: string; nightPhone?: string }>;
  }) => {
    const clean = (s?: string) => s?.trim() || null;
    const payload = rows.flatMap((r): Partial<admin.HotlineRow>[] => {
      const p = v.phones?.[r.key] ?? {};
      if (r.zoneId === null) {
        return [
          {
            zoneId: null,
            dayPhone: clean(p.dayPhone),
            nightPhone: clean(p.nightPhone),
            dayFrom: v.dayFrom,
            dayTo: v.dayTo,
            technicianPhone: clean(v.technicianPhone),
            technicianOwnPhone: !!v.technicianOwnPhone,
          },
        ];
      }
      // A zone with no number of its own leaves it to the community row.
      if (!clean(p.dayPhone) && !clean(p.nightPhone)) return [];
      return [{ zoneId: r.zoneId, dayPhone: clean(p.dayPhone), nightPhone: clean(p.nightPhone), dayFrom: v.dayFrom, dayTo: v.dayTo }];
    });
    setSaving(true);
    try {
      await admin.saveHotlines(communityId, payload);
      message.success(T.saved);
      reload();
    } catch {
      // shown by the request wrapper
    } finally {
      setSaving(false);
    }
  };

  return (
    <Form form={form} layout="vertical" onFinish={save} disabled={loading}>
      <Alert type="info" showIcon message={T.admin.hotlinesHint} style={{ marginBottom: 16 }} />
      <Table<RowForm>
        rowKey="key"
        dataSource={rows}
        pagination={false}
        size="small"
        columns={[
          { title: T.admin.zoneName, dataIndex: 'name', width: 120 },
          {
            title: T.admin.dayPhone,
            render: (_, r) => (
              <Form.Item name={['phones', r.key, 'dayPhone']} rules={[phoneRule]} style={{ margin: 0 }}>
                <Input maxLength={20} placeholder="59800000" aria-label={`${r.name} ${T.admin.dayPhone}`} />
              </Form.Item>
            ),
          },
          {
            title: T.admin.nightPhone,
            render: (_, r) => (
              <Form.Item name={['phones', r.key, 'nightPhone']} rules={[phoneRule]} style={{ margin: 0 }}>
                <Input maxLength={20} placeholder={r.zoneId ? '' : '59800003'} aria-label={`${r.name} ${T.admin.nightPhone}`} />
              </Form.Item>
            ),
          },
        ]}
      />
      <Space wrap style={{ marginTop: 16 }} align="start">
        <Form.Item name="dayFrom" label={`${T.admin.dayHours}（起）`} rules={[{ required: true, message: T.admin.timeInvalid }, timeRule]}>
          <Input maxLength={5} style={{ width: 100 }} />
        </Form.Item>
        <Form.Item name="dayTo" label={`${T.admin.dayHours}（止）`} rules={[{ required: true, message: T.admin.timeInvalid }, timeRule]}>
          <Input maxLength={5} style={{ width: 100 }} />
        </Form.Item>
        <Form.Item name="technicianPhone" label={T.admin.technicianPhone} extra={T.admin.technicianPhoneHint} rules={[phoneRule]}>
          <Input maxLength={20} style={{ width: 220 }} />
        </Form.Item>
        <Form.Item name="technicianOwnPhone" label={T.admin.technicianOwnPhone} valuePropName="checked">
          <Switch />
        </Form.Item>
      </Space>
      <div>
        <Button type="primary" htmlType="submit" loading={saving}>
          {T.save}
        </Button>
      </div>
    </Form>
  );
}
