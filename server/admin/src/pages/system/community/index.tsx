import { ArrowLeftOutlined, DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { isMobilePhone, type Building, type Room, type Zone } from '@yizhan/shared';
import { App, Button, Card, Form, Input, Select, Space, Table, Tabs, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { CursorTable } from '../../../components/CursorTable';
import { useFormModal } from '../../../components/FormModal';
import { useZones } from '../../../components/pickers';
import { useAsync } from '../../../hooks/useAsync';
import { useCursorPages } from '../../../hooks/useCursorPages';
import { useDryRunImport } from '../../../hooks/useDryRunImport';
import * as admin from '../../../services/admin';
import { T } from '../../../strings';
import { HotlinesTab } from './Hotlines';
import { PlacesTab } from './Places';
import { ImportPicker, ImportPreview, downloadCsvTemplate } from '../../../components/SheetImport';

function ZonesTab({ communityId, zones, loading, reload }: { communityId: string; zones: Zone[]; loading: boolean; reload: () => void }) {
  const { message } = App.useApp();
  const modal = useFormModal<{ name: string }>(async (v) => {
    await admin.createZone(communityId, { name: v.name.trim() });
    message.success(T.saved);
    reload();
  });
  return (
    <>
      <Button icon={<PlusOutlined />} style={{ marginBottom: 12 }} onClick={() => modal.open()}>
        {T.create}
      </Button>
      <Table<Zone> rowKey="id" loading={loading} dataSource={zones} pagination={false} columns={[{ title: T.admin.zoneName, dataIndex: 'name' }]} />
      {modal.render(
        T.admin.zones,
        <Form.Item
          name="name"
          label={T.admin.zoneName}
          rules={[{ required: true, whitespace: true, message: T.required(T.admin.zoneName) }]}
          extra="如 A1区、B2区"
        >
          <Input maxLength={50} />
        </Form.Item>,
      )}
    </>
  );
}

function BuildingsTab({ communityId, zones }: { communityId: string; zones: Zone[] }) {
  const { message } = App.useApp();
  const { data, loading, reload } = useAsync(() => admin.listBuildings(communityId), [communityId]);
  const zoneName = (id: string | null) => zones.find((z) => z.id === id)?.name ?? T.dash;
  const modal = useFormModal<{ name: string; zoneId?: string }>(async (v) => {
    await admin.createBuilding(communityId, { name: v.name.trim(), zoneId: v.zoneId ?? null });
    message.success(T.saved);
    reload();
  });
  return (
    <>
      <Button icon={<PlusOutlined />} style={{ marginBottom: 12 }} onClick={() => modal.open()}>
        {T.create}
      </Button>
      <Table<Building>
        rowKey="id"
        loading={loading}
        dataSource={data ?? []}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        columns={[
          { title: T.admin.buildingName, dataIndex: 'name' },
          { title: T.ticket.zone, dataIndex: 'zoneId', render: zoneName },
        ]}
      />
      {modal.render(
        T.admin.buildings,
        <>
          <Form.Item name="name" label={T.admin.buildingName} rules={[{ required: true, whitespace: true, message: T.required(T.admin.buildingName) }]}>
            <Input maxLength={50} />
          </Form.Item>
          <Form.Item name="zoneId" label={T.ticket.zone} extra="楼栋内房屋的报修按此分区派给值班客服">
            <Select allowClear options={zones.map((z) => ({ value: z.id, label: z.name }))} />
          </Form.Item>
        </>,
      )}
    </>
  );
}

interface RoomForm {
  buildingId: string;
  unit?: string;
  number: string;
  ownerName?: string;
  ownerPhone?: string;
}

const phoneRule = {
  validator: (_: unknown, v: string | undefined) => (!v?.trim() || isMobilePhone(v) ? Promise.resolve() : Promise.reject(new Error(T.intake.phoneInvalid))),
};

function RoomsTab({ communityId, zones }: { communityId: string; zones: Zone[] }) {
  const { message } = App.useApp();
  const [q, setQ] = useState('');
  const [buildingId, setBuildingId] = useState<string | undefined>();
  const { data: buildings } = useAsync(() => admin.listBuildings(communityId), [communityId]);
  const pager = useCursorPages<Room>(
    (cursor, limit) => admin.listRooms(communityId, { q: q || undefined, buildingId }, { cursor, limit }),
    [communityId, q, buildingId],
  );
  const editingId = useRef<string | null>(null);
  const modal = useFormModal<RoomForm>(async (v) => {
    // The list shows phones masked and never the full number: send one only when typed.
    const roster: admin.RoomRosterInput = {};
    if (v.ownerName?.trim()) roster.ownerName = v.ownerName.trim();
    if (v.ownerPhone?.trim()) roster.ownerPhone = v.ownerPhone.trim();
    if (editingId.current) await admin.updateRoom(communityId, editingId.current, roster);
    else
      await admin.createRoom(communityId, { buildingId: v.buildingId, number: v.number.trim(), ...(v.unit?.trim() ? { unit: v.unit.trim() } : {}), ...roster });
    message.success(T.saved);
    pager.reload();
  });
  const zoneName = (id: string | null) => zones.find((z) => z.id === id)?.name ?? T.dash;
  return (
    <>
      <Space style={{ marginBottom: 12 }} wrap>
        <Select
          allowClear
          placeholder={T.admin.allBuildings}
          value={buildingId}
          onChange={setBuildingId}
          options={(buildings ?? []).map((b) => ({ value: b.id, label: b.name }))}
          style={{ width: 140 }}
        />
        <Input.Search allowClear placeholder={T.admin.roomSearch} onSearch={(v) => setQ(v.trim())} style={{ width: 300 }} data-testid="room-search" />
        <Button
          icon={<PlusOutlined />}
          onClick={() => {
            editingId.current = null;
            modal.open();
          }}
        >
          {T.create}
        </Button>
      </Space>
      <CursorTable<Room>
        pager={pager}
        rowKey="id"
        columns={[
          { title: T.admin.label, dataIndex: 'label' },
          { title: T.ticket.zone, dataIndex: 'zoneId', render: zoneName },
          { title: T.admin.ownerName, dataIndex: 'ownerName', render: (v: string | null) => v ?? T.dash },
          { title: T.admin.ownerPhone, dataIndex: 'ownerPhoneMasked', render: (v: string | null) => v ?? T.dash },
          {
            title: T.ticket.actions,
            key: 'a',
            render: (_, r) => (
              <Button
                size="small"
                onClick={() => {
                  editingId.current = r.id;
                  modal.open({ buildingId: r.buildingId, unit: r.unit, number: r.number, ownerName: r.ownerName ?? undefined });
                }}
              >
                {T.admin.editRoster}
              </Button>
            ),
          },
        ]}
      />
      {modal.render(
        T.admin.rooms,
        <>
          <Form.Item name="buildingId" label={T.admin.buildings} rules={[{ required: true, message: T.choose(T.admin.buildings) }]}>
            <Select disabled={modal.editing} options={(buildings ?? []).map((b) => ({ value: b.id, label: b.name }))} />
          </Form.Item>
          <Form.Item name="unit" label={T.admin.unit}>
            <Input maxLength={20} disabled={modal.editing} />
          </Form.Item>
          <Form.Item name="number" label={T.admin.number} rules={[{ required: true, whitespace: true, message: T.required(T.admin.number) }]}>
            <Input maxLength={20} disabled={modal.editing} />
          </Form.Item>
          <Form.Item name="ownerName" label={T.admin.ownerName}>
            <Input maxLength={30} />
          </Form.Item>
          <Form.Item name="ownerPhone" label={T.admin.ownerPhone} extra={modal.editing ? T.admin.phoneKeepHint : undefined} rules={[phoneRule]}>
            <Input maxLength={20} inputMode="tel" />
          </Form.Item>
        </>,
      )}
    </>
  );
}

const TEMPLATE = '分区,楼栋,单元,房号,业主姓名,业主电话\nA1区,1栋,1,101,张三,13800138000\n';

function downloadTemplate() {
  downloadCsvTemplate('房屋名册模板.csv', TEMPLATE);
}

/** Upload the roster, preview with per-row problems (dry run), then apply. */
export function ImportTab({ communityId }: { communityId: string }) {
  const { preview, busy, bad, check, apply } = useDryRunImport((f, dryRun) => admin.importRooms(communityId, f, dryRun));

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Text type="secondary">{T.admin.importHint}</Typography.Text>
      <Space wrap>
        <Button icon={<DownloadOutlined />} onClick={downloadTemplate}>
          {T.admin.importTemplate}
        </Button>
        <ImportPicker onPick={(f) => void check(f)} loading={busy && !preview} />
      </Space>
      {preview ? (
        <>
          <ImportPreview result={preview} bad={bad} busy={busy} nameTitle={T.admin.label} nameField="label" onApply={apply} />
        </>
      ) : null}
    </Space>
  );
}

export default function CommunityPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const { data: community } = useAsync(() => admin.getCommunity(id), [id]);
  const { zones, loading: zonesLoading, reload: reloadZones } = useZones(id);
  return (
    <Card
      title={
        <Space>
          <Button type="text" icon={<ArrowLeftOutlined />} onClick={() => navigate('/system/communities')} aria-label="返回" />
          {community?.name ?? T.loading}
        </Space>
      }
    >
      <Tabs
        items={[
          { key: 'zones', label: T.admin.zones, children: <ZonesTab communityId={id} zones={zones} loading={zonesLoading} reload={reloadZones} /> },
          { key: 'buildings', label: T.admin.buildings, children: <BuildingsTab communityId={id} zones={zones} /> },
          { key: 'rooms', label: T.admin.rooms, children: <RoomsTab communityId={id} zones={zones} /> },
          { key: 'places', label: T.admin.places, children: <PlacesTab communityId={id} zones={zones} /> },
          { key: 'hotlines', label: T.admin.hotlines, children: <HotlinesTab communityId={id} zones={zones} /> },
          { key: 'import', label: T.admin.import, children: <ImportTab communityId={id} /> },
        ]}
      />
    </Card>
  );
}
