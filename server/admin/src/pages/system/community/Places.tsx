import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import type { Place, Zone } from '@yizhan/shared';
import { App, Button, Form, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useRef } from 'react';
import { useDryRunImport } from '../../../hooks/useDryRunImport';
import { useFormModal } from '../../../components/FormModal';
import { useAsync } from '../../../hooks/useAsync';
import * as admin from '../../../services/admin';
import { T } from '../../../strings';
import { ImportPicker, ImportPreview, downloadCsvTemplate } from '../../../components/SheetImport';

interface PlaceForm {
  name: string;
  zoneId?: string | null;
  buildingId?: string | null;
}

const TEMPLATE = '名称,分区,楼栋\n1号门岗,A1,\n地下车库B1,,\n中心花园,A1,\n';

function downloadTemplate() {
  downloadCsvTemplate('公共场所模板.csv', TEMPLATE);
}

/** 公共场所: the community's named public spots — added one by one or from a sheet, renamed, retired. */
export function PlacesTab({ communityId, zones }: { communityId: string; zones: Zone[] }) {
  const { message } = App.useApp();
  const { data, loading, reload } = useAsync(() => admin.listPlaces(communityId), [communityId]);
  const { data: buildings } = useAsync(() => admin.listBuildings(communityId), [communityId]);
  const editingId = useRef<string | null>(null);
  const { preview, busy, bad, check, apply, cancel } = useDryRunImport((f, dryRun) => admin.importPlaces(communityId, f, dryRun), reload);
  const modal = useFormModal<PlaceForm>(async (v) => {
    const body = { name: v.name.trim(), zoneId: v.zoneId ?? null, buildingId: v.buildingId ?? null };
    if (editingId.current) await admin.updatePlace(editingId.current, body);
    else await admin.createPlace(communityId, body);
    message.success(T.saved);
    reload();
  });
  const zoneName = (id: string | null) => zones.find((z) => z.id === id)?.name ?? T.dash;
  const buildingName = (id: string | null) => buildings?.find((b) => b.id === id)?.name ?? T.dash;
  const setActive = async (p: Place, active: boolean) => {
    await admin.updatePlace(p.id, { active });
    message.success(T.saved);
    reload();
  };

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Text type="secondary">{T.admin.placeHint}</Typography.Text>
      <Space wrap>
        <Button
          icon={<PlusOutlined />}
          onClick={() => {
            editingId.current = null;
            modal.open();
          }}
        >
          {T.create}
        </Button>
        <Button icon={<DownloadOutlined />} onClick={downloadTemplate}>
          {T.admin.placeImportTemplate}
        </Button>
        <ImportPicker onPick={(f) => void check(f)} loading={busy && !preview} />
      </Space>
      {preview ? (
        <>
          <Typography.Text type="secondary">{T.admin.placeImportHint}</Typography.Text>
          <ImportPreview result={preview} bad={bad} busy={busy} nameTitle={T.admin.placeName} nameField="name" onApply={apply} onCancel={cancel} />
        </>
      ) : null}
      <Table<Place>
        rowKey="id"
        loading={loading}
        dataSource={data?.items ?? []}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        scroll={{ x: 'max-content' }}
        columns={[
          { title: T.admin.placeName, dataIndex: 'name' },
          { title: T.ticket.zone, dataIndex: 'zoneId', render: zoneName },
          { title: T.admin.placeBuilding, dataIndex: 'buildingId', render: buildingName },
          {
            title: T.admin.placeActive,
            dataIndex: 'active',
            render: (active: boolean) => (active ? <Tag color="green">{T.admin.placeInUse}</Tag> : <Tag>{T.admin.placeRetired}</Tag>),
          },
          {
            title: T.ticket.actions,
            key: 'a',
            render: (_, p) => (
              <Space>
                <Button
                  size="small"
                  onClick={() => {
                    editingId.current = p.id;
                    modal.open({ name: p.name, zoneId: p.zoneId, buildingId: p.buildingId });
                  }}
                >
                  {T.edit}
                </Button>
                <Button size="small" onClick={() => void setActive(p, !p.active)}>
                  {p.active ? T.admin.placeRetire : T.admin.placeRestore}
                </Button>
              </Space>
            ),
          },
        ]}
      />
      {modal.render(
        T.admin.places,
        <>
          <Form.Item
            name="name"
            label={T.admin.placeName}
            rules={[{ required: true, whitespace: true, message: T.required(T.admin.placeName) }]}
            extra="如 1号门岗、地下车库B1、中心花园"
          >
            <Input maxLength={50} />
          </Form.Item>
          <Form.Item name="zoneId" label={T.ticket.zone} extra="该场所的报修派给此分区的值班客服；不选则派给全小区值班客服">
            <Select allowClear options={zones.map((z) => ({ value: z.id, label: z.name }))} />
          </Form.Item>
          <Form.Item name="buildingId" label={T.admin.placeBuilding}>
            <Select allowClear options={(buildings ?? []).map((b) => ({ value: b.id, label: b.name }))} />
          </Form.Item>
        </>,
      )}
    </Space>
  );
}
